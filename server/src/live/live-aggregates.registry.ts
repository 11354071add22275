import type { Clock } from '../app/deps.js';
import type { Stores } from '../stores/stores.types.js';
import type { LiveAggregates } from './live-aggregates.js';
import { createMemoryLiveAggregates } from './memory-live-aggregates.js';
import { createRedisLiveAggregates } from './redis-live-aggregates.js';

const byStores = new WeakMap<Stores, LiveAggregates>();

/**
 * The aggregates of one `Stores`: app instances sharing an in-process store (embedded, tests)
 * share their counters too, as instances sharing one Redis do. The Redis variant uses the stores'
 * own connection, so there is nothing to close.
 */
export function liveAggregatesFor(stores: Stores, clock: Clock): LiveAggregates {
  let aggregates = byStores.get(stores);
  if (!aggregates) {
    aggregates = stores.redis ? createRedisLiveAggregates(stores.redis, stores.keyPrefix) : createMemoryLiveAggregates(() => clock.now());
    byStores.set(stores, aggregates);
  }
  return aggregates;
}
