import { CampaignSchema, type Campaign, type CampaignInput } from '../campaign/campaign.schema.js';
import type { z } from 'zod';
import type { OfferSchema } from '../campaign/offer.schema.js';
import type { GraphNode } from '../rule-graph/graph.schema.js';

type OfferInput = z.input<typeof OfferSchema>;

const YEAR_2026 = { start: '2026-01-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00' };

function campaign(
  id: string,
  name: string,
  nameEn: string,
  offer: OfferInput,
  extra: Partial<CampaignInput> = {},
  conditions: Array<Omit<GraphNode, 'position' | 'args'> & { args: Record<string, unknown> }> = [],
): Campaign {
  const nodes: GraphNode[] = [{ id: 'start', type: 'start', args: {} }, ...conditions, { id: 'offer', type: 'offer', args: { offer } }];
  const chain = nodes.map((n) => n.id);
  const edges = chain.slice(1).map((target, i) => ({ id: `e${i}`, source: chain[i]!, target }));
  return CampaignSchema.parse({
    id,
    name,
    nameEn,
    kind: offer.kind,
    status: 'live',
    schedule: YEAR_2026,
    scope: { type: 'storewide' },
    graph: { nodes, edges },
    ...extra,
  });
}

/** A small 618 campaign line-up with one or more campaigns of every kind. */
export function demoCampaigns(): Campaign[] {
  return [
    campaign('mj-618', '618 满减', '618 spend & save', {
      kind: 'threshold_off',
      mode: 'tiers',
      tiers: [
        { minSpend: 19_900, off: 2_000 },
        { minSpend: 39_900, off: 5_000 },
      ],
    }, { stacking: { mode: 'exclusive', exclusionGroup: 'order-618' }, limits: { budget: 5_000_000 } }),
    campaign('mj-every', '每满100减10', 'Every ¥100 off ¥10', { kind: 'threshold_off', mode: 'every', every: 10_000, off: 1_000, cap: 5_000 }, {
      stacking: { mode: 'exclusive', exclusionGroup: 'order-618' },
    }),
    campaign('drinks-85', '饮料 8.5 折', 'Drinks 15% off', { kind: 'percent_off', payRate: 8_500 }, {
      scope: { type: 'categories', categoryIds: ['drinks'] },
      minMargin: 500,
    }),
    campaign('yogurt-b2g1', '酸奶买二送一', 'Yogurt buy 2 get 1', {
      kind: 'gift',
      mode: 'buy_n_get_m',
      buySkus: ['YOGURT-S', 'YOGURT-M'],
      buyQuantity: 2,
      getSkus: ['YOGURT-S', 'YOGURT-M'],
      getQuantity: 1,
    }, { stacking: { mode: 'stackable' } }),
    campaign('tote-gift', '满299送帆布袋', 'Free tote over ¥299', { kind: 'gift', mode: 'spend_get_gift', minSpend: 29_900, gifts: [{ sku: 'TOTE', quantity: 1, value: 1_500 }] }, {
      stacking: { mode: 'stackable' },
    }),
    campaign('flash-tv', '10点秒杀电视', '10:00 TV flash sale', {
      kind: 'flash_sale',
      slots: [{ start: '10:00', end: '14:00' }],
      items: [{ sku: 'TV-55', price: 199_900, stock: 100 }],
    }),
    campaign('group-rice', '大米三人团', 'Rice group of 3', { kind: 'group_buy', items: [{ sku: 'RICE-5KG', groupPrice: 3_990 }], groupSize: 3, fillHours: 24 }),
    campaign('new-user', '新人立减20', 'New customer ¥20 off', { kind: 'new_user', firstOrder: { type: 'fixed', off: 2_000, minSpend: 9_900 } }, {
      stacking: { mode: 'stackable' },
    }),
    campaign('member-wed', '周三会员日 9 折', 'Wednesday member day 10% off', { kind: 'member', minLevel: 2, benefit: { type: 'percent', payRate: 9_000 } }, {
      schedule: { ...YEAR_2026, recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '00:00', endTime: '24:00' } },
      stacking: { mode: 'stackable' },
    }),
    campaign('gd-only', '广东专享 95 折', 'Guangdong-only 5% off', { kind: 'percent_off', payRate: 9_500 }, {}, [
      { id: 'region', type: 'region', args: { mode: 'include', provinces: ['44'] } },
    ]),
  ];
}
