import { createTemplateGraph, CampaignSchema, type Campaign, type QuoteResult } from '@promo/shared';
import { describe, expect, it } from 'vitest';
import { limitKeys } from '../limits/limit-keys.js';
import { buildLimitPlan, needsAgreement } from './commit-plan.js';

const NOW = Date.parse('2026-11-11T01:00:00Z');

function campaign(id: string, extra: Record<string, unknown>): Campaign {
  const offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 100, off: 10 }] } as const;
  return CampaignSchema.parse({
    id,
    name: id,
    kind: 'threshold_off',
    schedule: { start: '2026-11-01T00:00:00+08:00', end: '2026-11-30T00:00:00+08:00', timezone: 'Asia/Shanghai' },
    scope: { type: 'storewide' },
    graph: createTemplateGraph('threshold_off', { ...offer, tiers: [...offer.tiers] }),
    ...extra,
  });
}

function result(overrides: Partial<QuoteResult>): QuoteResult {
  const zero = { subtotal: 0, itemDiscount: 0, orderDiscount: 0, couponDiscount: 0, pointsDiscount: 0, discount: 0, total: 0 };
  return { lines: [], totals: zero, applied: [], notApplied: [], coupons: { applied: [], rejected: [] }, points: { requested: 0, used: 0, amount: 0, reason: null }, upsell: [], ...overrides };
}

const line = (sku: string, quantity: number, campaignId: string | null, gift = false) => ({
  lineId: sku,
  sku,
  quantity,
  unitPrice: 100,
  subtotal: 100 * quantity,
  itemDiscount: 0,
  itemAdjustments: [],
  orderDiscount: 0,
  couponDiscount: 0,
  pointsDiscount: 0,
  allocations: campaignId ? [{ source: 'campaign' as const, id: campaignId, amount: 5 }] : [],
  final: 100 * quantity,
  gift,
  capped: null,
});

