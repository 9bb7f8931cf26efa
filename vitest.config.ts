import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Dexie finds indexedDB when it is first imported: fake-indexeddb must be there first.
    setupFiles: ['tests/unit/setup-indexeddb.ts'],
    mockReset: true,
    restoreMocks: true,
  },
});
