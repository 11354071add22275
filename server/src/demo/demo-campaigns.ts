import { createTemplateGraph, type CampaignKind, type Offer, type RuleGraph, type Schedule, type Theme } from '@promo/shared';
import { DateTime } from 'luxon';
import type { CampaignWrite } from '../campaigns/campaign.schema.js';

export const DEMO_THEME_ID = 'demo-festival';
const ZONE = 'Asia/Shanghai';
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** start → conditions… → offer, each condition a node on the one path. */
function chain(kind: CampaignKind, offer: Offer, conditions: { type: string; args: Record<string, unknown> }[] = []): RuleGraph {
  const graph = createTemplateGraph(kind, offer);
  if (conditions.length === 0) return graph;
  const nodes = [graph.nodes[0]!, ...conditions.map((c, i) => ({ id: `c${i + 1}`, type: c.type, args: c.args, position: { x: 240 * (i + 1), y: 0 } })), { ...graph.nodes[1]!, position: { x: 240 * (conditions.length + 1), y: 0 } }];
  const edges = nodes.slice(1).map((node, i) => ({ id: `${nodes[i]!.id}->${node.id}`, source: nodes[i]!.id, target: node.id }));
  return { nodes, edges };
}

const storewide = { type: 'storewide' as const, skus: [], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] };
const items = (skus: string[]) => ({ ...storewide, type: 'items' as const, skus });
const categories = (categoryIds: string[]) => ({ ...storewide, type: 'categories' as const, categoryIds });

/** The festival window: from yesterday to a month ahead (Shanghai days), so the demo is live now. */
export function demoWindow(nowMs: number): { start: string; end: string; weekday: string } {
  const today = DateTime.fromMillis(nowMs, { zone: ZONE }).startOf('day');
  const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) ?? '';
  return { start: iso(today.minus({ days: 1 })), end: iso(today.plus({ days: 31 })), weekday: WEEKDAYS[today.weekday - 1] ?? 'MO' };
}

export function demoTheme(nowMs: number): Theme {
  const { start, end } = demoWindow(nowMs);
  return { id: DEMO_THEME_ID, name: '欢乐购物节', nameEn: 'Happy Shopping Festival', festival: 'demo', start, end, palette: ['#E4393C', '#FFB400', '#2F54EB'], budget: 50_000_000, version: 0 };
}

/** Coupon templates the new-user pack refers to. */
export const DEMO_NEW_USER_TEMPLATES = [
  { id: 'demo-newuser-10', name: '新人满39减10', nameEn: 'New user ¥10 off ¥39', value: { type: 'threshold' as const, minSpend: 3900, off: 1000 } },
  { id: 'demo-newuser-20', name: '新人满99减20', nameEn: 'New user ¥20 off ¥99', value: { type: 'threshold' as const, minSpend: 9900, off: 2000 } },
];

