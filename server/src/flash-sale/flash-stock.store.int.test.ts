import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { describeFlashStockContract } from './flash-stock.contract.js';
import { createMemoryFlashStockStore } from './memory-flash-stock.store.js';
import { createRedisFlashStockStore } from './redis-flash-stock.store.js';
import type { FlashStockStore } from './flash-stock.store.js';
import { saleItemKeys } from './sale-item.js';

describeFlashStockContract('in-process', async () => createMemoryFlashStockStore());

const services = backendServices();
if (services.redisUrl) {
  const url = services.redisUrl;
  const opened: FlashStockStore[] = [];
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const store of opened) await store.dispose();
    for (const client of clients) await client.quit();
  });
  /** A store under a fresh key prefix, and a second connection to look at its keys directly. */
  const openRedisStore = () => {
    const prefix = `t_${randomUUID().slice(0, 8)}:`;
    const redis = new Redis(url);
    clients.push(redis);
    const store = createRedisFlashStockStore({ redis: redis.duplicate(), keyPrefix: prefix, consumerName: 'c1' });
    opened.push(store);
    return { prefix, redis, store };
  };
  describeFlashStockContract('redis', async () => {
    const store = createRedisFlashStockStore({ redis: new Redis(url), keyPrefix: `t_${randomUUID().slice(0, 8)}:`, consumerName: 'c1' });
    opened.push(store);
    return store;
  });

  describe('redis log trimming', () => {
    it('drops acked entries and keeps every pending and undelivered one', async () => {
      const { prefix, redis, store } = openRedisStore();
      const item = { campaignId: 'c-trim', sku: 's-1' };
      const stream = saleItemKeys(item, prefix).stream;
      const now = Date.now();
      await store.initialise(item, { terms: { price: 990, perUserLimit: 2, reservationMs: 60_000, closesAt: now + 60_000 }, allocated: 1_000, reservations: [] });
      // One at a time, so each reservation is its own log entry (a turn's attempts share one).
      const reserve = async (from: number, n: number) => {
        for (let i = from; i < from + n; i++) await store.reserve(item, { userId: `u${i}`, quantity: 1, idempotencyKey: 'k', token: `t${String(i).padStart(4, '0')}`, now });
      };
      await reserve(0, 500);
      const read = await store.readEvents([item], 500);
      await store.ack(read.slice(0, 300));
      expect(await redis.xlen(stream)).toBeGreaterThanOrEqual(200);
      expect((await store.readEvents([item], 500, 'pending')).map((e) => e.reservation.token)).toEqual(read.slice(300).map((e) => e.reservation.token));
      await reserve(500, 10);
      const five = await store.readEvents([item], 5);
      await store.ack([...read.slice(300), ...five]);
      expect(await redis.xlen(stream)).toBeLessThanOrEqual(100);
      expect((await store.readEvents([item], 100)).map((e) => e.reservation.token)).toEqual(['t0505', 't0506', 't0507', 't0508', 't0509']);
    });
  });

  describe('redis log batches', () => {
    it('logs the reservations of one turn as one entry, read back as one event each and acked together', async () => {
      const { prefix, redis, store } = openRedisStore();
      const item = { campaignId: 'c-batch', sku: 's-1' };
      const now = Date.now();
      await store.initialise(item, { terms: { price: 990, perUserLimit: 1, reservationMs: 60_000, closesAt: now + 60_000 }, allocated: 3, reservations: [] });
      const outcomes = await Promise.all(['u1', 'u2', 'u1', 'u3', 'u4'].map((u, i) => store.reserve(item, { userId: u, quantity: 1, idempotencyKey: `k${i}`, token: `t${i}`, now })));
      expect(outcomes.map((o) => o.kind)).toEqual(['reserved', 'reserved', 'user_limit', 'reserved', 'sold_out']);
      expect(await store.inspect(item)).toMatchObject({ stock: 0, allocated: 3 });
      expect(await redis.xlen(saleItemKeys(item, prefix).stream)).toBe(1);
      const events = await store.readEvents([item], 10);
      expect(events.map((e) => [e.type, e.reservation.userId, e.reservation.token])).toEqual([
        ['reserved', 'u1', 't0'],
        ['reserved', 'u2', 't1'],
        ['reserved', 'u3', 't3'],
      ]);
      await store.ack(events);
      expect(await store.readEvents([item], 10, 'pending')).toEqual([]);
      expect(await store.liveCounters(item, Math.floor(now / 1000))).toEqual({ units: 3, orders: 3, gmv: 2_970 });
    });
  });

  describe('redis log format', () => {
    it('still reads entries logged in the four-field format of earlier versions', async () => {
      const { prefix, redis, store } = openRedisStore();
      const item = { campaignId: 'c-old', sku: 's-1' };
      await store.initialise(item, { terms: { price: 990, perUserLimit: 2, reservationMs: 60_000, closesAt: Date.now() + 60_000 }, allocated: 5, reservations: [] });
      await redis.xadd(saleItemKeys(item, prefix).stream, '*', 't', 'c', 'k', 'tok-1', 'v', 'c|u1|2|990|123|k1|o-9', 'at', '77');
      const [event] = await store.readEvents([item], 10);
      expect(event).toMatchObject({ type: 'confirmed', at: 77, reservation: { token: 'tok-1', userId: 'u1', quantity: 2, price: 990, status: 'confirmed', orderId: 'o-9' } });
    });
  });
}
