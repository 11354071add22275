import { defineConfig } from 'vitest/config';

// The unit suite: every package's fast tests. Integration (real MariaDB + Redis) and e2e run as
// their own suites from scripts/run-tests.mjs.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'desktop'],
    passWithNoTests: false,
  },
});
