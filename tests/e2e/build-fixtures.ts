import { join } from 'node:path';
import { build } from 'vite';

export const GENERATED_SITES = join(import.meta.dirname, '../.tmp/sites');

const BUNDLES = [
  // The IAB's own CMP API, as a consent manager's loader would ship it.
  { entry: '../fixtures/consent/cmp.ts', host: 'sdk.privacy-center.org', file: 'loader.js' },
  // Prebid.js, as a publisher builds and self-hosts it.
  { entry: '../fixtures/prebid/prebid.ts', host: 'www.tageblatt-example.de', file: 'js/prebid.js' },
];

/** Bundles fixture scripts made from real libraries into tests/.tmp/sites/<host>/. */
export async function buildFixtures(): Promise<void> {
  for (const b of BUNDLES) {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir: join(GENERATED_SITES, b.host),
        emptyOutDir: true,
        minify: false,
        lib: { entry: join(import.meta.dirname, b.entry), formats: ['iife'], name: 'Fixture', fileName: () => b.file },
      },
    });
  }
}
