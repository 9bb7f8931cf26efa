import { join } from 'node:path';
import { build } from 'vite';

export const GENERATED_SITES = join(import.meta.dirname, '../.tmp/sites');

/** Bundles fixture scripts made from real libraries (the IAB CMP API) into tests/.tmp/sites/<host>/. */
export async function buildFixtures(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(GENERATED_SITES, 'sdk.privacy-center.org'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(import.meta.dirname, '../fixtures/consent/cmp.ts'), formats: ['iife'], name: 'FixtureCmp', fileName: () => 'loader.js' },
    },
  });
}
