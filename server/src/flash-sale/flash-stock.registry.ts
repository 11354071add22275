import { randomUUID } from 'node:crypto';
import type { Stores } from '../stores/stores.types.js';
import type { FlashStockStore } from './flash-stock.store.js';
import { createMemoryFlashStockStore } from './memory-flash-stock.store.js';
import { createRedisFlashStockStore } from './redis-flash-stock.store.js';

interface Entry {
  store: FlashStockStore;
  users: number;
}

const entries = new WeakMap<Stores, Entry>();

/**
 * One stock store per `Stores`: app instances sharing an in-process store (embedded, two-instance
 * tests) must share its flash stock too. On Redis the store gets its own connection, so its
 * pipelining setting does not change other modules' traffic. Pair with `releaseFlashStock`.
 */
export function acquireFlashStock(stores: Stores, options: { autoPipelining: boolean; onError?: (err: Error) => void }): FlashStockStore {
  let entry = entries.get(stores);
  if (!entry) {
    const connection = stores.redis?.duplicate({ enableAutoPipelining: options.autoPipelining });
    // ioredis reconnects by itself; the listener keeps a connection error from being unhandled.
    connection?.on('error', (err: Error) => options.onError?.(err));
    const store = connection
      ? createRedisFlashStockStore({
          redis: connection,
          keyPrefix: stores.keyPrefix,
          consumerName: `flash-${randomUUID().slice(0, 8)}`,
        })
      : createMemoryFlashStockStore();
    entry = { store, users: 0 };
    entries.set(stores, entry);
  }
  entry.users += 1;
  return entry.store;
}

/** The store of `stores` without taking a reference (readers); creates it like `acquireFlashStock` would. */
export function sharedFlashStock(stores: Stores): FlashStockStore {
  const store = acquireFlashStock(stores, { autoPipelining: false });
  const entry = entries.get(stores);
  if (entry) entry.users -= 1;
  return store;
}

export async function releaseFlashStock(stores: Stores): Promise<void> {
  const entry = entries.get(stores);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entries.delete(stores);
  await entry.store.dispose();
}