/** At least one campaign of every kind, all in the demo theme and live now. */
export function demoCampaigns(nowMs: number): (CampaignWrite & { id: string })[] {
  const { start, end, weekday } = demoWindow(nowMs);
  const schedule: Schedule = { start, end, timezone: ZONE };
  const stackable = { stacking: { mode: 'stackable' as const, excludeDiscountedLines: false } };
  const base = { themeId: DEMO_THEME_ID, status: 'draft' as const, version: 0, priority: 100, schedule, limits: {}, stacking: { mode: 'exclusive' as const, excludeDiscountedLines: false } };
  const campaign = (id: string, name: string, nameEn: string, kind: CampaignKind, offer: Offer, scope: CampaignWrite['scope'], extra: Partial<CampaignWrite> = {}, conditions: { type: string; args: Record<string, unknown> }[] = []) => ({
    ...base,
    id,
    name,
    nameEn,
    kind,
    scope,
    graph: chain(kind, offer, conditions),
    ...extra,
  });
  return [
    campaign('demo-threshold-tiers', '全场满100减10 满200减30 满300减50', 'Storewide ¥10 off ¥100, ¥30 off ¥200, ¥50 off ¥300', 'threshold_off',
      { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10_000, off: 1_000 }, { minSpend: 20_000, off: 3_000 }, { minSpend: 30_000, off: 5_000 }] },
      storewide, { stacking: { mode: 'exclusive', exclusionGroup: 'order-threshold', excludeDiscountedLines: false }, limits: { budget: 20_000_000 } }),
    campaign('demo-snacks-every', '零食每满100减15', 'Snacks: ¥15 off every ¥100', 'threshold_off',
      { kind: 'threshold_off', mode: 'every', every: 10_000, off: 1_500, cap: 4_500 }, categories(['snacks']), { stacking: { mode: 'exclusive', exclusionGroup: 'order-threshold', excludeDiscountedLines: false } }),
    campaign('demo-dairy-85', '乳品蛋类8.5折', 'Dairy & eggs 15% off', 'percent_off',
      { kind: 'percent_off', payRate: 8_500, maxDiscount: 5_000 }, categories(['dairy_eggs']), { minMargin: 500 }),
    campaign('demo-cola-b2g1', '可乐买二送一', 'Cola: buy 2 get 1 free', 'gift',
      { kind: 'gift', mode: 'buy_n_get_m', buySkus: ['SOFTDRINKS-01'], buyQuantity: 2, getSkus: ['SOFTDRINKS-01'], getQuantity: 1, repeatable: true, maxRepeats: 5 }, items(['SOFTDRINKS-01']), stackable),
    campaign('demo-spend-gift', '满199送抽纸', 'Spend ¥199, get pocket tissues', 'gift',
      { kind: 'gift', mode: 'spend_get_gift', minSpend: 19_900, gifts: [{ sku: 'PAPER-05', quantity: 1 }] }, storewide, stackable),
    campaign('demo-flash', '每日秒杀 10点 & 20点', 'Daily flash sale at 10:00 & 20:00', 'flash_sale',
      { kind: 'flash_sale', slots: [{ start: '10:00', end: '12:00' }, { start: '20:00', end: '22:00' }], items: [{ sku: 'FRUIT-05', price: 1_990, stock: 100, perUserLimit: 2 }, { sku: 'SEAFOOD-01', price: 2_990, stock: 50, perUserLimit: 1 }], reservationMinutes: 15 },
      items(['FRUIT-05', 'SEAFOOD-01']), { stacking: { mode: 'exclusive', excludeDiscountedLines: false }, priority: 200 }),
    campaign('demo-group-buy', '三人团', 'Team up: groups of 3', 'group_buy',
      { kind: 'group_buy', items: [{ sku: 'FRUIT-04', groupPrice: 2_590 }, { sku: 'BEEFLAMB-02', groupPrice: 4_990 }], groupSize: 3, fillHours: 24, leaderDiscount: 500, virtualFill: false },
      items(['FRUIT-04', 'BEEFLAMB-02'])),
    campaign('demo-new-user', '新人首单立减15元', 'New users: ¥15 off the first order', 'new_user',
      { kind: 'new_user', firstOrder: { type: 'fixed', off: 1_500, minSpend: 3_000 }, couponPack: DEMO_NEW_USER_TEMPLATES.map((t) => ({ templateId: t.id, quantity: 1 })) },
      storewide, { ...stackable, limits: { perUserTotal: 1 } }, [{ type: 'new_user', args: {} }]),
    campaign('demo-member-day', '会员日 9折', 'Member day: 10% off for level 2+', 'member',
      { kind: 'member', minLevel: 2, benefit: { type: 'percent', payRate: 9_000 }, pointsRedemption: [{ points: 1_000, reward: { type: 'coupon', templateId: 'demo-newuser-10' } }] },
      storewide, { schedule: { ...schedule, recurrence: { rrule: `FREQ=WEEKLY;BYDAY=${weekday}`, startTime: '00:00', endTime: '24:00' } } }, [{ type: 'member_level', args: { minLevel: 2 } }]),
  ];
}
