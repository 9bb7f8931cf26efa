import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium. One file at a time (each
// starts its own browser), generous timeouts for a 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
