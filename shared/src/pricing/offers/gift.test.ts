import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, countersOf, line, makeCampaign, quote, reasonOf } from '../testing/campaign-factory.js';

const bogo = makeCampaign({
  id: 'bogo',
  offer: { kind: 'gift', mode: 'buy_n_get_m', buySkus: ['A', 'B', 'C'], buyQuantity: 1, getSkus: ['A', 'B', 'C'], getQuantity: 1 },
});
const buy2get1 = makeCampaign({
  id: 'b2g1',
  offer: { kind: 'gift', mode: 'buy_n_get_m', buySkus: ['X'], buyQuantity: 2, getSkus: ['Y'], getQuantity: 1 },
});
const spendGift = makeCampaign({
  id: 'gift',
  offer: { kind: 'gift', mode: 'spend_get_gift', minSpend: 20_000, gifts: [{ sku: 'TOTE', quantity: 1, value: 1_500 }] },
});

describe('gift (赠品)', () => {
  it.each([
    { name: 'one pair: the cheaper unit is free', lines: [line('A', 1_000), line('B', 600)], free: [0, 600] },
    { name: 'three units: only one round, cheapest free', lines: [line('A', 1_000), line('B', 600), line('C', 800)], free: [0, 600, 0] },
    { name: 'four units: the two cheapest are free', lines: [line('A', 1_000), line('B', 600), line('C', 800, 2)], free: [0, 600, 800] },
    { name: 'one line of 3 units at 999: one free', lines: [line('A', 999, 3)], free: [999] },
    { name: 'a single unit gets nothing', lines: [line('A', 1_000)], free: [0] },
  ])('BOGO with mixed prices — $name', ({ lines, free }) => {
    const result = quote([bogo], cartOf(lines));
    expect(result.lines.map((l) => l.orderDiscount)).toEqual(free);
  });

  it.each([
    { xs: 1, ys: 1, free: 0, reason: 'quantity_too_low' },
    { xs: 2, ys: 1, free: 500, reason: undefined },
    { xs: 4, ys: 1, free: 500, reason: undefined },
    { xs: 4, ys: 3, free: 1_000, reason: undefined },
  ])('buy 2 X get 1 Y: $xs X and $ys Y frees $free', ({ xs, ys, free, reason }) => {
    const result = quote([buy2get1], cartOf([line('X', 800, xs), line('Y', 500, ys)]));
    expect(result.lines[1]!.orderDiscount).toBe(free);
    expect(reasonOf(result, 'b2g1')).toBe(reason);
  });

  it('non-repeatable buy-N-get-M gives one round only', () => {
    const once = makeCampaign({
      id: 'once',
      offer: { kind: 'gift', mode: 'buy_n_get_m', buySkus: ['X'], buyQuantity: 1, getSkus: ['Y'], getQuantity: 1, repeatable: false },
    });
    expect(appliedAmount(quote([once], cartOf([line('X', 800, 3), line('Y', 500, 3)])), 'once')).toBe(500);
  });

  it('adds the free unit as a gift line when the cart has none of the get SKUs', () => {
    const result = quote([buy2get1], cartOf([line('X', 800, 2)]));
    expect(result.lines[1]).toMatchObject({ sku: 'Y', quantity: 1, unitPrice: 0, final: 0, gift: true });
  });

  it('spend X get a gift: at the threshold a gift line at 0 is added', () => {
    const result = quote([spendGift], cartOf([line('A', 20_000)]));
    expect(result.lines).toHaveLength(2);
    expect(result.lines[1]).toMatchObject({ lineId: 'gift:gift:TOTE', sku: 'TOTE', quantity: 1, final: 0, gift: true });
    expect(result.totals.total).toBe(20_000);
    expect(appliedAmount(result, 'gift')).toBe(1_500);
  });

  it('spend X get a gift: one fen short gives no gift and a 凑单 hint', () => {
    const result = quote([spendGift], cartOf([line('A', 19_999)]));
    expect(result.lines).toHaveLength(1);
    expect(reasonOf(result, 'gift')).toBe('below_threshold');
    expect(result.upsell[0]).toMatchObject({ type: 'gift', shortfall: 1, message: { zh: '再买¥0.01可获赠品' } });
  });

  it('gift out of stock: no gift line and reason out_of_stock', () => {
    const result = quote([spendGift], cartOf([line('A', 30_000)]), { counters: countersOf({ giftStock: { TOTE: 0 } }) });
    expect(result.lines).toHaveLength(1);
    expect(reasonOf(result, 'gift')).toBe('out_of_stock');
  });

  it('gift stock below the gift quantity gives what is left', () => {
    const two = makeCampaign({ id: 'two', offer: { kind: 'gift', mode: 'spend_get_gift', minSpend: 100, gifts: [{ sku: 'CUP', quantity: 3 }] } });
    const result = quote([two], cartOf([line('A', 1_000)]), { counters: countersOf({ giftStock: { CUP: 2 } }) });
    expect(result.lines[1]).toMatchObject({ sku: 'CUP', quantity: 2, gift: true });
  });
});
