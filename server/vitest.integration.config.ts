import { defineConfig } from 'vitest/config';

// Integration tests (`*.int.test.ts`) against real services: run with PROMO_BACKEND=embedded
// (SQLite + in-process stores) or PROMO_BACKEND=mariadb-redis (throwaway MariaDB + Redis started
// by test/global-setup.ts for the whole run).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    name: `integration-${process.env.PROMO_BACKEND ?? 'embedded'}`,
    include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    passWithNoTests: false,
    // Test files share no module state (no singletons by design), so workers reuse the imported
    // app instead of re-importing every module per file.
    isolate: false,
  },
});
