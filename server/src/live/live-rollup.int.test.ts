import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { MINUTE_MS, minuteOf } from './live-aggregates.js';
import { liveRuntimeOf } from './live-runtime.js';
import { liveTestModules } from './live-test.fixtures.js';

interface RollupRow {
  room: string;
  minute: number;
  gmv: number;
  orders: number;
  discount: number;
  impressions: number;
  clicks: number;
}

async function rollups(t: TestApp): Promise<RollupRow[]> {
  const rows = (await t.deps.db('metric_rollups').select('room', 'minute', 'gmv', 'orders', 'discount', 'impressions', 'clicks').orderBy(['room', 'minute'])) as Record<string, number | string>[];
  return rows.map((r) => ({ room: String(r.room), minute: Number(r.minute), gmv: Number(r.gmv), orders: Number(r.orders), discount: Number(r.discount), impressions: Number(r.impressions), clicks: Number(r.clicks) }));
}

describe('live: rollup of minute buckets into metric_rollups', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('writes each minute bucket of each room exactly once, and a re-run changes nothing until the bucket grows', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const runtime = liveRuntimeOf(t.deps)!;
    const now = minuteOf(t.clock.now()) + 30_000;
    t.clock.set(now);
    const order = (id: string, at: number, total: number, discount: number) =>
      runtime.aggregates.recordOrder({ orderId: id, userId: `u-${id}`, at, channel: 'app', region: '31', total, lines: [{ sku: 'apple', quantity: 1 }], rooms: [{ room: 'campaign:r', discount }, { room: 'theme:t', discount }], sign: 1 });
    await order('a', now - 3 * MINUTE_MS, 1000, 100);
    await order('b', now - 3 * MINUTE_MS + 5_000, 2000, 200);
    await order('c', now - MINUTE_MS, 4000, 400);
    await order('old', now - 20 * MINUTE_MS, 7000, 700);
    await runtime.aggregates.recordEvents([{ room: 'campaign:r', at: now, counts: { impressions: 9, clicks: 2 } }]);

    const written = await runtime.rollup.run(now);
    const minute = (k: number) => minuteOf(now) - k * MINUTE_MS;
    const want: RollupRow[] = [
      { room: 'campaign:r', minute: minute(3), gmv: 3000, orders: 2, discount: 300, impressions: 0, clicks: 0 },
      { room: 'campaign:r', minute: minute(1), gmv: 4000, orders: 1, discount: 400, impressions: 0, clicks: 0 },
      { room: 'campaign:r', minute: minute(0), gmv: 0, orders: 0, discount: 0, impressions: 9, clicks: 2 },
      { room: 'theme:t', minute: minute(3), gmv: 3000, orders: 2, discount: 300, impressions: 0, clicks: 0 },
      { room: 'theme:t', minute: minute(1), gmv: 4000, orders: 1, discount: 400, impressions: 0, clicks: 0 },
    ];
    // The 20-minute-old bucket is outside the periodic look-back: it was rolled up by earlier runs.
    expect(await rollups(t)).toEqual(want);
    expect(written).toBe(want.length);

    expect(await runtime.rollup.run(now)).toBe(want.length);
    expect(await rollups(t)).toEqual(want);

    await order('d', now + 1_000, 500, 50);
    t.clock.set(now + 1_000);
    await runtime.rollup.run(now + 1_000);
    const grown = await rollups(t);
    expect(grown).toHaveLength(want.length + 1);
    expect(grown.find((r) => r.room === 'campaign:r' && r.minute === minute(0))).toEqual({ room: 'campaign:r', minute: minute(0), gmv: 500, orders: 1, discount: 50, impressions: 9, clicks: 2 });

    await runtime.rollup.copy(minute(30), minute(-1));
    const backfilled = await rollups(t);
    expect(backfilled.filter((r) => r.minute === minute(20))).toEqual([
      { room: 'campaign:r', minute: minute(20), gmv: 7000, orders: 1, discount: 700, impressions: 0, clicks: 0 },
      { room: 'theme:t', minute: minute(20), gmv: 7000, orders: 1, discount: 700, impressions: 0, clicks: 0 },
    ]);
    expect(backfilled).toHaveLength(grown.length + 2);
  });

  it('lets only one of two overlapping runs copy (the lock), with the same result', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const runtime = liveRuntimeOf(t.deps)!;
    const now = t.clock.now();
    await runtime.aggregates.recordOrder({ orderId: 'x', userId: 'u', at: now, channel: 'app', region: '31', total: 800, lines: [], rooms: [{ room: 'campaign:once', discount: 80 }], sign: 1 });
    const [first, second] = await Promise.all([runtime.rollup.run(now), runtime.rollup.run(now)]);
    expect([first, second].sort()).toEqual([0, 1]);
    expect(await rollups(t)).toEqual([{ room: 'campaign:once', minute: minuteOf(now), gmv: 800, orders: 1, discount: 80, impressions: 0, clicks: 0 }]);
  });
});
