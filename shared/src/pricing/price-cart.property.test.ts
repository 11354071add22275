import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaign/campaign.schema.js';
import type { Offer } from '../campaign/offer.schema.js';
import type { CartLine } from '../cart/cart.schema.js';
import type { QuoteResult } from './quote.schema.js';
import { cartOf, makeCampaign, quote, userOf } from './testing/campaign-factory.js';

const SKUS = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
const categoryOf = (sku: string): string => `cat${Number(sku.slice(1)) % 3}`;

const lineArb = fc
  .record({
    sku: fc.constantFrom(...SKUS),
    unitPrice: fc.integer({ min: 1, max: 50_000 }),
    quantity: fc.integer({ min: 1, max: 4 }),
    costShare: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  })
  .map(({ sku, unitPrice, quantity, costShare }): CartLine => ({
    lineId: `L-${sku}`,
    sku,
    unitPrice,
    quantity,
    categoryIds: [categoryOf(sku)],
    ...(costShare === undefined ? {} : { unitCost: Math.floor((unitPrice * costShare) / 10_000) }),
  }));
const linesArb = fc.uniqueArray(lineArb, { selector: (l) => l.sku, minLength: 1, maxLength: 6 });

const tiersArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }).map((steps) => {
  let minSpend = 0;
  return steps.map((step, i) => {
    minSpend += step * 2_000;
    return { minSpend, off: Math.floor(minSpend / 20) * (i + 1) };
  });
});
const skuSetArb = fc.uniqueArray(fc.constantFrom(...SKUS), { minLength: 1, maxLength: 4 });

const offerArb: fc.Arbitrary<Offer> = fc.oneof(
  fc.record({ payRate: fc.integer({ min: 0, max: 10_000 }), maxDiscount: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }) }).map(
    (o): Offer => ({ kind: 'percent_off', ...o }),
  ),
  tiersArb.map((tiers): Offer => ({ kind: 'threshold_off', mode: 'tiers', tiers })),
  fc.record({ every: fc.integer({ min: 1_000, max: 30_000 }), share: fc.integer({ min: 1, max: 9 }) }).map(
    ({ every, share }): Offer => ({ kind: 'threshold_off', mode: 'every', every, off: Math.floor((every * share) / 10), cap: every }),
  ),
  fc.record({ a: skuSetArb, b: skuSetArb, n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 2 }) }).map(
    ({ a, b, n, m }): Offer => ({ kind: 'gift', mode: 'buy_n_get_m', buySkus: a, buyQuantity: n, getSkus: b, getQuantity: m, repeatable: true }),
  ),
  fc.integer({ min: 0, max: 60_000 }).map((minSpend): Offer => ({ kind: 'gift', mode: 'spend_get_gift', minSpend, gifts: [{ sku: 'GIFT', quantity: 1 }] })),
  fc.integer({ min: 0, max: 5_000 }).map((off): Offer => ({ kind: 'new_user', firstOrder: { type: 'fixed', off, minSpend: 0 }, couponPack: [] })),
  fc.record({ payRate: fc.integer({ min: 0, max: 10_000 }), sku: fc.constantFrom(...SKUS), price: fc.integer({ min: 0, max: 40_000 }) }).chain(({ payRate, sku, price }) =>
    fc.constantFrom<Offer>(
      { kind: 'member', minLevel: 0, benefit: { type: 'percent', payRate }, pointsRedemption: [] },
      { kind: 'member', minLevel: 0, benefit: { type: 'price', items: [{ sku, price }] }, pointsRedemption: [] },
    ),
  ),
);

const scopeArb = fc.oneof(
  fc.constant({ type: 'storewide' as const }),
  skuSetArb.map((skus) => ({ type: 'items' as const, skus })),
  fc.uniqueArray(fc.constantFrom('cat0', 'cat1', 'cat2'), { minLength: 1, maxLength: 2 }).map((categoryIds) => ({ type: 'categories' as const, categoryIds })),
);

const campaignSpecArb = fc.record({
  offer: offerArb,
  scope: scopeArb,
  priority: fc.integer({ min: 0, max: 5 }),
  mode: fc.constantFrom('exclusive' as const, 'stackable' as const),
  group: fc.option(fc.constantFrom('G1', 'G2'), { nil: undefined }),
  excludeDiscountedLines: fc.boolean(),
  minMargin: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
});
const campaignsArb = fc.array(campaignSpecArb, { maxLength: 8 }).map((specs) =>
  specs.map((s, i) =>
    makeCampaign({
      id: `c${i}`,
      offer: s.offer,
      scope: s.scope,
      priority: s.priority,
      stacking: { mode: s.mode, exclusionGroup: s.group, excludeDiscountedLines: s.excludeDiscountedLines },
      ...(s.minMargin === undefined ? {} : { minMargin: s.minMargin }),
    }),
  ),
);

