import {
  emptyTotals,
  MINUTE_MS,
  MINUTE_TTL_MS,
  minuteOf,
  SECOND_TTL_MS,
  TOP_SKUS,
  TOTAL_FIELDS,
  type EventDelta,
  type LiveAggregates,
  type MinuteBucket,
  type RoomReading,
  type Totals,
} from './live-aggregates.js';

interface Split {
  gmv: number;
  orders: number;
}

interface RoomState {
  totals: Totals;
  buyers: Set<string>;
  regions: Map<string, Split>;
  channels: Map<string, Split>;
  skus: Map<string, number>;
  minutes: Map<number, Totals>;
  seconds: Map<number, { orders: number; failures: number }>;
}

/** Dedupe keys kept at most; past it the oldest go first (an LRU by insertion). */
const MAX_SEEN = 500_000;

function bump(map: Map<string, Split>, key: string, gmv: number, orders: number): void {
  const entry = map.get(key) ?? { gmv: 0, orders: 0 };
  entry.gmv += gmv;
  entry.orders += orders;
  map.set(key, entry);
}

function entries(map: Map<string, Split>) {
  return [...map].map(([key, v]) => ({ key, gmv: v.gmv, orders: v.orders })).sort((a, b) => b.gmv - a.gmv || a.key.localeCompare(b.key));
}

/**
 * The embedded twin of the Redis aggregates: exact (buyers is a set, not a HyperLogLog). Buckets
 * older than their TTL are pruned on write.
 */
export function createMemoryLiveAggregates(clock: () => number = Date.now): LiveAggregates {
  const rooms = new Map<string, RoomState>();
  const seen = new Map<string, number>();

  const newState = (): RoomState => ({ totals: emptyTotals(), buyers: new Set(), regions: new Map(), channels: new Map(), skus: new Map(), minutes: new Map(), seconds: new Map() });

  function room(name: string): RoomState {
    let state = rooms.get(name);
    if (!state) {
      state = newState();
      rooms.set(name, state);
    }
    return state;
  }

  function minute(state: RoomState, at: number): Totals {
    const key = minuteOf(at);
    let bucket = state.minutes.get(key);
    if (!bucket) {
      bucket = emptyTotals();
      state.minutes.set(key, bucket);
      for (const old of state.minutes.keys()) if (old < key - MINUTE_TTL_MS) state.minutes.delete(old);
    }
    return bucket;
  }

  function second(state: RoomState, at: number) {
    const key = Math.floor(at / 1000);
    let bucket = state.seconds.get(key);
    if (!bucket) {
      bucket = { orders: 0, failures: 0 };
      state.seconds.set(key, bucket);
      for (const old of state.seconds.keys()) if (old < key - SECOND_TTL_MS / 1000) state.seconds.delete(old);
    }
    return bucket;
  }

  return {
    firstSeen(keys, ttlMs) {
      const now = clock();
      return Promise.resolve(
        keys.map((key) => {
          const until = seen.get(key);
          if (until !== undefined && until > now) return false;
          seen.delete(key);
          seen.set(key, now + ttlMs);
          if (seen.size > MAX_SEEN) seen.delete(seen.keys().next().value!);
          return true;
        }),
      );
    },
    forget(keys) {
      for (const key of keys) seen.delete(key);
      return Promise.resolve();
    },
    recordOrder(fact) {
      const { sign } = fact;
      const spent = new Map<string, number>();
      for (const share of fact.rooms) {
        const state = room(share.room);
        state.totals.gmv += sign * fact.total;
        state.totals.orders += sign;
        state.totals.discount += sign * share.discount;
        if (sign > 0) state.buyers.add(fact.userId);
        bump(state.regions, fact.region, sign * fact.total, sign);
        bump(state.channels, fact.channel, sign * fact.total, sign);
        for (const line of fact.lines) state.skus.set(line.sku, (state.skus.get(line.sku) ?? 0) + sign * line.quantity);
        const m = minute(state, fact.at);
        m.gmv += sign * fact.total;
        m.orders += sign;
        m.discount += sign * share.discount;
        second(state, fact.at).orders += sign;
        spent.set(share.room, state.totals.discount);
      }
      return Promise.resolve(spent);
    },
    recordEvents(deltas: readonly EventDelta[]) {
      for (const delta of deltas) {
        const state = room(delta.room);
        const m = minute(state, delta.at);
        for (const field of TOTAL_FIELDS) {
          const by = delta.counts[field] ?? 0;
          state.totals[field] += by;
          m[field] += by;
        }
      }
      return Promise.resolve();
    },
    recordFailures(names, at, count) {
      for (const name of names) {
        const state = room(name);
        state.totals.failures += count;
        minute(state, at).failures += count;
        second(state, at).failures += count;
      }
      return Promise.resolve();
    },
    read(names, now, minutes) {
      const out = new Map<string, RoomReading>();
      const current = minuteOf(now);
      const nowSec = Math.floor(now / 1000);
      for (const name of names) {
        const state = rooms.get(name) ?? newState();
        const series = [];
        for (let i = minutes - 1; i >= 0; i -= 1) {
          const at = current - i * MINUTE_MS;
          const bucket = state.minutes.get(at);
          series.push({ minute: at, orders: bucket?.orders ?? 0, gmv: bucket?.gmv ?? 0 });
        }
        const lastMinute = { orders: 0, failures: 0 };
        for (let s = nowSec - 59; s <= nowSec; s += 1) {
          const bucket = state.seconds.get(s);
          lastMinute.orders += bucket?.orders ?? 0;
          lastMinute.failures += bucket?.failures ?? 0;
        }
        const topSkus = [...state.skus]
          .filter(([, units]) => units > 0)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, TOP_SKUS)
          .map(([key, units]) => ({ key, gmv: 0, orders: units }));
        out.set(name, { totals: { ...state.totals }, buyers: state.buyers.size, regions: entries(state.regions), channels: entries(state.channels), topSkus, series, lastMinute });
      }
      return Promise.resolve(out);
    },
    rooms: () => Promise.resolve([...rooms.keys()]),
    minuteBuckets(name, from, to) {
      const state = rooms.get(name);
      const buckets: MinuteBucket[] = [];
      for (const [minuteStart, totals] of state?.minutes ?? []) if (minuteStart >= from && minuteStart < to) buckets.push({ minute: minuteStart, ...totals });
      return Promise.resolve(buckets.sort((a, b) => a.minute - b.minute));
    },
    close: () => Promise.resolve(),
  };
}
