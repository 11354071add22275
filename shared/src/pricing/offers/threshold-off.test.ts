import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, line, makeCampaign, quote, reasonOf } from '../testing/campaign-factory.js';

const tiersOffer = {
  kind: 'threshold_off',
  mode: 'tiers',
  tiers: [
    { minSpend: 10_000, off: 1_000 },
    { minSpend: 20_000, off: 3_000 },
  ],
} as const;
const tiers = makeCampaign({ id: 'mj', offer: { ...tiersOffer, tiers: [...tiersOffer.tiers] } });
const every = makeCampaign({ id: 'every', offer: { kind: 'threshold_off', mode: 'every', every: 10_000, off: 1_500, cap: 4_000 } });

describe('threshold_off (满减)', () => {
  it.each([
    { name: 'one fen below the first tier gives nothing', subtotal: 9_999, off: 0 },
    { name: 'exactly at the first tier gives its discount', subtotal: 10_000, off: 1_000 },
    { name: 'between tiers keeps the lower tier', subtotal: 19_999, off: 1_000 },
    { name: 'exactly at the second tier gives the highest tier reached', subtotal: 20_000, off: 3_000 },
    { name: 'far above the top tier stays at the top tier', subtotal: 99_900, off: 3_000 },
  ])('tiers: $name', ({ subtotal, off }) => {
    const result = quote([tiers], cartOf([line('A', subtotal)]));
    expect(appliedAmount(result, 'mj')).toBe(off);
    expect(result.totals.total).toBe(subtotal - off);
    if (off === 0) expect(reasonOf(result, 'mj')).toBe('below_threshold');
  });

  it.each([
    { subtotal: 9_999, off: 0 },
    { subtotal: 10_000, off: 1_500 },
    { subtotal: 29_999, off: 3_000 },
    { subtotal: 30_000, off: 4_000 },
    { subtotal: 80_000, off: 4_000 },
  ])('every ¥100 off ¥15 capped at ¥40: subtotal $subtotal gives $off', ({ subtotal, off }) => {
    expect(appliedAmount(quote([every], cartOf([line('A', subtotal)])), 'every')).toBe(off);
  });

  it('allocates the discount over lines by largest remainder so the parts add up exactly', () => {
    const result = quote([tiers], cartOf([line('A', 3_333), line('B', 3_333), line('C', 3_334)]));
    // 1,000 over weights 3333/3333/3334: exact shares 333.3/333.3/333.4 → 333/333/334
    expect(result.lines.map((l) => l.orderDiscount)).toEqual([333, 333, 334]);
    expect(result.lines.map((l) => l.final)).toEqual([3_000, 3_000, 3_000]);
    expect(result.lines[0]!.allocations).toEqual([{ source: 'campaign', id: 'mj', amount: 333 }]);
  });

  it('hints how much more to spend for the next tier (凑单)', () => {
    const result = quote([tiers], cartOf([line('A', 18_800)]));
    expect(result.upsell).toEqual([
      {
        campaignId: 'mj',
        type: 'discount',
        shortfall: 1_200,
        reward: 3_000,
        message: { zh: '再买¥12.00可减¥30.00', en: 'Spend ¥12.00 more to get ¥30.00 off' },
      },
    ]);
  });

  it('gives no hint when the next tier is out of reach', () => {
    expect(quote([tiers], cartOf([line('A', 2_000)])).upsell).toEqual([]);
  });

  it('counts only the lines in scope towards the threshold', () => {
    const scoped = makeCampaign({ id: 'drinks', scope: { type: 'categories', categoryIds: ['drinks'] }, offer: { ...tiersOffer, tiers: [...tiersOffer.tiers] } });
    const result = quote([scoped], cartOf([line('A', 50_000), line('B', 9_000, 1, { categoryIds: ['drinks'] })]));
    expect(reasonOf(result, 'drinks')).toBe('below_threshold');
  });
});