const user = userOf({ isNewUser: true, memberLevel: 5 });
const price = (campaigns: Campaign[], lines: CartLine[]): QuoteResult => quote(campaigns, cartOf(lines), { user });
const RUNS = { numRuns: 300 };

describe('priceCart properties (random carts and campaigns)', () => {
  it('never gives a negative line or total, and the discount never exceeds the subtotal', () => {
    fc.assert(
      fc.property(campaignsArb, linesArb, (campaigns, lines) => {
        const { totals, lines: priced } = price(campaigns, lines);
        expect(priced.every((l) => l.final >= 0)).toBe(true);
        expect(totals.total).toBeGreaterThanOrEqual(0);
        expect(totals.discount).toBeLessThanOrEqual(totals.subtotal);
        expect(totals.total).toBe(totals.subtotal - totals.discount);
      }),
      RUNS,
    );
  });

  it('keeps every discounted line with a cost at or above its margin floor when every campaign has one', () => {
    const withFloor = fc.tuple(campaignsArb, fc.integer({ min: 0, max: 3_000 })).map(([campaigns, minMargin]) => ({
      campaigns: campaigns.map((c) => ({ ...c, minMargin })),
      minMargin,
    }));
    fc.assert(
      fc.property(withFloor, linesArb, ({ campaigns, minMargin }, lines) => {
        const result = price(campaigns, lines);
        for (const l of result.lines) {
          const cost = lines.find((x) => x.lineId === l.lineId)?.unitCost;
          if (cost === undefined || l.final === l.subtotal) continue;
          const floor = Math.ceil((cost * l.quantity * (10_000 + minMargin)) / 10_000);
          expect(l.final).toBeGreaterThanOrEqual(Math.min(l.subtotal, floor));
        }
      }),
      RUNS,
    );
  });

  it('allocations add up exactly to each campaign’s applied amount', () => {
    fc.assert(
      fc.property(campaignsArb, linesArb, (campaigns, lines) => {
        const result = price(campaigns, lines);
        for (const applied of result.applied) {
          const onLines = result.lines.reduce(
            (sum, l) =>
              sum +
              l.itemAdjustments.filter((a) => a.campaignId === applied.campaignId).reduce((s, a) => s + a.amount, 0) +
              l.allocations.filter((a) => a.source === 'campaign' && a.id === applied.campaignId).reduce((s, a) => s + a.amount, 0),
            0,
          );
          expect(onLines).toBe(applied.amount);
        }
        for (const l of result.lines) {
          expect(l.allocations.filter((a) => a.source === 'campaign').reduce((s, a) => s + a.amount, 0)).toBe(l.orderDiscount);
          expect(l.itemAdjustments.reduce((s, a) => s + a.amount, 0)).toBe(l.itemDiscount);
        }
      }),
      RUNS,
    );
  });

  it('quoting the same input twice gives the same result', () => {
    fc.assert(
      fc.property(campaignsArb, linesArb, (campaigns, lines) => {
        expect(price(campaigns, lines)).toEqual(price(campaigns, lines));
      }),
      RUNS,
    );
  });

  it('adding an item no campaign targets never changes the other lines’ discounts', () => {
    const targeted = campaignsArb.map((campaigns) => campaigns.filter((c) => c.scope.type !== 'storewide'));
    fc.assert(
      fc.property(targeted, linesArb, fc.integer({ min: 1, max: 90_000 }), (campaigns, lines, unitPrice) => {
        const before = price(campaigns, lines);
        const after = price(campaigns, [...lines, { lineId: 'L-X', sku: 'X', unitPrice, quantity: 1, categoryIds: ['elsewhere'] }]);
        const pick = (r: QuoteResult) =>
          r.lines.filter((l) => l.sku !== 'X').map((l) => ({ lineId: l.lineId, item: l.itemDiscount, order: l.orderDiscount, final: l.final }));
        expect(pick(after)).toEqual(pick(before));
        expect(after.lines.find((l) => l.sku === 'X')!.final).toBe(unitPrice);
      }),
      RUNS,
    );
  });
});
