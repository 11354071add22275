import pino from 'pino';
import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClock } from '../../test/test-clock.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import type { FlashStockStore } from './flash-stock.store.js';
import { createMemoryFlashStockStore } from './memory-flash-stock.store.js';
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
