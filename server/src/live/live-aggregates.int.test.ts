import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { MINUTE_MS, minuteOf, type EventDelta, type OrderFact } from './live-aggregates.js';
import { liveAggregatesFor } from './live-aggregates.registry.js';

const T0 = Date.UTC(2026, 10, 11, 2, 0, 0);
const REGIONS = ['31', '44', '11', ''];
const CHANNELS = ['app', 'mini_program', 'pos'];
const SKUS = ['apple', 'milk', 'rice', 'egg', 'tea'];

/** A deterministic log: 120 orders over 6 minutes in two rooms, 10 of them cancelled, plus events. */
function eventLog() {
  const orders: OrderFact[] = [];
  for (let i = 0; i < 120; i += 1) {
    const rooms = i % 3 === 0 ? [{ room: 'campaign:a', discount: 100 + i }, { room: 'theme:t', discount: 100 + i }] : [{ room: 'theme:t', discount: 50 }];
    orders.push({
      orderId: `o${i}`,
      userId: `u${i % 37}`,
      at: T0 + i * 3000,
      channel: CHANNELS[i % 3]!,
      region: REGIONS[i % 4] || 'unknown',
      total: 1000 + i * 7,
      lines: [{ sku: SKUS[i % 5]!, quantity: 1 + (i % 3) }],
      rooms,
      sign: 1,
    });
  }
  const cancels = orders.filter((_, i) => i % 12 === 5).map((o) => ({ ...o, at: o.at + 1000, sign: -1 as const }));
  const events: EventDelta[] = [];
  for (let m = 0; m < 6; m += 1) {
    events.push({ room: 'campaign:a', at: T0 + m * MINUTE_MS, counts: { impressions: 50 + m, clicks: 10 + m, add_to_cart: 3 } });
    events.push({ room: 'theme:t', at: T0 + m * MINUTE_MS, counts: { impressions: 200, clicks: 40 } });
  }
  return { orders, cancels, events };
}

/** What the counters must say, computed straight from the log. */
function expected(room: string, log: ReturnType<typeof eventLog>) {
  const facts = [...log.orders, ...log.cancels].filter((o) => o.rooms.some((r) => r.room === room));
  const sum = (f: (o: OrderFact) => number) => facts.reduce((s, o) => s + o.sign * f(o), 0);
  const split = (key: (o: OrderFact) => string) => {
    const map = new Map<string, { gmv: number; orders: number }>();
    for (const o of facts) {
      const e = map.get(key(o)) ?? { gmv: 0, orders: 0 };
      e.gmv += o.sign * o.total;
      e.orders += o.sign;
      map.set(key(o), e);
    }
    return [...map].map(([k, v]) => ({ key: k, ...v })).sort((a, b) => b.gmv - a.gmv || a.key.localeCompare(b.key));
  };
  const units = new Map<string, number>();
  for (const o of facts) for (const l of o.lines) units.set(l.sku, (units.get(l.sku) ?? 0) + o.sign * l.quantity);
  const ev = log.events.filter((e) => e.room === room);
  const perMinute = new Map<number, { orders: number; gmv: number }>();
  for (const o of facts) {
    const m = perMinute.get(minuteOf(o.at)) ?? { orders: 0, gmv: 0 };
    m.orders += o.sign;
    m.gmv += o.sign * o.total;
    perMinute.set(minuteOf(o.at), m);
  }
  return {
    gmv: sum((o) => o.total),
    orders: sum(() => 1),
    discount: sum((o) => o.rooms.find((r) => r.room === room)!.discount),
    impressions: ev.reduce((s, e) => s + (e.counts.impressions ?? 0), 0),
    clicks: ev.reduce((s, e) => s + (e.counts.clicks ?? 0), 0),
    buyers: new Set(log.orders.filter((o) => o.rooms.some((r) => r.room === room)).map((o) => o.userId)).size,
    regions: split((o) => o.region),
    channels: split((o) => o.channel),
    topSkus: [...units].filter(([, u]) => u > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key, u]) => ({ key, gmv: 0, orders: u })),
    perMinute,
  };
}

describe('live aggregates', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('match a replayed event log exactly: totals, splits, top SKUs, minute buckets', async () => {
    t = await createTestApp({ modules: [] });
    const aggregates = liveAggregatesFor(t.deps.stores, t.clock);
    const log = eventLog();
    for (const order of log.orders) await aggregates.recordOrder(order);
    for (const cancel of log.cancels) await aggregates.recordOrder(cancel);
    await aggregates.recordEvents(log.events);
    const now = T0 + 6 * MINUTE_MS - 1;
    const readings = await aggregates.read(['campaign:a', 'theme:t'], now, 10);
    for (const room of ['campaign:a', 'theme:t']) {
      const want = expected(room, log);
      const got = readings.get(room)!;
      expect(got.totals).toMatchObject({ gmv: want.gmv, orders: want.orders, discount: want.discount, impressions: want.impressions, clicks: want.clicks });
      // HyperLogLog on Redis is exact at this cardinality (sparse encoding); in-process it is a set.
      expect(got.buyers).toBe(want.buyers);
      expect(got.regions).toEqual(want.regions);
      expect(got.channels).toEqual(want.channels);
      expect(got.topSkus).toEqual(want.topSkus);
      for (const point of got.series) expect({ orders: point.orders, gmv: point.gmv }).toEqual(want.perMinute.get(point.minute) ?? { orders: 0, gmv: 0 });
      const buckets = await aggregates.minuteBuckets(room, T0, T0 + 6 * MINUTE_MS);
      expect(buckets.reduce((s, b) => s + b.gmv, 0)).toBe(want.gmv);
      expect(buckets.reduce((s, b) => s + b.impressions, 0)).toBe(want.impressions);
    }
    expect((await aggregates.rooms()).sort()).toEqual(['campaign:a', 'theme:t']);
  });

  it('counts orders and failures of the last 60 seconds for the error rate', async () => {
    t = await createTestApp({ modules: [] });
    const aggregates = liveAggregatesFor(t.deps.stores, t.clock);
    const base = { userId: 'u', channel: 'app', region: '31', total: 500, lines: [], rooms: [{ room: 'campaign:e', discount: 10 }], sign: 1 as const };
    await aggregates.recordOrder({ ...base, orderId: 'old', at: T0 - 90_000 });
    await aggregates.recordOrder({ ...base, orderId: 'new', at: T0 - 10_000 });
    await aggregates.recordFailures(['campaign:e'], T0 - 5_000, 3);
    const reading = (await aggregates.read(['campaign:e'], T0, 5)).get('campaign:e')!;
    expect(reading.lastMinute).toEqual({ orders: 1, failures: 3 });
    expect(reading.totals.failures).toBe(3);
  });

  it('marks a dedupe key seen once and forgets it on demand', async () => {
    t = await createTestApp({ modules: [] });
    const aggregates = liveAggregatesFor(t.deps.stores, t.clock);
    expect(await aggregates.firstSeen(['k1', 'k2'], 60_000)).toEqual([true, true]);
    expect(await aggregates.firstSeen(['k1', 'k3'], 60_000)).toEqual([false, true]);
    await aggregates.forget(['k1']);
    expect(await aggregates.firstSeen(['k1'], 60_000)).toEqual([true]);
  });
});
