import { Redis } from 'ioredis';
import pino from 'pino';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { createTestClock } from '../../test/test-clock.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import type { FlashStockStore } from './flash-stock.store.js';
import { createMemoryFlashStockStore } from './memory-flash-stock.store.js';
import { startPersisterThread, watchWriters, type PersisterThread } from './persister-thread/persister-thread.js';
import { createRedisFlashStockStore } from './redis-flash-stock.store.js';
import { createReservationPersister, persistReservations } from './reservation-persister.js';
import { newReservationToken } from './reservation-token.js';
import { soldInSql } from './reservations.repo.js';

const NOW = Date.UTC(2026, 10, 11, 2, 0, 0);
const item = { campaignId: 'c-persist', sku: 'p-1' };
/** More than one XREADGROUP batch and one INSERT chunk, with a partial last chunk. */
const EVENTS = 2_345;

const opened: { database: TestDatabase; db: Knex; stock: FlashStockStore }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.stock.dispose();
    await o.db.destroy();
    await o.database.dispose();
  }
});

async function loggedSale(events: number) {
  const database = await createTestDatabase();
  const db = database.connect();
  const stock = createMemoryFlashStockStore();
  opened.push({ database, db, stock });
  await stock.initialise(item, { terms: { price: 990, perUserLimit: 5, reservationMs: 900_000, closesAt: NOW + 3_600_000 }, allocated: events, reservations: [] });
  for (let i = 0; i < events; i++) {
    const outcome = await stock.reserve(item, { userId: `u${i}`, quantity: 1, idempotencyKey: `k${i}`, token: newReservationToken(item, undefined, NOW + i), now: NOW });
    expect(outcome.kind).toBe('reserved');
  }
  return { db, stock };
}

const persisterOf = (db: Knex, stock: FlashStockStore, maxLagMs: number) => createReservationPersister({ db, stock, clock: createTestClock(NOW), logger: pino({ level: 'silent' }), maxLagMs });

describe('reservation persister', () => {
  it('keeps events a tick read pending until they waited maxLagMs, then a drain writes each exactly once', async () => {
    const { db, stock } = await loggedSale(EVENTS);
    const persister = persisterOf(db, stock, 60_000);
    expect(await persister.tick([item])).toBe(0);
    expect(await soldInSql(db, item)).toBe(0);
    expect(await persister.drain([item])).toBe(EVENTS);
    expect(await soldInSql(db, item)).toBe(EVENTS);
    expect(await persister.drain([item])).toBe(0);
    expect(await stock.readEvents([item], 10, 'pending')).toEqual([]);
  });

  it('writes what a tick read once it waited maxLagMs', async () => {
    const { db, stock } = await loggedSale(EVENTS);
    expect(await persisterOf(db, stock, 0).tick([item])).toBe(EVENTS);
    expect(await soldInSql(db, item)).toBe(EVENTS);
  });

  it('ignores a reservation written twice, by token and by idempotency key', async () => {
    const { db, stock } = await loggedSale(3);
    const reservations = (await stock.readEvents([item], 10)).map((e) => e.reservation);
    await persistReservations(db, reservations, NOW);
    const [first] = reservations;
    if (!first) throw new Error('no reservation');
    await persistReservations(db, [...reservations, { ...first, token: newReservationToken(item, undefined, NOW + 99) }], NOW);
    expect(await db('flash_reservations').count({ n: '*' }).first()).toEqual({ n: 3 });
  });
});

describe('persisting in slices when another writer waits', () => {
  it('commits after every slice while commitEarly says so, and writes each row and outbox message once', async () => {
    const { db, stock } = await loggedSale(1_200);
    const reservations = (await stock.readEvents([item], 2_000)).map((e, i) => (i % 3 === 0 ? { ...e.reservation, status: 'confirmed' as const, orderId: `o-${i}` } : e.reservation));
    let commits = 0;
    db.on('query', (q: { sql?: string }) => {
      if (/^commit/i.test(q.sql ?? '')) commits += 1;
    });
    await persistReservations(db, reservations, NOW, { commitEarly: () => true });
    expect(commits).toBe(3);
    expect(await soldInSql(db, item)).toBe(1_200);
    expect(await db('outbox').count({ n: '*' }).first()).toEqual({ n: 400 });
    await persistReservations(db, reservations, NOW, { commitEarly: () => true });
    expect(await db('flash_reservations').count({ n: '*' }).first()).toEqual({ n: 1_200 });
    expect(await db('outbox').count({ n: '*' }).first()).toEqual({ n: 400 });
  });

  it('splits a write larger than txRows into transactions of at most txRows rows', async () => {
    const { db, stock } = await loggedSale(1_200);
    const reservations = (await stock.readEvents([item], 2_000)).map((e) => e.reservation);
    let commits = 0;
    db.on('query', (q: { sql?: string }) => {
      if (/^commit/i.test(q.sql ?? '')) commits += 1;
    });
    await persistReservations(db, reservations, NOW, { txRows: 1_000 });
    expect(commits).toBe(2);
    expect(await soldInSql(db, item)).toBe(1_200);
  });

  it('flags the request thread\'s writes (in transactions too) but not its reads', async () => {
    const database = await createTestDatabase();
    const db = database.connect();
    opened.push({ database, db, stock: createMemoryFlashStockStore() });
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const unwatch = watchWriters(db, flag);
    await db('flash_reservations').select('token').limit(1);
    expect(Atomics.load(flag, 0)).toBe(0);
    await db.transaction(async (trx) => {
      expect(Atomics.load(flag, 0)).toBe(1);
      Atomics.store(flag, 0, 0);
      await trx('inventory_levels').insert({ sku: 's-1', quantity: 3, reported_at: NOW });
    });
    expect(Atomics.load(flag, 0)).toBe(1);
    unwatch();
    Atomics.store(flag, 0, 0);
    await db('inventory_levels').insert({ sku: 's-2', quantity: 3, reported_at: NOW });
    expect(Atomics.load(flag, 0)).toBe(0);
  });
});

