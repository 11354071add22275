import type { ChainableCommander, Redis } from 'ioredis';
import {
  emptyTotals,
  MINUTE_MS,
  MINUTE_TTL_MS,
  minuteOf,
  SECOND_TTL_MS,
  TOP_SKUS,
  TOTAL_FIELDS,
  TOTALS_TTL_MS,
  type LiveAggregates,
  type MinuteBucket,
  type RoomReading,
  type TotalField,
  type Totals,
} from './live-aggregates.js';

/**
 * Keys of one room share the hash tag `{lv:<room>}`, so on Redis Cluster one room's counters sit
 * in one slot. Totals and splits are hashes, buyers a HyperLogLog, SKUs a sorted set by units.
 */
function roomKeys(prefix: string, room: string) {
  const tag = `${prefix}{lv:${room}}`;
  return {
    totals: `${tag}:t`,
    buyers: `${tag}:u`,
    regions: `${tag}:r`,
    channels: `${tag}:c`,
    skus: `${tag}:k`,
    minute: (minuteStart: number) => `${tag}:m:${minuteStart}`,
    second: (epochSecond: number) => `${tag}:s:${epochSecond}`,
  };
}

type Reply = [Error | null, unknown][] | null;

function toTotals(hash: unknown): Totals {
  const totals = emptyTotals();
  if (hash && typeof hash === 'object') {
    for (const field of TOTAL_FIELDS) {
      const value = (hash as Record<string, string | undefined>)[field];
      if (value !== undefined) totals[field] = Number(value);
    }
  }
  return totals;
}

/** `g:<key>` / `o:<key>` fields of a split hash → entries sorted by GMV. */
function toSplit(hash: unknown) {
  const byKey = new Map<string, { key: string; gmv: number; orders: number }>();
  for (const [field, value] of Object.entries((hash ?? {}) as Record<string, string>)) {
    const key = field.slice(2);
    const entry = byKey.get(key) ?? { key, gmv: 0, orders: 0 };
    if (field.startsWith('g:')) entry.gmv = Number(value);
    else entry.orders = Number(value);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.gmv - a.gmv || a.key.localeCompare(b.key));
}

function valueAt(replies: Reply, index: number): unknown {
  const entry = replies?.[index];
  if (!entry) return null;
  if (entry[0]) throw entry[0];
  return entry[1];
}

