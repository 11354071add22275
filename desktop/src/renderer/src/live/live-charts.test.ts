import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '@promo/shared';
import { budgetShare, channelsOption, ordersPerMinuteOption, stockBurnDownOption } from './live-charts.js';

const snapshot: MetricsSnapshot = {
  room: { kind: 'theme', id: 't1' },
  at: Date.parse('2026-11-11T00:05:00+08:00'),
  gmv: 1_234_500,
  orders: 321,
  buyers: 300,
  discountSpent: 45_600,
  budget: { total: 100_000, spent: 80_000, left: 20_000 },
  conversion: { impressions: 1000, clicks: 400, addToCart: 200, rate: 0.321 },
  stock: [
    { campaignId: 'f', sku: 'A', stockLeft: 5, allocated: 100, closesAt: null, nextSlotAt: null },
    { campaignId: 'f', sku: 'B', stockLeft: 80, allocated: 100, closesAt: null, nextSlotAt: null },
    { campaignId: 'f', sku: 'C', stockLeft: null, allocated: 0, closesAt: null, nextSlotAt: null },
  ],
  errorRate: 0,
  ordersPerMinute: [
    { minute: Date.parse('2026-11-11T00:01:00+08:00'), orders: 20, gmv: 99_900 },
    { minute: Date.parse('2026-11-11T00:00:00+08:00'), orders: 10, gmv: 50_050 },
  ],
  regions: [],
  channels: [{ key: 'app', gmv: 100_000, orders: 5 }],
  topSkus: [],
};

describe('war-room charts', () => {
  it('plots orders and GMV in yuan per minute, in time order and Shanghai time', () => {
    const option = ordersPerMinuteOption(snapshot, 'zh') as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.xAxis.data).toEqual(['00:00', '00:01']);
    expect(option.series[0]?.data).toEqual([10, 20]);
    expect(option.series[1]?.data).toEqual([500.5, 999]);
  });

  it('shows flash stock left as a share, red when nearly sold out, skipping unallocated SKUs', () => {
    const option = stockBurnDownOption(snapshot, 'en') as { yAxis: { data: string[] }; series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    expect(option.yAxis.data).toEqual(['A', 'B']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([5, 80]);
    expect(option.series[0]?.data[0]?.itemStyle.color).toBe('#d92d20');
  });

  it('labels channels and computes the budget share', () => {
    const option = channelsOption(snapshot, { app: 'App' }) as { series: { data: { name: string; value: number }[] }[] };
    expect(option.series[0]?.data).toEqual([{ name: 'App', value: 1000 }]);
    expect(budgetShare(snapshot)).toBe(0.8);
    expect(budgetShare({ ...snapshot, budget: { total: null, spent: 5, left: null } })).toBeNull();
  });
});
