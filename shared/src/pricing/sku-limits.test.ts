import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, countersOf, line, makeCampaign, quote, reasonOf } from './testing/campaign-factory.js';

/** 8折 storewide, at most 3 units of each SKU per user. */
function limited(extra: { perSkuPerOrder?: number } = {}) {
  return makeCampaign({ id: 'p', offer: { kind: 'percent_off', payRate: 8_000 }, limits: { perSkuPerUser: 3, ...extra } });
}

const bought = (skuUser: Record<string, number>) => countersOf({ campaigns: { p: { skuUser } } });

describe('perSkuPerUser at the item stage', () => {
  it.each([
    // 2 units × ¥10 at 8折: 2 × 200 off.
    { name: 'nothing bought before: every unit', history: {}, quantity: 2, discount: 400, units: 2 },
    // 3 − 2 = 1 unit left: 1,000 − 800 = 200 off, the other unit at list price.
    { name: 'two bought before: one unit left', history: { A: 2 }, quantity: 2, discount: 200, units: 1 },
    { name: 'one bought before, buying four: two units', history: { A: 1 }, quantity: 4, discount: 400, units: 2 },
  ])('$name', ({ history, quantity, discount, units }) => {
    const result = quote([limited()], cartOf([line('A', 1_000, quantity)]), { counters: bought(history as Record<string, number>) });
    expect(result.lines[0]!.itemDiscount).toBe(discount);
    expect(result.lines[0]!.final).toBe(1_000 * quantity - discount);
    expect(result.lines[0]!.itemAdjustments).toEqual([{ campaignId: 'p', amount: discount, units }]);
  });

  it('the limit reached: not applied with sku_limit_reached and its zh/en message', () => {
    const result = quote([limited()], cartOf([line('A', 1_000, 2)]), { counters: bought({ A: 3 }) });
    expect(result.totals.total).toBe(2_000);
    expect(reasonOf(result, 'p')).toBe('sku_limit_reached');
    expect(result.notApplied[0]!.message).toEqual({ zh: '该商品已达到每人限购件数', en: 'You have reached the per-customer limit for this item' });
  });

  it('earlier lines of the same SKU in the cart use the limit first', () => {
    const cart = cartOf([line('A', 1_000, 2, { lineId: 'L1' }), line('A', 1_000, 2, { lineId: 'L2' })]);
    const result = quote([limited()], cart);
    expect(result.lines.map((l) => l.itemDiscount)).toEqual([400, 200]);
    expect(appliedAmount(result, 'p')).toBe(600);
  });

  it('perSkuPerOrder caps the units before the per-user rest', () => {
    const result = quote([limited({ perSkuPerOrder: 1 })], cartOf([line('A', 1_000, 3)]), { counters: bought({ A: 1 }) });
    expect(result.lines[0]!.itemAdjustments).toEqual([{ campaignId: 'p', amount: 200, units: 1 }]);
  });

  it('a SKU at its limit does not stop the campaign on other SKUs', () => {
    const result = quote([limited()], cartOf([line('A', 1_000), line('B', 1_000)]), { counters: bought({ A: 3 }) });
    expect(result.lines.map((l) => l.final)).toEqual([1_000, 800]);
    expect(reasonOf(result, 'p')).toBeUndefined();
    expect(appliedAmount(result, 'p')).toBe(200);
  });

  it('a flash reservation for more units than the limit leaves gets the flash price on the rest only', () => {
    const flash = makeCampaign({
      id: 'f',
      offer: { kind: 'flash_sale', slots: [{ start: '10:00', end: '14:00' }], items: [{ sku: 'TV', price: 1_000, stock: 10 }] },
      limits: { perSkuPerUser: 2 },
    });
    const result = quote([flash], cartOf([line('TV', 3_000, 3, { reservationToken: 't' })]), {
      counters: countersOf({
        flashReservations: { t: { campaignId: 'f', sku: 'TV', quantity: 3, price: 1_000 } },
        campaigns: { f: { skuUser: { TV: 1 } } },
      }),
    });
    // 1 unit at 1,000 + 2 at 3,000.
    expect(result.lines[0]!.final).toBe(7_000);
    expect(result.lines[0]!.itemAdjustments).toEqual([{ campaignId: 'f', amount: 2_000, units: 1 }]);
  });
});

describe('perSkuPerUser at the order stage', () => {
  const threshold = makeCampaign({
    id: 't',
    offer: { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1_000, off: 100 }] },
    limits: { perSkuPerUser: 2 },
  });
  const history = (skuUser: Record<string, number>) => countersOf({ campaigns: { t: { skuUser } } });

  it('a line over the limit leaves the scope: the threshold counts and discounts the other lines only', () => {
    // A: 1 bought, 2 more would make 3 > 2 → out; B (¥10) alone reaches ¥10 → ¥1 off B.
    const result = quote([threshold], cartOf([line('A', 1_000, 2), line('B', 1_000)]), { counters: history({ A: 1 }) });
    expect(result.lines.map((l) => l.orderDiscount)).toEqual([0, 100]);
    expect(result.totals.total).toBe(2_900);
  });

  it('without the line the threshold is missed: below_threshold', () => {
    const result = quote([threshold], cartOf([line('A', 1_000, 2), line('B', 500)]), { counters: history({ A: 1 }) });
    expect(reasonOf(result, 't')).toBe('below_threshold');
  });

  it('every line over the limit: sku_limit_reached', () => {
    const result = quote([threshold], cartOf([line('A', 1_000, 3)]));
    expect(reasonOf(result, 't')).toBe('sku_limit_reached');
    expect(result.totals.total).toBe(3_000);
  });
});