describe('buildLimitPlan', () => {
  it('turns each applied campaign into usage, budget, per-user, per-day (campaign time zone), per-SKU and theme entries', () => {
    const c = campaign('c1', { themeId: 'th', limits: { budget: 5000, usageCap: 10, perUserTotal: 2, perUserDaily: 1, perSkuPerUser: 4 } });
    const plan = buildLimitPlan({
      attemptId: 'o1:a',
      result: result({
        lines: [line('apple', 3, 'c1'), line('pear', 1, null), line('gift-cup', 1, null, true)],
        applied: [{ campaignId: 'c1', kind: 'threshold_off', stage: 'order', amount: 30, offerNodeId: 'offer', variant: null, capped: null }],
      }),
      campaignsById: new Map([['c1', c]]),
      giftStock: new Map([['gift-cup', 7]]),
      themeBudgets: new Map([['th', 900]]),
      userId: 'u1',
      nowMs: NOW,
    });
    expect(plan.orderId).toBe('o1:a');
    expect(plan.entries).toEqual([
      { key: limitKeys.usage('c1'), amount: 1, cap: 10 },
      { key: limitKeys.budget('c1'), amount: 30, cap: 5000 },
      { key: limitKeys.userTotal('c1', 'u1'), amount: 1, cap: 2 },
      { key: limitKeys.userDay('c1', 'u1', '2026-11-11'), amount: 1, cap: 1, ttlMs: 2 * 86_400_000 },
      { key: limitKeys.skuUser('c1', 'apple', 'u1'), amount: 3, cap: 4 },
      { key: limitKeys.themeBudget('th'), amount: 30, cap: 900 },
      { key: limitKeys.giftStock('gift-cup'), amount: 1, cap: 7 },
    ]);
  });

  it('counts only the units an item-stage offer discounted against a per-SKU per-user limit', () => {
    const c = campaign('pct', { limits: { perSkuPerOrder: 2, perSkuPerUser: 5 } });
    const discounted = { ...line('apple', 6, null), itemAdjustments: [{ campaignId: 'pct', amount: 40 }] };
    const plan = buildLimitPlan({
      attemptId: 'o3:a',
      result: result({
        lines: [discounted, line('pear', 3, 'pct')],
        applied: [{ campaignId: 'pct', kind: 'percent_off', stage: 'item', amount: 40, offerNodeId: 'offer', variant: null, capped: null }],
      }),
      campaignsById: new Map([['pct', c]]),
      giftStock: new Map(),
      themeBudgets: new Map(),
      userId: 'u1',
      nowMs: NOW,
    });
    expect(plan.entries.filter((e) => e.key.includes('apple') || e.key.includes('pear'))).toEqual([
      { key: limitKeys.skuUser('pct', 'apple', 'u1'), amount: 2, cap: 5 },
      { key: limitKeys.skuUser('pct', 'pear', 'u1'), amount: 3, cap: 5 },
    ]);
  });

  it('counts the units the engine reports per item adjustment when it reports them', () => {
    const c = campaign('pct', { limits: { perSkuPerUser: 5 } });
    const discounted = { ...line('apple', 6, null), itemAdjustments: [{ campaignId: 'pct', amount: 40, units: 1 }] };
    const plan = buildLimitPlan({
      attemptId: 'o4:a',
      result: result({
        lines: [discounted],
        applied: [{ campaignId: 'pct', kind: 'percent_off', stage: 'item', amount: 40, offerNodeId: 'offer', variant: null, capped: null }],
      }),
      campaignsById: new Map([['pct', c]]),
      giftStock: new Map(),
      themeBudgets: new Map(),
      userId: 'u1',
      nowMs: NOW,
    });
    expect(plan.entries.filter((e) => e.key.includes('apple'))).toEqual([{ key: limitKeys.skuUser('pct', 'apple', 'u1'), amount: 1, cap: 5 }]);
  });

  it('counts a campaign without limits (cap null) and gives new-user campaigns a per-user limit of 1', () => {
    const plain = campaign('plain', {});
    const nu = CampaignSchema.parse({ ...campaign('nu', {}), kind: 'new_user', graph: createTemplateGraph('new_user', { kind: 'new_user', firstOrder: { type: 'fixed', off: 5, minSpend: 0 }, couponPack: [] }) });
    const plan = buildLimitPlan({
      attemptId: 'o2:a',
      result: result({
        applied: [
          { campaignId: 'plain', kind: 'threshold_off', stage: 'order', amount: 10, offerNodeId: 'offer', variant: null, capped: null },
          { campaignId: 'nu', kind: 'new_user', stage: 'order', amount: 5, offerNodeId: 'offer', variant: 'B', capped: null },
        ],
      }),
      campaignsById: new Map([['plain', plain], ['nu', nu]]),
      giftStock: new Map(),
      themeBudgets: new Map(),
      userId: 'u1',
      nowMs: NOW,
    });
    expect(plan.entries).toEqual([
      { key: limitKeys.usage('plain'), amount: 1, cap: null },
      { key: limitKeys.budget('plain'), amount: 10, cap: null },
      { key: limitKeys.usage('nu'), amount: 1, cap: null },
      { key: limitKeys.budget('nu'), amount: 5, cap: null },
      { key: limitKeys.userTotal('nu', 'u1'), amount: 1, cap: 1 },
    ]);
  });
});

describe('needsAgreement', () => {
  const message = { zh: '', en: '' };
  it('asks for agreement when a limit kept a campaign out or a coupon was refused, not for cart reasons', () => {
    expect(needsAgreement(result({ notApplied: [{ campaignId: 'a', kind: 'gift', reason: 'below_threshold', message }] }))).toBe(false);
    expect(needsAgreement(result({ notApplied: [{ campaignId: 'a', kind: 'gift', reason: 'budget_exhausted', message }] }))).toBe(true);
    expect(needsAgreement(result({ coupons: { applied: [], rejected: [{ couponId: 'x', reason: 'coupon_invalid', message }] } }))).toBe(true);
  });

  it('asks for agreement when the requested points could not be used', () => {
    expect(needsAgreement(result({ points: { requested: 500, used: 0, amount: 0, reason: 'insufficient_points' } }))).toBe(true);
    expect(needsAgreement(result({ points: { requested: 500, used: 500, amount: 500, reason: null } }))).toBe(false);
  });
});
