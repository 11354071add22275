import { defineConfig } from 'vitest/config';

// Unit tests of the studio: pure logic (sync engine, outbox, merge, forms, navigation policy) in
// Node; IndexedDB comes from fake-indexeddb, Electron is substituted with vi.mock.
export default defineConfig({
  test: { name: 'desktop', include: ['src/**/*.test.ts'], environment: 'node' },
});
