import type { Knex } from 'knex';
import type { LockStore } from '../stores/stores.types.js';
import { MINUTE_MS, minuteOf, type LiveAggregates } from './live-aggregates.js';

/** Minutes re-copied on every run: the current one and a few behind it (late events, a missed run). */
const LOOKBACK_MINUTES = 5;

/**
 * Copies the per-minute buckets of every room into `metric_rollups`. Each run overwrites the
 * last few minutes with their absolute values, so runs are idempotent and instances can overlap
 * (a lock only saves the duplicate work).
 */
export function createLiveRollup(deps: { db: Knex; aggregates: LiveAggregates; locks: LockStore }) {
  async function copy(from: number, to: number): Promise<number> {
    let rows = 0;
    for (const room of await deps.aggregates.rooms()) {
      const buckets = await deps.aggregates.minuteBuckets(room, from, to);
      for (const b of buckets) {
        const row = { room, minute: b.minute, gmv: b.gmv, orders: b.orders, discount: b.discount, impressions: b.impressions, clicks: b.clicks, add_to_cart: b.add_to_cart, failures: b.failures };
        await deps.db('metric_rollups').insert(row).onConflict(['room', 'minute']).merge();
        rows += 1;
      }
    }
    return rows;
  }

  return {
    /** Copies minutes `[from, to)`; returns the rows written. */
    copy,
    /** The periodic run: the last few minutes up to and including the current one. */
    async run(now: number): Promise<number> {
      const lock = await deps.locks.acquire('live:rollup', 30_000);
      if (!lock) return 0;
      try {
        const current = minuteOf(now);
        return await copy(current - LOOKBACK_MINUTES * MINUTE_MS, current + MINUTE_MS);
      } finally {
        await lock.release();
      }
    },
  };
}