const services = backendServices();
if (services.redisUrl) {
  const redisUrl = services.redisUrl;
  const threads: PersisterThread[] = [];
  afterEach(async () => {
    for (const t of threads.splice(0)) await t.close();
  });

  /** A sale logged in Redis by `events` reservations, and a persister thread on `sql`'s database. */
  async function threadSale(sql: 'sqlite' | 'mariadb', events: number, txRows = 1_000) {
    const database = await createTestDatabase({ config: sql === 'sqlite' ? { DATABASE_URL: undefined } : {} });
    const db = database.connect();
    const stock = createRedisFlashStockStore({ redis: new Redis(redisUrl), keyPrefix: database.config.REDIS_KEY_PREFIX, consumerName: 'request-thread' });
    opened.push({ database, db, stock });
    await stock.initialise(item, { terms: { price: 990, perUserLimit: 5, reservationMs: 900_000, closesAt: NOW + 3_600_000 }, allocated: events, reservations: [] });
    await Promise.all(
      Array.from({ length: events }, (_, i) => stock.reserve(item, { userId: `u${i}`, quantity: 1, idempotencyKey: `k${i}`, token: newReservationToken(item, undefined, NOW + i), now: NOW })),
    );
    const thread = startPersisterThread({ config: database.config, consumerName: 'persister-thread', clock: createTestClock(NOW), logger: pino({ level: 'silent' }), txRows, requestDb: db });
    threads.push(thread);
    return { db, stock, thread };
  }

  describe.each(['sqlite', 'mariadb'] as const)('reservation persister on its own thread (Redis log, %s)', (sql) => {
    it('writes every logged reservation exactly once, in several transactions, and acks the log', async () => {
      const { db, stock, thread } = await threadSale(sql, EVENTS);
      expect(await thread.drain([item])).toBe(EVENTS);
      expect(await soldInSql(db, item)).toBe(EVENTS);
      expect(await thread.soldInSql([item, { campaignId: 'c-persist', sku: 'unsold' }])).toEqual([EVENTS, 0]);
      expect(await thread.drain([item])).toBe(0);
      expect(await stock.readEvents([item], 10, 'pending')).toEqual([]);
      const row: unknown = await db('flash_reservations').where({ user_id: 'u7' }).first('price', 'status', 'created_at');
      expect(row).toEqual({ price: 990, status: 'held', created_at: NOW });
    });

    it('lets the request thread write while it drains, and still writes every event once', async () => {
      const { db, thread } = await threadSale(sql, EVENTS, 10_000);
      const drained = thread.drain([item]);
      const writes = await Promise.all(Array.from({ length: 20 }, (_, i) => db('inventory_levels').insert({ sku: `w-${i}`, quantity: i, reported_at: NOW })));
      expect(writes).toHaveLength(20);
      expect(await drained).toBe(EVENTS);
      expect(await soldInSql(db, item)).toBe(EVENTS);
      expect(await db('inventory_levels').count({ n: '*' }).first()).toEqual({ n: 20 });
    });

    it('a thread that dies after reading leaves its events pending, and the next thread writes them once', async () => {
      const { db, thread } = await threadSale(sql, EVENTS, 10_000);
      // A tick reads everything but holds it for a fuller transaction (it waited less than 1 s).
      expect(await thread.tick([item])).toBe(0);
      await thread.crash();
      expect(await soldInSql(db, item)).toBe(0);
      expect(await thread.drain([item])).toBe(EVENTS);
      expect(await soldInSql(db, item)).toBe(EVENTS);
    });

    it('answers a failed write with the thread\'s error, keeps the events pending and writes them on the next pass', async () => {
      const { db, thread } = await threadSale(sql, 30);
      await db.schema.renameTable('flash_reservations', 'flash_reservations_away');
      await expect(thread.drain([item])).rejects.toThrow(/flash persister thread: .*flash_reservations/);
      await db.schema.renameTable('flash_reservations_away', 'flash_reservations');
      expect(await thread.drain([item])).toBe(30);
      expect(await soldInSql(db, item)).toBe(30);
    });
  });
}
