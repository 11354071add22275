import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, couponOf, countersOf, line, makeCampaign, quote, reasonOf, userOf } from './testing/campaign-factory.js';

const threshold = (id: string, minSpend: number, off: number, extra: Record<string, unknown> = {}) =>
  makeCampaign({ id, offer: { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend, off }] }, ...extra });

describe('order stage: exclusion groups and the best combination', () => {
  it('two exclusive order campaigns without a group: only the bigger saving applies', () => {
    const result = quote([threshold('a', 1_000, 100), threshold('b', 1_000, 300)], cartOf([line('A', 5_000)]));
    expect(appliedAmount(result, 'b')).toBe(300);
    expect(reasonOf(result, 'a')).toBe('excluded_by:b');
  });

  it('stackable order campaigns without a group combine', () => {
    const s = { stacking: { mode: 'stackable' } };
    const result = quote([threshold('a', 1_000, 100, s), threshold('b', 1_000, 300, s)], cartOf([line('A', 5_000)]));
    expect(result.totals.orderDiscount).toBe(400);
  });

  it('exact search beats the greedy choice when campaigns compete for the same line', () => {
    // Group G: a = ¥50 off line A (¥60), b = ¥45 off line B (¥100). group H: c = ¥40 off line A.
    // Greedy takes a (biggest), then c can only add ¥10 on A: ¥60. Exact: b + c = ¥85.
    const a = threshold('a', 6_000, 5_000, { scope: { type: 'items', skus: ['A'] }, stacking: { mode: 'stackable', exclusionGroup: 'G' } });
    const b = threshold('b', 10_000, 4_500, { scope: { type: 'items', skus: ['B'] }, stacking: { mode: 'stackable', exclusionGroup: 'G' } });
    const c = threshold('c', 6_000, 4_000, { scope: { type: 'items', skus: ['A'] }, stacking: { mode: 'stackable', exclusionGroup: 'H' } });
    const cart = cartOf([line('A', 6_000), line('B', 10_000)]);
    const exact = quote([a, b, c], cart);
    expect(exact.totals.orderDiscount).toBe(8_500);
    expect(reasonOf(exact, 'a')).toBe('excluded_by:b');
    const greedy = quote([a, b, c], cart, { options: { exactSearchLimit: 0 } });
    expect(greedy.totals.orderDiscount).toBe(6_000);
  });

  it('a campaign can skip lines already discounted at the item stage', () => {
    const pct = makeCampaign({ id: 'pct', scope: { type: 'items', skus: ['A'] }, offer: { kind: 'percent_off', payRate: 5_000 } });
    const mj = threshold('mj', 10_000, 1_000, { stacking: { mode: 'exclusive', excludeDiscountedLines: true } });
    const result = quote([pct, mj], cartOf([line('A', 10_000), line('B', 9_000)]));
    expect(reasonOf(result, 'mj')).toBe('below_threshold');
    const counted = quote([pct, threshold('mj', 10_000, 1_000)], cartOf([line('A', 10_000), line('B', 9_000)]));
    // post-item subtotal 5,000 + 9,000 = 14,000 ≥ 10,000
    expect(appliedAmount(counted, 'mj')).toBe(1_000);
    expect(counted.lines.map((l) => l.orderDiscount)).toEqual([357, 643]);
  });

  it('when several offers of one campaign fire, the best one applies', () => {
    const two = makeCampaign({
      id: 'two',
      offer: [
        { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1_000, off: 100 }] },
        { kind: 'threshold_off', mode: 'every', every: 1_000, off: 150 },
      ],
    });
    const result = quote([two], cartOf([line('A', 2_000)]));
    expect(result.applied[0]).toMatchObject({ campaignId: 'two', amount: 300, offerNodeId: 'offer2' });
  });
});

