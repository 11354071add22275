import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, line, makeCampaign, quote, reasonOf, type CampaignSpec } from '../testing/campaign-factory.js';

const pct = (id: string, payRate: number, extra: Omit<CampaignSpec, 'id' | 'offer'> = {}) =>
  makeCampaign({ id, offer: { kind: 'percent_off', payRate }, ...extra });

describe('percent_off (折扣)', () => {
  it.each([
    { name: 'odd price rounds half-up on the line total', unitPrice: 1_999, qty: 1, payRate: 8_500, discount: 300 },
    { name: 'three units round once on 5,997', unitPrice: 1_999, qty: 3, payRate: 8_500, discount: 900 },
    { name: 'exact half fen rounds up what is paid', unitPrice: 1_001, qty: 1, payRate: 5_000, discount: 500 },
    { name: '9.9折 on 1 fen keeps the fen', unitPrice: 1, qty: 1, payRate: 9_900, discount: 0 },
    { name: '0折 makes the line free', unitPrice: 1_234, qty: 2, payRate: 0, discount: 2_468 },
  ])('$name', ({ unitPrice, qty, payRate, discount }) => {
    const result = quote([pct('p', payRate)], cartOf([line('A', unitPrice, qty)]));
    expect(result.lines[0]!.itemDiscount).toBe(discount);
    expect(result.totals.total).toBe(unitPrice * qty - discount);
  });

  it('caps the per-order discount at maxDiscount, filling lines in cart order', () => {
    const capped = makeCampaign({ id: 'cap', offer: { kind: 'percent_off', payRate: 5_000, maxDiscount: 1_500 } });
    const result = quote([capped], cartOf([line('A', 2_000), line('B', 2_000)]));
    expect(result.lines.map((l) => l.itemDiscount)).toEqual([1_000, 500]);
    expect(appliedAmount(result, 'cap')).toBe(1_500);
  });

  it('applies only to lines in its scope', () => {
    const scoped = pct('items', 8_000, { scope: { type: 'items', skus: ['B'] } });
    const result = quote([scoped], cartOf([line('A', 1_000), line('B', 1_000)]));
    expect(result.lines.map((l) => l.itemDiscount)).toEqual([0, 200]);
  });

  it('honours scope exclusions over inclusions', () => {
    const scoped = pct('ex', 8_000, { scope: { type: 'storewide', excludeSkus: ['A'] } });
    const result = quote([scoped], cartOf([line('A', 1_000), line('B', 1_000)]));
    expect(result.lines.map((l) => l.itemDiscount)).toEqual([0, 200]);
  });

  it('two exclusive promotions on a line: the lower resulting price wins, the other is excluded by it', () => {
    const result = quote([pct('p90', 9_000), pct('p80', 8_000)], cartOf([line('A', 1_000)]));
    expect(result.lines[0]!.itemDiscount).toBe(200);
    expect(appliedAmount(result, 'p80')).toBe(200);
    expect(reasonOf(result, 'p90')).toBe('excluded_by:p80');
  });

  it('equal exclusive discounts: the higher priority wins', () => {
    const result = quote([pct('low', 8_000, { priority: 10 }), pct('high', 8_000, { priority: 500 })], cartOf([line('A', 1_000)]));
    expect(appliedAmount(result, 'high')).toBe(200);
    expect(reasonOf(result, 'low')).toBe('excluded_by:high');
  });

  it('equal discounts and priority: the smaller id wins', () => {
    const result = quote([pct('b', 8_000), pct('a', 8_000)], cartOf([line('A', 1_000)]));
    expect(appliedAmount(result, 'a')).toBe(200);
  });

  it('a stackable promotion applies after the exclusive one, on the reduced price', () => {
    const stack = pct('stack', 9_000, { stacking: { mode: 'stackable' } });
    const result = quote([pct('ex', 8_000), stack], cartOf([line('A', 1_000)]));
    // 1,000 → 800 (exclusive 8折) → 720 (stackable 9折 on 800)
    expect(result.lines[0]!.itemAdjustments).toEqual([
      { campaignId: 'ex', amount: 200, units: 1 },
      { campaignId: 'stack', amount: 80, units: 1 },
    ]);
    expect(result.lines[0]!.final).toBe(720);
  });

  it('stackable promotions apply in priority order', () => {
    const a = pct('a', 5_000, { priority: 1, stacking: { mode: 'stackable' } });
    const b = makeCampaign({ id: 'b', priority: 900, stacking: { mode: 'stackable' }, offer: { kind: 'percent_off', payRate: 9_000, maxDiscount: 100 } });
    // b first: 1,000 → 900 (capped at 100); then a: 900 → 450
    const result = quote([a, b], cartOf([line('A', 1_000)]));
    expect(result.lines[0]!.itemAdjustments.map((x) => x.campaignId)).toEqual(['b', 'a']);
    expect(result.lines[0]!.final).toBe(450);
  });

  it('limits the discounted units per SKU per order', () => {
    const limited = pct('lim', 5_000, { limits: { perSkuPerOrder: 2 } });
    const result = quote([limited], cartOf([line('A', 1_000, 5)]));
    expect(result.lines[0]!.itemDiscount).toBe(1_000);
  });
});
