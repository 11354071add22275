import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('script limits store restoring lost counters', () => {
  it('rebuilds counters and attempt markers from the durable usage once, before any read or change', async () => {
    const stores = createMemoryStores('t:');
    let loads = 0;
    const store = createScriptLimitsStore(stores.scripts, {
      locks: stores.locks,
      loadDurableUsage: () => {
        loads += 1;
        return Promise.resolve({ counters: new Map([['budget', 40]]), attempts: ['old:1'] });
      },
    });
    const reads = await Promise.all(Array.from({ length: 10 }, () => store.read(['budget'])));
    expect(reads.map((r) => r.get('budget'))).toEqual(Array.from({ length: 10 }, () => 40));
    expect(loads).toBe(1);
    expect(await store.consume({ orderId: 'new:1', entries: [{ key: 'budget', amount: 20, cap: 50 }] })).toEqual({ status: 'rejected', key: 'budget' });
    expect(await store.release({ orderId: 'old:1', entries: [{ key: 'budget', amount: 40, cap: 50 }] })).toEqual({ status: 'released' });
    expect(await store.consume({ orderId: 'new:1', entries: [{ key: 'budget', amount: 20, cap: 50 }] })).toEqual({ status: 'consumed' });
    expect((await store.read(['budget'])).get('budget')).toBe(20);
    expect(loads).toBe(1);
    await stores.close();
  });
});
