import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every module a file pulls in at run time (type-only imports left out), following relative and "@/" paths. */
function runtimeImports(entry: string): { local: Set<string>; packages: Set<string> } {
  const local = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (local.has(file)) return;
    local.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const spec = m[2]!;
      if (!spec.startsWith('.') && !spec.startsWith('@/')) {
        packages.add(spec);
        continue;
      }
      const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(file), spec);
      const found = ['.ts', '.tsx', '/index.ts', ''].map((ext) => base + ext).find((p) => existsSync(p) && !p.endsWith('/'));
      if (found) visit(found);
    }
  };
  visit(entry);
  return { local, packages };
}

describe('what every frame loads', () => {
  // The isolated observer runs in every frame of every page, the probe in every page's own
  // world: neither may carry zod, the browser polyfill or the tracker index.
  for (const entry of ['entrypoints/observer.ts', 'entrypoints/probe.content.ts', 'entrypoints/probe-reader.content.ts']) {
    it(`${entry} imports no zod, no polyfill and no engine index`, () => {
      const { local, packages } = runtimeImports(join(ROOT, entry));
      expect([...packages].filter((p) => p === 'zod' || p.startsWith('wxt/browser') || p.includes('polyfill'))).toEqual([]);
      expect([...local].filter((f) => f.includes('/generated/') || f.endsWith('/utils/messages.ts'))).toEqual([]);
      expect(local.size).toBeGreaterThan(3);
    });
  }
});
