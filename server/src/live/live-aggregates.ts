import type { LiveMinutePoint, LiveSplitEntry } from '@promo/shared';

/** Counter fields of a room's totals and of its minute buckets. */
export const TOTAL_FIELDS = ['gmv', 'orders', 'discount', 'impressions', 'clicks', 'add_to_cart', 'share', 'order_events', 'failures'] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];
export type Totals = Record<TotalField, number>;

/** One order's effect on one room (a campaign applied to it, or a theme one of whose campaigns did). */
export interface RoomShare {
  room: string;
  /** Discount the room's campaign(s) gave on this order, in fen. */
  discount: number;
}

/** A committed (sign 1) or cancelled (sign −1) order as the live aggregates count it. */
export interface OrderFact {
  orderId: string;
  userId: string;
  at: number;
  channel: string;
  region: string;
  /** What the customer paid, in fen. */
  total: number;
  lines: readonly { sku: string; quantity: number }[];
  rooms: readonly RoomShare[];
  sign: 1 | -1;
}

/** Counter increments of one event batch for one room. */
export interface EventDelta {
  room: string;
  /** Epoch ms (bucketed to its minute). */
  at: number;
  counts: Partial<Record<TotalField, number>>;
}

/** A room as the snapshot reads it. */
export interface RoomReading {
  totals: Totals;
  buyers: number;
  regions: LiveSplitEntry[];
  channels: LiveSplitEntry[];
  topSkus: LiveSplitEntry[];
  /** The last `minutes` minute buckets, oldest first, the current (partial) minute last. */
  series: LiveMinutePoint[];
  /** Orders and failed commits in the last 60 one-second buckets. */
  lastMinute: { orders: number; failures: number };
}

/** A minute bucket, for the SQL rollup. */
export type MinuteBucket = { minute: number } & Totals;

/**
 * Real-time counters per live room: Redis (hashes, HyperLogLog, sorted sets, per-second and
 * per-minute buckets with TTLs) in production, an in-process twin in the embedded default. Both
 * pass live-aggregates.contract.ts.
 */
export interface LiveAggregates {
  /** For each key, true when it was not seen within `ttlMs` (and marks it seen). */
  firstSeen(keys: readonly string[], ttlMs: number): Promise<boolean[]>;
  /** Forgets dedupe keys (so a threshold can fire again after it is crossed back). */
  forget(keys: readonly string[]): Promise<void>;
  /** Returns each room's discount total after the change (budget alerts compare it). */
  recordOrder(fact: OrderFact): Promise<Map<string, number>>;
  recordEvents(deltas: readonly EventDelta[]): Promise<void>;
  /** Failed commit attempts (error rate). */
  recordFailures(rooms: readonly string[], at: number, count: number): Promise<void>;
  /** One pipelined read of every room. */
  read(rooms: readonly string[], now: number, minutes: number): Promise<Map<string, RoomReading>>;
  /** Every room that ever got a counter. */
  rooms(): Promise<string[]>;
  /** Minute buckets of `room` in `[from, to)` (epoch ms, minute-aligned) that have data. */
  minuteBuckets(room: string, from: number, to: number): Promise<MinuteBucket[]>;
  close(): Promise<void>;
}

export const MINUTE_MS = 60_000;
/** Minute buckets live this long (the rollup copies them to SQL well before). */
export const MINUTE_TTL_MS = 2 * 24 * 3600_000;
/** Second buckets live this long. */
export const SECOND_TTL_MS = 5 * 60_000;
/** Room totals expire this long after their last write. */
export const TOTALS_TTL_MS = 30 * 24 * 3600_000;
export const TOP_SKUS = 10;

export function emptyTotals(): Totals {
  return { gmv: 0, orders: 0, discount: 0, impressions: 0, clicks: 0, add_to_cart: 0, share: 0, order_events: 0, failures: 0 };
}

export function minuteOf(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** The region key of a split: the province code, or `unknown`. */
export function splitKey(value: string | undefined): string {
  return value && value.length > 0 ? value : 'unknown';
}
