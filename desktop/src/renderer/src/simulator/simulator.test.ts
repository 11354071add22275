import { describe, expect, it } from 'vitest';
import { UserContextSchema, type Campaign } from '@promo/shared';
import type { CatalogItem } from '../api/api.schema.js';
import { createCampaignDraft } from '../templates/kind-templates.js';
import { checkOverlaps, deepestDiscount, maxUnitDiscount } from './overlap-check.js';
import { buildCart, simulate, simulationCampaigns } from './simulate.js';

const start = '2026-06-01T00:00:00+08:00';
const end = '2026-06-19T00:00:00+08:00';
const now = Date.parse('2026-06-10T12:00:00+08:00');
const catalog: CatalogItem[] = [
  { sku: 'RICE', name: '大米', categoryId: 'grain', price: 6000, cost: 4000 },
  { sku: 'OIL', name: '食用油', categoryId: 'oil', price: 6000, cost: 5000 },
];
const items = new Map(catalog.map((i) => [i.sku, i]));
const path = (id: string) => [id, 'food'];
const user = UserContextSchema.parse({ userId: 'u1' });

const threshold = (id: string, status: Campaign['status'] = 'live'): Campaign => ({ ...createCampaignDraft('threshold_off', { id, name: id, start, end }), status });
const percent = (id: string, payRate: number): Campaign => ({
  ...createCampaignDraft('percent_off', { id, name: id, start, end, offer: { kind: 'percent_off', payRate } }),
  status: 'live',
});

describe('simulator', () => {
  it('prices a draft 满减 locally: ¥120 cart gets ¥10 off', () => {
    const { cart } = buildCart([{ sku: 'RICE', quantity: 2 }], items, path);
    const campaigns = simulationCampaigns([threshold('draft', 'draft')], 'draft');
    const { result } = simulate({ campaigns, cart: cart!, user, nowMs: now, withReservations: false });
    expect(result.totals.subtotal).toBe(12000);
    expect(result.totals.orderDiscount).toBe(1000);
    expect(result.totals.total).toBe(11000);
    expect(result.applied.map((a) => a.campaignId)).toEqual(['draft']);
  });

  it('says why a campaign did not apply, in both languages', () => {
    const { cart } = buildCart([{ sku: 'RICE', quantity: 1 }], items, path);
    const { result } = simulate({ campaigns: [threshold('c1')], cart: cart!, user, nowMs: now, withReservations: false });
    expect(result.notApplied[0]).toMatchObject({ campaignId: 'c1', reason: 'below_threshold' });
    expect(result.notApplied[0]?.message.zh).toBeTruthy();
    expect(result.notApplied[0]?.message.en).toBeTruthy();
  });

  it('leaves out drafts and ended campaigns other than the one simulated', () => {
    const all = [threshold('a', 'draft'), threshold('b', 'ended'), threshold('c', 'live'), threshold('d', 'draft')];
    expect(simulationCampaigns(all, 'd').map((c) => [c.id, c.status])).toEqual([
      ['c', 'live'],
      ['d', 'live'],
    ]);
  });

  it('reports SKUs missing from the cached catalog', () => {
    expect(buildCart([{ sku: 'NOPE', quantity: 1 }], items, path)).toEqual({ cart: null, missing: ['NOPE'] });
  });

  it('gives flash prices when reservations are assumed', () => {
    const flash: Campaign = {
      ...createCampaignDraft('flash_sale', { id: 'f', name: 'f', start, end, sampleSkus: ['OIL'] }),
      status: 'live',
      schedule: { start, end, timezone: 'Asia/Shanghai' },
    };
    const offer = flash.graph.nodes.find((n) => n.type === 'offer')!;
    offer.args = { offer: { kind: 'flash_sale', slots: [{ start: '00:00', end: '24:00' }], items: [{ sku: 'OIL', price: 3000, stock: 10, perUserLimit: 5 }], reservationMinutes: 15 } };
    const { cart } = buildCart([{ sku: 'OIL', quantity: 1 }], items, path);
    const without = simulate({ campaigns: [flash], cart: cart!, user, nowMs: now, withReservations: false }).result;
    const withRes = simulate({ campaigns: [flash], cart: cart!, user, nowMs: now, withReservations: true }).result;
    expect(without.notApplied[0]?.reason).toBe('no_reservation');
    expect(withRes.totals.itemDiscount).toBe(3000);
  });
});

describe('overlap check', () => {
  it('estimates the deepest unit discount of each kind', () => {
    expect(maxUnitDiscount({ kind: 'percent_off', payRate: 8000 }, 'RICE', 6000)).toBe(1200);
    const tiers = { kind: 'threshold_off' as const, mode: 'tiers' as const, tiers: [{ minSpend: 10000, off: 1000 }, { minSpend: 20000, off: 3000 }] };
    // ¥60 is 30% of the ¥200 tier: its share of ¥30 off is ¥9; a ¥250 item alone reaches it: ¥30.
    expect(maxUnitDiscount(tiers, 'RICE', 6000)).toBe(900);
    expect(maxUnitDiscount(tiers, 'X', 25000)).toBe(3000);
    expect(maxUnitDiscount({ kind: 'new_user', firstOrder: { type: 'fixed', off: 1500, minSpend: 3000 }, couponPack: [] }, 'X', 31990)).toBe(1500);
  });

  it('combines the best exclusive with stackables and order stage on the rest', () => {
    const a = percent('a', 8000);
    const b = { ...percent('b', 9000), stacking: { mode: 'stackable' as const, excludeDiscountedLines: false } };
    // item: 1200 (exclusive a) + 600 (stackable b) = 1800; order: ¥42 left is 21% of the ¥200 tier → ¥6.30
    expect(deepestDiscount([a, b, threshold('t')], 'RICE', 6000)).toBe(1800 + 630);
  });

  it('flags SKUs hit by several campaigns in the same window and below the price floor', () => {
    const focus = { ...percent('focus', 5000), minMargin: 1000 };
    const entries = checkOverlaps(focus, [threshold('other'), { ...threshold('later'), schedule: { ...threshold('x').schedule, start: '2026-07-01T00:00:00+08:00', end: '2026-07-02T00:00:00+08:00' } }], catalog, path);
    expect(entries.map((e) => e.sku).sort()).toEqual(['OIL', 'RICE']);
    const oil = entries.find((e) => e.sku === 'OIL')!;
    expect(oil.campaignIds).toEqual(['focus', 'other']);
    expect(oil.floor).toBe(5500);
    expect(oil.belowFloor).toBe(true);
  });

  it('finds nothing when the focus campaign stands alone', () => {
    expect(checkOverlaps(percent('solo', 9000), [], catalog, path)).toEqual([]);
  });
});
