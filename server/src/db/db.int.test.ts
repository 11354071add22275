import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { migrateLatest, migrateRollbackAll } from './migrate.js';
import { migrations } from './migrations/index.js';
import { recordSyncChange } from './sync-seq.js';

describe('migrations', () => {
  let database: TestDatabase;
  let db: Knex;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    db = database.connect();
  });
  afterAll(async () => {
    await db.destroy();
    await database.dispose();
  });

  it('apply every migration in order on a new database, then nothing on a second run', async () => {
    expect(await migrateLatest(db)).toEqual(migrations.map((m) => m.name));
    expect(await migrateLatest(db)).toEqual([]);
    for (const table of ['users', 'sessions', 'api_keys', 'audit_log', 'sync_seq', 'sync_changes']) expect(await db.schema.hasTable(table)).toBe(true);
  });

  it('roll back completely and apply again', async () => {
    await migrateRollbackAll(db);
    expect(await db.schema.hasTable('users')).toBe(false);
    expect(await migrateLatest(db)).toEqual(migrations.map((m) => m.name));
  });

  it('store epoch-ms timestamps and read them back as exact numbers', async () => {
    const at = 1_790_000_000_123;
    await db('audit_log').insert({ actor: 'test', action: 'probe', entity_type: 'x', entity_id: '1', diff: JSON.stringify({ a: '满减' }), at });
    const row = (await db('audit_log').where({ action: 'probe' }).first()) as { at: number; diff: string };
    expect(row.at).toBe(at);
    expect(JSON.parse(row.diff)).toEqual({ a: '满减' });
  });

  it('store four-byte unicode', async () => {
    await db('users').insert({ id: 'emoji', username: '🧧 红包', password_hash: 'x', role: 'analyst', display_name: '🧧', locale: 'zh-CN', created_at: 0 });
    const row = (await db('users').where({ id: 'emoji' }).first()) as { username: string };
    expect(row.username).toBe('🧧 红包');
  });
});

describe('sync sequence', () => {
  let database: TestDatabase;
  let db: Knex;
  let second: Knex;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.connect();
    // In-process SQLite pools on one file deadlock (the synchronous driver's busy wait blocks the
    // event loop the lock holder needs), so embedded "instances" share one pool.
    second = database.backend === 'embedded' ? db : database.connect();
  });
  afterAll(async () => {
    if (second !== db) await second.destroy();
    await db.destroy();
    await database.dispose();
  });

  it('hands out gap-free increasing numbers to concurrent transactions on two pools', async () => {
    const seqs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? db : second).transaction((trx) => recordSyncChange(trx, { entityType: 'campaign', entityId: `c${i}`, version: 1, deleted: false, at: i })),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const rows: { seq: number }[] = await db('sync_changes').select('seq').orderBy('seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives back the number of a rolled-back transaction', async () => {
    await expect(
      db.transaction(async (trx) => {
        await recordSyncChange(trx, { entityType: 'campaign', entityId: 'x', version: 1, deleted: false, at: 0 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const seq = await db.transaction((trx) => recordSyncChange(trx, { entityType: 'campaign', entityId: 'y', version: 1, deleted: true, at: 0 }));
    expect(seq).toBe(21);
  });
});
