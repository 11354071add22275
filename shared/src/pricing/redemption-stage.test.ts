import { describe, expect, it } from 'vitest';
import type { RedemptionRequest } from '../cart/cart.schema.js';
import { cartOf, countersOf, line, makeCampaign, NOW_MS, quote, userOf } from './testing/campaign-factory.js';

const member = makeCampaign({
  id: 'm',
  offer: {
    kind: 'member',
    minLevel: 3,
    benefit: { type: 'percent', payRate: 9_000 },
    pointsRedemption: [
      { points: 500, reward: { type: 'item', sku: 'CUP' } },
      { points: 1_000, reward: { type: 'coupon', templateId: 'tpl-10' } },
    ],
  },
});

function redeem(redemptions: RedemptionRequest[], user = userOf({ memberLevel: 3, points: 2_000 }), extra: { pointsToRedeem?: number; giftStock?: Record<string, number>; nowMs?: number } = {}) {
  return quote([member], cartOf([line('A', 10_000)], { redemptions, pointsToRedeem: extra.pointsToRedeem ?? 0 }), {
    user,
    counters: countersOf({ giftStock: extra.giftStock ?? {} }),
    nowMs: extra.nowMs ?? NOW_MS,
  });
}

describe('points redemption (积分兑换)', () => {
  it('an item reward is a gift line at 0 and costs its points; the member price still applies', () => {
    const result = redeem([{ campaignId: 'm', index: 0 }]);
    expect(result.lines.map((l) => [l.lineId, l.sku, l.final, l.gift])).toEqual([
      ['L-A', 'A', 9_000, false],
      ['redeem:m:0:1', 'CUP', 0, true],
    ]);
    expect(result.redemptions).toEqual([
      { campaignId: 'm', offerNodeId: 'offer', index: 0, points: 500, reward: { type: 'item', sku: 'CUP', lineId: 'redeem:m:0:1' }, reason: null, message: null },
    ]);
    expect(result.totals.total).toBe(9_000);
  });

  it('a coupon reward adds no line and names the template the commit issues from', () => {
    const result = redeem([{ campaignId: 'm', index: 1 }]);
    expect(result.lines).toHaveLength(1);
    expect(result.redemptions?.[0]).toMatchObject({ points: 1_000, reward: { type: 'coupon', templateId: 'tpl-10' }, reason: null });
  });

  it('requests are charged in order: one that no longer fits the balance is refused', () => {
    const result = redeem([{ campaignId: 'm', index: 1 }, { campaignId: 'm', index: 0 }], userOf({ memberLevel: 3, points: 1_200 }));
    expect(result.redemptions?.map((r) => r.reason)).toEqual([null, 'insufficient_points']);
    expect(result.redemptions?.[1]).toMatchObject({ points: 500, reward: { type: 'item', sku: 'CUP', lineId: null }, message: { en: 'Not enough points' } });
    expect(result.lines).toHaveLength(1);
  });

  it.each([
    // 1,500 − 1,000 exchanged = 500 left: 600 is too many; 500 points pay ¥5.
    { pointsToRedeem: 600, used: 0, reason: 'insufficient_points', total: 9_000 },
    { pointsToRedeem: 500, used: 500, reason: null, total: 8_500 },
  ])('points paying for the order come out of what exchanges leave: $pointsToRedeem requested', ({ pointsToRedeem, used, reason, total }) => {
    const result = redeem([{ campaignId: 'm', index: 1 }], userOf({ memberLevel: 3, points: 1_500 }), { pointsToRedeem });
    expect(result.points).toMatchObject({ used, reason });
    expect(result.totals.total).toBe(total);
  });

  it.each([
    { name: 'level below the offer', request: { campaignId: 'm', index: 0 }, user: userOf({ memberLevel: 2, points: 2_000 }), extra: {}, reason: 'member_level_too_low' },
    { name: 'unknown reward index', request: { campaignId: 'm', index: 5 }, user: undefined, extra: {}, reason: 'redemption_invalid' },
    { name: 'unknown campaign', request: { campaignId: 'nope', index: 0 }, user: undefined, extra: {}, reason: 'redemption_invalid' },
    { name: 'reward item out of stock', request: { campaignId: 'm', index: 0 }, user: undefined, extra: { giftStock: { CUP: 0 } }, reason: 'out_of_stock' },
    { name: 'campaign outside its window', request: { campaignId: 'm', index: 0 }, user: undefined, extra: { nowMs: NOW_MS + 365 * 86_400_000 }, reason: 'outside_window' },
  ])('refused: $name → $reason, nothing added', ({ request, user, extra, reason }) => {
    const result = redeem([request], user, extra);
    expect(result.redemptions?.[0]?.reason).toBe(reason);
    expect(result.lines.filter((l) => l.gift)).toEqual([]);
  });

  it('one unit of stock left serves the first of two item requests', () => {
    const result = redeem([{ campaignId: 'm', index: 0 }, { campaignId: 'm', index: 0 }], undefined, { giftStock: { CUP: 1 } });
    expect(result.redemptions?.map((r) => r.reason)).toEqual([null, 'out_of_stock']);
  });

  it('counts the units an order gift already took from the same stock', () => {
    const tote = makeCampaign({ id: 'g', offer: { kind: 'gift', mode: 'spend_get_gift', minSpend: 5_000, gifts: [{ sku: 'CUP', quantity: 1, value: 1_500 }] }, stacking: { mode: 'stackable' } });
    const result = quote([member, tote], cartOf([line('A', 10_000)], { redemptions: [{ campaignId: 'm', index: 0 }], pointsToRedeem: 0 }), {
      user: userOf({ memberLevel: 3, points: 2_000 }),
      counters: countersOf({ giftStock: { CUP: 1 } }),
      nowMs: NOW_MS,
    });
    expect(result.lines.filter((l) => l.sku === 'CUP').map((l) => l.lineId)).toEqual(['gift:g:CUP']);
    expect(result.redemptions?.map((r) => r.reason)).toEqual(['out_of_stock']);
  });

  it('no requests: an empty list', () => {
    expect(redeem([]).redemptions).toEqual([]);
  });
});