describe('coupons and points', () => {
  const mj = threshold('mj', 10_000, 2_000);

  it('a coupon applies after the threshold discount, on what is left', () => {
    const coupon = couponOf({ id: 'c1', value: { type: 'threshold', minSpend: 8_000, off: 500 } });
    const result = quote([mj], cartOf([line('A', 10_000)], { couponIds: ['c1'] }), { coupons: [coupon] });
    expect(result.totals).toMatchObject({ orderDiscount: 2_000, couponDiscount: 500, total: 7_500 });
    expect(result.coupons.applied).toEqual([{ couponId: 'c1', amount: 500 }]);
  });

  it('a coupon whose threshold is no longer met after the promotion is rejected', () => {
    const coupon = couponOf({ id: 'c1', value: { type: 'threshold', minSpend: 9_000, off: 500 } });
    const result = quote([mj], cartOf([line('A', 10_000)], { couponIds: ['c1'] }), { coupons: [coupon] });
    expect(result.coupons.rejected[0]).toMatchObject({ couponId: 'c1', reason: 'below_threshold' });
  });

  it('at most one non-stackable coupon: the bigger one applies', () => {
    const small = couponOf({ id: 'small', value: { type: 'fixed', off: 300 } });
    const big = couponOf({ id: 'big', value: { type: 'fixed', off: 800 } });
    const result = quote([], cartOf([line('A', 10_000)], { couponIds: ['small', 'big'] }), { coupons: [small, big] });
    expect(result.coupons.applied).toEqual([{ couponId: 'big', amount: 800 }]);
    expect(result.coupons.rejected[0]).toMatchObject({ couponId: 'small', reason: 'coupon_not_stackable' });
  });

  it('a stackable coupon combines with a non-stackable one', () => {
    const one = couponOf({ id: 'one', value: { type: 'fixed', off: 300 } });
    const stack = couponOf({ id: 'stack', stackable: true, value: { type: 'percent', payRate: 9_000 } });
    const result = quote([], cartOf([line('A', 10_000)], { couponIds: ['stack', 'one'] }), { coupons: [one, stack] });
    // 10,000 - 300 = 9,700; 10% of 9,700 = 970
    expect(result.totals.couponDiscount).toBe(1_270);
  });

  it.each([
    { name: 'unknown id', id: 'nope', coupons: [], reason: 'coupon_invalid' },
    { name: 'used coupon', id: 'c', coupons: [couponOf({ id: 'c', status: 'used', value: { type: 'fixed', off: 1 } })], reason: 'coupon_invalid' },
    {
      name: 'expired coupon',
      id: 'c',
      coupons: [couponOf({ id: 'c', validTo: '2026-06-01T00:00:00+08:00', value: { type: 'fixed', off: 1 } })],
      reason: 'outside_window',
    },
    {
      name: 'coupon for another category',
      id: 'c',
      coupons: [couponOf({ id: 'c', scope: { type: 'categories', categoryIds: ['toys'] }, value: { type: 'fixed', off: 1 } })],
      reason: 'not_in_scope',
    },
  ])('rejects a $name', ({ id, coupons, reason }) => {
    const result = quote([], cartOf([line('A', 1_000)], { couponIds: [id] }), { coupons });
    expect(result.coupons.rejected).toEqual([expect.objectContaining({ couponId: id, reason })]);
    expect(result.totals.total).toBe(1_000);
  });

  it('a 70% coupon on top of a 40% promotion stops at the margin floor', () => {
    // ¥100 list, ¥50 cost, 10% min margin → floor ¥55. 40% off → ¥60; the 70% coupon wants ¥42 but only ¥5 fits.
    const promo = makeCampaign({ id: 'p40', minMargin: 1_000, offer: { kind: 'percent_off', payRate: 6_000 } });
    const coupon = couponOf({ id: 'c70', value: { type: 'percent', payRate: 3_000 } });
    const result = quote([promo], cartOf([line('A', 10_000, 1, { unitCost: 5_000 })], { couponIds: ['c70'] }), { coupons: [coupon] });
    expect(result.lines[0]).toMatchObject({ itemDiscount: 4_000, couponDiscount: 500, final: 5_500, capped: 'margin_floor' });
  });

  it('a promotion deeper than the margin floor is capped and says so', () => {
    const deep = makeCampaign({ id: 'deep', minMargin: 2_000, offer: { kind: 'percent_off', payRate: 3_000 } });
    const result = quote([deep], cartOf([line('A', 1_000, 3, { unitCost: 500 })]));
    // floor = 500 × 3 × 1.2 = 1,800; list 3,000 → 1,800
    expect(result.lines[0]).toMatchObject({ final: 1_800, capped: 'margin_floor' });
    expect(result.applied[0]).toMatchObject({ amount: 1_200, capped: 'margin_floor' });
  });

  it('points pay up to half the order at 100 points per yuan', () => {
    const cart = cartOf([line('A', 1_001), line('B', 2_000)], { pointsToRedeem: 5_000 });
    const result = quote([], cart, { user: userOf({ points: 9_000 }) });
    // cap = floor(3,001 / 2) = 1,500 fen = 1,500 points
    expect(result.points).toEqual({ requested: 5_000, used: 1_500, amount: 1_500, reason: null });
    expect(result.lines.map((l) => l.pointsDiscount)).toEqual([500, 1_000]);
  });

  it('points beyond the balance are refused', () => {
    const result = quote([], cartOf([line('A', 10_000)], { pointsToRedeem: 500 }), { counters: countersOf({ pointsBalance: 499 }) });
    expect(result.points).toMatchObject({ used: 0, amount: 0, reason: 'insufficient_points' });
  });

  it('the points rate is a parameter', () => {
    const result = quote([], cartOf([line('A', 10_000)], { pointsToRedeem: 1_000 }), {
      user: userOf({ points: 1_000 }),
      options: { pointsPerYuan: 200 },
    });
    expect(result.points).toMatchObject({ used: 1_000, amount: 500 });
  });
});

