import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createSqliteDb } from '../db/create-db.js';
import { migrateLatest } from '../db/migrate.js';
import { createMemoryStores } from '../stores/memory/memory-stores.js';
import { limitsStoreContract } from './limits-store.contract.js';
import { createScriptLimitsStore } from './script-limits-store.js';
import { createSqlLimitsStore } from './sql-limits-store.js';

describe('script limits store (in-process twin of the Lua scripts)', () => {
  limitsStoreContract(async () => {
    const stores = createMemoryStores('t:');
    return { store: createScriptLimitsStore(stores.scripts, { locks: stores.locks, loadDurableUsage: () => Promise.resolve({ counters: new Map(), attempts: [] }) }), close: () => stores.close() };
  });
});

describe('SQL limits store on SQLite', () => {
  limitsStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    const db = createSqliteDb(join(dir, 'db.sqlite'));
    await migrateLatest(db);
    return {
      store: createSqlLimitsStore(db, { now: () => 1_700_000_000_000 }),
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
