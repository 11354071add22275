import { defineConfig } from 'vitest/config';

// Unit tests of the server: no external services. Integration tests (`*.int.test.ts`) run from
// vitest.integration.config.ts, once on the embedded defaults and once on MariaDB + Redis.
// PROMO_UNIT_WITHOUT_SQLITE leaves out the one unit file that opens SQLite (the unit suite on a second
// Node version, whose ABI the installed better-sqlite3 binary was not built for; scripts/run-tests.mjs).
const withoutSqlite = process.env.PROMO_UNIT_WITHOUT_SQLITE === 'true' ? ['src/limits/limits-store.test.ts'] : [];

export default defineConfig({
  test: { name: 'server', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts', '**/node_modules/**', ...withoutSqlite], environment: 'node' },
});