describe('quote result', () => {
  it('gives every campaign that targeted the cart either an applied or a notApplied entry with zh/en text', () => {
    const campaigns = [threshold('mj', 100_000, 1_000), makeCampaign({ id: 'p', offer: { kind: 'percent_off', payRate: 9_000 } })];
    const result = quote(campaigns, cartOf([line('A', 1_000)]));
    expect(result.applied.map((a) => a.campaignId)).toEqual(['p']);
    expect(result.notApplied).toEqual([
      { campaignId: 'mj', kind: 'threshold_off', reason: 'below_threshold', message: { zh: '未达到活动门槛', en: 'Order does not reach the threshold' } },
    ]);
  });

  it('does not list a campaign whose scope exclusions leave no line of the cart', () => {
    const excluded = makeCampaign({ id: 'ex', scope: { type: 'storewide', excludeCategoryIds: ['food'] }, offer: { kind: 'percent_off', payRate: 9_000 } });
    const result = quote([excluded], cartOf([line('A', 1_000)]));
    expect(result.notApplied).toEqual([]);
  });

  it('says not_in_scope when every scope line was already discounted and the campaign skips those', () => {
    const pct = makeCampaign({ id: 'pct', offer: { kind: 'percent_off', payRate: 9_000 } });
    const mj = threshold('mj', 100, 10, { stacking: { mode: 'exclusive', excludeDiscountedLines: true } });
    expect(reasonOf(quote([pct, mj], cartOf([line('A', 1_000)])), 'mj')).toBe('not_in_scope');
  });

  it('does not list campaigns whose scope misses every line', () => {
    const elsewhere = makeCampaign({ id: 'toys', scope: { type: 'categories', categoryIds: ['toys'] }, offer: { kind: 'percent_off', payRate: 9_000 } });
    const result = quote([elsewhere], cartOf([line('A', 1_000)]));
    expect(result.applied).toEqual([]);
    expect(result.notApplied).toEqual([]);
  });
});
