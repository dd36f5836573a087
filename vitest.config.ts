import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web app loads OpenPGP's browser-only lightweight build; tests of its modules run in Node.
  resolve: { alias: { 'openpgp/lightweight': 'openpgp' } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    reporters: ['default', './test/harness/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention to the timing-free tests.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
