import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryDB } from '@/utils/db/database';
import { importBytes, importParsed, parseImport } from '@/utils/db/import';
import { MAX_IMPORT_BYTES } from '@/utils/db/import-payload';
import { dump, fill, freshDb } from './fixtures';

const DIR = join(import.meta.dirname, '../../fixtures/bad-exports');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, { problem: string; detail: string }>;
const files = readdirSync(DIR).filter((f) => f !== 'expected.json' && f !== 'README.md');

describe('bad exports are refused with the first problem named, and the store is unchanged', () => {
  let db: HistoryDB;
  let before: Awaited<ReturnType<typeof dump>>;
  beforeAll(async () => {
    db = freshDb();
    await fill(db);
    before = await dump(db);
  });
  afterAll(async () => db.delete());

  it('the corpus has at least ten files, each with its expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    it(file, async () => {
      const result = await importBytes(db, new Uint8Array(readFileSync(join(DIR, file))));
      expect(result).toMatchObject({ ok: false, problem: expected[file]!.problem });
      expect((result as { detail: string }).detail).toContain(expected[file]!.detail);
      expect(await dump(db)).toEqual(before);
    });
  }

  it('an oversized file is refused before it is read', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    big[0] = 0x7b;
    const result = await importBytes(db, big);
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
    expect((result as { detail: string }).detail).toContain('the limit is 24.0 MB');
    expect(await dump(db)).toEqual(before);
  });

  it('a failure inside the write transaction rolls everything back', async () => {
    const parsed = parseImport({ kind: 'text', text: readFileSync(join(DIR, '../good-export.ndjson'), 'utf8') });
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.records.visits).toHaveLength(1);
    // The visit and contact would be new; a signal with no key makes IndexedDB refuse the last write.
    const broken = { ...parsed, records: { ...parsed.records, signals: [{ ...parsed.records.contacts[0], id: undefined } as never] } };
    await expect(importParsed(db, broken)).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
    // The same file, intact, imports.
    await expect(importParsed(db, parsed)).resolves.toMatchObject({ ok: true, added: { visits: 1, contacts: 1 } });
    expect(await db.visits.count()).toBe(before.visits!.length + 1);
  });
});