export function createRedisLiveAggregates(redis: Redis, prefix: string): LiveAggregates {
  const roomsKey = `${prefix}lv:rooms`;
  const seenKey = (key: string) => `${prefix}lv:seen:${key}`;

  function touch(pipe: ChainableCommander, room: string): void {
    const k = roomKeys(prefix, room);
    pipe.sadd(roomsKey, room);
    pipe.pexpire(k.totals, TOTALS_TTL_MS);
  }

  function addToMinute(pipe: ChainableCommander, room: string, at: number, counts: Partial<Record<TotalField, number>>): void {
    const key = roomKeys(prefix, room).minute(minuteOf(at));
    for (const [field, by] of Object.entries(counts)) if (by) pipe.hincrby(key, field, by);
    pipe.pexpire(key, MINUTE_TTL_MS);
  }

  function addToSecond(pipe: ChainableCommander, room: string, at: number, field: 'orders' | 'failures', by: number): void {
    const key = roomKeys(prefix, room).second(Math.floor(at / 1000));
    pipe.hincrby(key, field, by);
    pipe.pexpire(key, SECOND_TTL_MS);
  }

  async function exec(pipe: ChainableCommander): Promise<void> {
    const replies = await pipe.exec();
    for (const [err] of replies ?? []) if (err) throw err;
  }

  return {
    async firstSeen(keys, ttlMs) {
      if (keys.length === 0) return [];
      const pipe = redis.pipeline();
      for (const key of keys) pipe.set(seenKey(key), '1', 'PX', ttlMs, 'NX');
      const replies = await pipe.exec();
      return keys.map((_, i) => valueAt(replies, i) === 'OK');
    },
    async forget(keys) {
      if (keys.length > 0) await redis.del(...keys.map(seenKey));
    },
    async recordOrder(fact) {
      const { sign } = fact;
      const pipe = redis.pipeline();
      const discountAt: number[] = [];
      for (const share of fact.rooms) {
        const k = roomKeys(prefix, share.room);
        pipe.hincrby(k.totals, 'gmv', sign * fact.total);
        pipe.hincrby(k.totals, 'orders', sign);
        discountAt.push(pipe.length);
        pipe.hincrby(k.totals, 'discount', sign * share.discount);
        if (sign > 0) {
          pipe.pfadd(k.buyers, fact.userId);
          pipe.pexpire(k.buyers, TOTALS_TTL_MS);
        }
        pipe.hincrby(k.regions, `g:${fact.region}`, sign * fact.total);
        pipe.hincrby(k.regions, `o:${fact.region}`, sign);
        pipe.hincrby(k.channels, `g:${fact.channel}`, sign * fact.total);
        pipe.hincrby(k.channels, `o:${fact.channel}`, sign);
        for (const key of [k.regions, k.channels]) pipe.pexpire(key, TOTALS_TTL_MS);
        for (const line of fact.lines) pipe.zincrby(k.skus, sign * line.quantity, line.sku);
        pipe.pexpire(k.skus, TOTALS_TTL_MS);
        addToMinute(pipe, share.room, fact.at, { gmv: sign * fact.total, orders: sign, discount: sign * share.discount });
        addToSecond(pipe, share.room, fact.at, 'orders', sign);
        touch(pipe, share.room);
      }
      const replies = await pipe.exec();
      return new Map(fact.rooms.map((share, i) => [share.room, Number(valueAt(replies, discountAt[i]!))]));
    },
    async recordEvents(deltas) {
      if (deltas.length === 0) return;
      const pipe = redis.pipeline();
      for (const delta of deltas) {
        const k = roomKeys(prefix, delta.room);
        for (const [field, by] of Object.entries(delta.counts)) if (by) pipe.hincrby(k.totals, field, by);
        addToMinute(pipe, delta.room, delta.at, delta.counts);
        touch(pipe, delta.room);
      }
      await exec(pipe);
    },
    async recordFailures(rooms, at, count) {
      if (rooms.length === 0) return;
      const pipe = redis.pipeline();
      for (const room of rooms) {
        pipe.hincrby(roomKeys(prefix, room).totals, 'failures', count);
        addToMinute(pipe, room, at, { failures: count });
        addToSecond(pipe, room, at, 'failures', count);
        touch(pipe, room);
      }
      await exec(pipe);
    },
    async read(rooms, now, minutes) {
      const current = minuteOf(now);
      const nowSec = Math.floor(now / 1000);
      const pipe = redis.pipeline();
      const perRoom = 5 + minutes + 60;
      for (const room of rooms) {
        const k = roomKeys(prefix, room);
        pipe.hgetall(k.totals);
        pipe.pfcount(k.buyers);
        pipe.hgetall(k.regions);
        pipe.hgetall(k.channels);
        pipe.zrevrange(k.skus, 0, TOP_SKUS - 1, 'WITHSCORES');
        for (let i = minutes - 1; i >= 0; i -= 1) pipe.hmget(k.minute(current - i * MINUTE_MS), 'orders', 'gmv');
        for (let s = nowSec - 59; s <= nowSec; s += 1) pipe.hmget(k.second(s), 'orders', 'failures');
      }
      const replies = await pipe.exec();
      const out = new Map<string, RoomReading>();
      rooms.forEach((room, r) => {
        const base = r * perRoom;
        const skuReply = (valueAt(replies, base + 4) ?? []) as string[];
        const topSkus = [];
        for (let i = 0; i + 1 < skuReply.length; i += 2) {
          const units = Number(skuReply[i + 1]);
          if (units > 0) topSkus.push({ key: skuReply[i]!, gmv: 0, orders: units });
        }
        // ZREVRANGE breaks ties in reverse byte order; the in-process twin (and a reader) expect A→Z.
        topSkus.sort((a, b) => b.orders - a.orders || a.key.localeCompare(b.key));
        const series = [];
        for (let i = 0; i < minutes; i += 1) {
          const [orders, gmv] = (valueAt(replies, base + 5 + i) ?? []) as (string | null)[];
          series.push({ minute: current - (minutes - 1 - i) * MINUTE_MS, orders: Number(orders ?? 0), gmv: Number(gmv ?? 0) });
        }
        const lastMinute = { orders: 0, failures: 0 };
        for (let s = 0; s < 60; s += 1) {
          const [orders, failures] = (valueAt(replies, base + 5 + minutes + s) ?? []) as (string | null)[];
          lastMinute.orders += Number(orders ?? 0);
          lastMinute.failures += Number(failures ?? 0);
        }
        out.set(room, {
          totals: toTotals(valueAt(replies, base)),
          buyers: Number(valueAt(replies, base + 1) ?? 0),
          regions: toSplit(valueAt(replies, base + 2)),
          channels: toSplit(valueAt(replies, base + 3)),
          topSkus,
          series,
          lastMinute,
        });
      });
      return out;
    },
    rooms: () => redis.smembers(roomsKey),
    async minuteBuckets(room, from, to) {
      const k = roomKeys(prefix, room);
      const starts: number[] = [];
      for (let m = minuteOf(from); m < to; m += MINUTE_MS) starts.push(m);
      if (starts.length === 0) return [];
      const pipe = redis.pipeline();
      for (const m of starts) pipe.hgetall(k.minute(m));
      const replies = await pipe.exec();
      const buckets: MinuteBucket[] = [];
      starts.forEach((minute, i) => {
        const hash = valueAt(replies, i) as Record<string, string> | null;
        if (hash && Object.keys(hash).length > 0) buckets.push({ minute, ...toTotals(hash) });
      });
      return buckets;
    },
    close: () => Promise.resolve(),
  };
}
