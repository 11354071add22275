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
  afterAll(async () => {
    for (const store of opened) await store.dispose();
  });
  describeFlashStockContract('redis', async () => {
    const store = createRedisFlashStockStore({ redis: new Redis(url), keyPrefix: `t_${randomUUID().slice(0, 8)}:`, consumerName: 'c1' });
    opened.push(store);
    return store;
  });

  describe('redis log format', () => {
    it('still reads entries logged in the four-field format of earlier versions', async () => {
      const prefix = `t_${randomUUID().slice(0, 8)}:`;
      const redis = new Redis(url);
      const store = createRedisFlashStockStore({ redis: redis.duplicate(), keyPrefix: prefix, consumerName: 'c1' });
      opened.push(store);
      const item = { campaignId: 'c-old', sku: 's-1' };
      await store.initialise(item, { terms: { price: 990, perUserLimit: 2, reservationMs: 60_000, closesAt: Date.now() + 60_000 }, allocated: 5, reservations: [] });
      await redis.xadd(saleItemKeys(item, prefix).stream, '*', 't', 'c', 'k', 'tok-1', 'v', 'c|u1|2|990|123|k1|o-9', 'at', '77');
      const [event] = await store.readEvents([item], 10);
      expect(event).toMatchObject({ type: 'confirmed', at: 77, reservation: { token: 'tok-1', userId: 'u1', quantity: 2, price: 990, status: 'confirmed', orderId: 'o-9' } });
      await redis.quit();
    });
  });
}
