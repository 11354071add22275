import { defineConfig } from 'vitest/config';

// Unit tests of the server: no external services. Integration tests (`*.int.test.ts`) run from
// vitest.integration.config.ts, once on the embedded defaults and once on MariaDB + Redis.
export default defineConfig({
  test: { name: 'server', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts', '**/node_modules/**'], environment: 'node' },
});
