import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { describeFlashStockContract } from './flash-stock.contract.js';
import { createMemoryFlashStockStore } from './memory-flash-stock.store.js';
import { createRedisFlashStockStore } from './redis-flash-stock.store.js';
import type { FlashStockStore } from './flash-stock.store.js';

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
}
