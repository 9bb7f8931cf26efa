import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../public/_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8'));

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/'([a-z][A-Za-z]+)'/g)) keys.add(m[1]!);
    }
  };
  for (const d of ['components', 'entrypoints', 'utils']) walk(join(DIR, '../..', d));
  return keys;
}

describe('_locales', () => {
  const en = load('en');
  it('ships en, de, fr and nl', () => {
    expect(readdirSync(DIR).sort()).toEqual(['de', 'en', 'fr', 'nl']);
  });
  for (const lang of ['de', 'fr', 'nl']) {
    it(`${lang} has every key of en, with the same placeholders, and no extra`, () => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, m] of Object.entries(en)) {
        expect(Object.keys(other[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(m.placeholders ?? {}).sort());
        for (const ph of Object.keys(m.placeholders ?? {})) expect(other[key]!.message, `${lang}.${key}`).toContain(`$${ph.toUpperCase()}$`);
        expect(other[key]!.message.trim(), `${lang}.${key}`).not.toBe('');
      }
    });
  }
  it('every placeholder used in a message is declared', () => {
    for (const [key, m] of Object.entries(en)) {
      for (const [, name] of m.message.matchAll(/\$([A-Z_]+)\$/g)) expect(m.placeholders?.[name!.toLowerCase()], key).toBeDefined();
    }
  });
  it('every message the code asks for exists', () => {
    const fieldOrGroup = [...usedKeys()].filter((k) => /^(field|group|role|sig|prov|status|list|cookie|summary|ad|political)[A-Z]/.test(k));
    expect(fieldOrGroup.length).toBeGreaterThan(100);
    for (const k of fieldOrGroup) expect(en[k], k).toBeDefined();
  });

  it('every key passed to t(), every explanation line and every message inside a line exists', () => {
    const calls = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          for (const re of [/\bt\(\s*'([A-Za-z_]+)'/g, /\bmsg:\s*'([A-Za-z_]+)'/g, /\bline\(\s*'[a-z]+',\s*'([A-Za-z_]+)'/g, /\?\s*'(ad[A-Z][A-Za-z]+)'\s*:\s*'(ad[A-Z][A-Za-z]+)'/g]) {
            for (const m of src.matchAll(re)) for (const k of m.slice(1)) if (k) calls.add(k);
          }
        }
      }
    };
    for (const d of ['components', 'entrypoints', 'utils']) walk(join(DIR, '../..', d));
    // The explanation builds most of its lines this way; the test must see them.
    expect([...calls].filter((k) => k.startsWith('ad')).length).toBeGreaterThan(40);
    for (const k of calls) expect(en[k], k).toBeDefined();
  });
});
