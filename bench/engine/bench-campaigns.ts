import { CampaignSchema, type Campaign, type CampaignInput } from '@promo/shared';
import type { CatalogItem } from './bench-catalog.js';
import { PROVINCES, TAGS } from './bench-catalog.js';
import type { Random } from './random.js';

type Condition = { id: string; type: string; args: Record<string, unknown> };
type OfferInput = Record<string, unknown> & { kind: Campaign['kind'] };

const WINDOW = { start: '2026-06-01T00:00:00+08:00', end: '2026-07-01T00:00:00+08:00' };

/** Targeting a real planner would add: region, channel, tags, member level, spend, category, time. */
function conditions(random: Random, stage: 'item' | 'order'): Condition[] {
  const out: Condition[] = [];
  if (random.chance(0.35)) {
    out.push({ id: 'region', type: 'region', args: { mode: random.chance(0.8) ? 'include' : 'exclude', provinces: random.sample(PROVINCES, random.int(1, 4)) } });
  }
  if (random.chance(0.3)) out.push({ id: 'channel', type: 'channel', args: { channels: random.sample(['app', 'mini_program', 'web', 'pos'], random.int(1, 3)) } });
  if (random.chance(0.25)) out.push({ id: 'tags', type: 'user_tags', args: { mode: random.pick(['any', 'all', 'none']), tags: random.sample(TAGS, random.int(1, 3)) } });
  if (random.chance(0.15)) out.push({ id: 'level', type: 'member_level', args: { minLevel: random.int(1, 5) } });
  if (stage === 'order' && random.chance(0.3)) out.push({ id: 'spend', type: 'cart_subtotal', args: { minSpend: random.int(50, 300) * 100 } });
  if (random.chance(0.1)) out.push({ id: 'cat', type: 'contains_category', args: { categoryIds: [`cat-${random.int(0, 99)}`] } });
  if (random.chance(0.2)) out.push({ id: 'window', type: 'window', args: { start: '2026-06-10T00:00:00+08:00', end: '2026-06-20T00:00:00+08:00' } });
  return out;
}

function scope(random: Random, catalog: readonly CatalogItem[]): CampaignInput['scope'] {
  const roll = random.next();
  if (roll < 0.02) return { type: 'storewide' };
  if (roll < 0.5) return { type: 'categories', categoryIds: [`cat-${random.int(0, 99)}`] };
  if (roll < 0.55) return { type: 'categories', categoryIds: [`dept-${random.int(0, 9)}`] };
  return { type: 'items', skus: random.sample(catalog, random.int(5, 40)).map((i) => i.sku) };
}

function offer(random: Random, catalog: readonly CatalogItem[], kind: Campaign['kind']): OfferInput {
  const skus = (n: number) => random.sample(catalog, n).map((i) => i.sku);
  switch (kind) {
    case 'threshold_off': {
      const base = random.int(5, 20) * 1_000;
      return random.chance(0.7)
        ? { kind, mode: 'tiers', tiers: [{ minSpend: base, off: base / 10 }, { minSpend: base * 2, off: base / 4 }, { minSpend: base * 4, off: base / 2 }] }
        : { kind, mode: 'every', every: base, off: base / 10, cap: base };
    }
    case 'percent_off':
      return { kind, payRate: random.int(50, 95) * 100, ...(random.chance(0.3) ? { maxDiscount: random.int(10, 100) * 100 } : {}) };
    case 'gift':
      return random.chance(0.5)
        ? { kind, mode: 'buy_n_get_m', buySkus: skus(10), buyQuantity: random.int(1, 3), getSkus: skus(5), getQuantity: 1 }
        : { kind, mode: 'spend_get_gift', minSpend: random.int(50, 300) * 100, gifts: [{ sku: `GIFT-${random.int(0, 20)}`, quantity: 1, value: 990 }] };
    case 'flash_sale':
      return {
        kind,
        slots: [{ start: '10:00', end: '11:00' }, { start: '12:00', end: '13:00' }, { start: '20:00', end: '21:00' }],
        items: random.sample(catalog, random.int(3, 20)).map((i) => ({ sku: i.sku, price: Math.floor(i.price / 2), stock: 100 })),
      };
    case 'group_buy':
      return { kind, items: random.sample(catalog, random.int(3, 20)).map((i) => ({ sku: i.sku, groupPrice: Math.floor(i.price * 0.7) })), groupSize: 3, fillHours: 24 };
    case 'new_user':
      return { kind, firstOrder: { type: 'fixed', off: 1_000, minSpend: 5_000 } };
    case 'member':
      return random.chance(0.6)
        ? { kind, minLevel: random.int(1, 4), benefit: { type: 'percent', payRate: 9_000 } }
        : { kind, minLevel: random.int(1, 4), benefit: { type: 'price', items: random.sample(catalog, 10).map((i) => ({ sku: i.sku, price: Math.floor(i.price * 0.8) })) } };
  }
}

/** Offers that name their SKUs (flash, group, member price, buy-N-get-M) are scoped to those SKUs. */
function offerSkuScope(o: OfferInput): CampaignInput['scope'] | null {
  const items = o['items'] ?? (o['benefit'] as Record<string, unknown> | undefined)?.['items'];
  if (Array.isArray(items)) return { type: 'items', skus: (items as Array<{ sku: string }>).map((i) => i.sku) };
  if (Array.isArray(o['buySkus'])) return { type: 'items', skus: [...(o['buySkus'] as string[]), ...(o['getSkus'] as string[])] };
  return null;
}

const KINDS: ReadonlyArray<[Campaign['kind'], number]> = [
  ['percent_off', 0.25],
  ['threshold_off', 0.2],
  ['gift', 0.15],
  ['member', 0.12],
  ['flash_sale', 0.1],
  ['group_buy', 0.1],
  ['new_user', 0.08],
];

function pickKind(random: Random): Campaign['kind'] {
  let roll = random.next();
  for (const [kind, share] of KINDS) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return 'percent_off';
}

/** `count` live campaigns of mixed kinds over the catalog, each with a start → conditions → offer graph. */
export function createCampaigns(random: Random, catalog: readonly CatalogItem[], count: number): Campaign[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = pickKind(random);
    const stage = ['threshold_off', 'gift', 'new_user'].includes(kind) ? 'order' : 'item';
    const conds = conditions(random, stage);
    const theOffer = offer(random, catalog, kind);
    const nodes = [{ id: 'start', type: 'start', args: {} }, ...conds, { id: 'offer', type: 'offer', args: { offer: theOffer } }];
    const edges = nodes.slice(1).map((n, k) => ({ id: `e${k}`, source: nodes[k]!.id, target: n.id }));
    const group = stage === 'order' ? random.pick(['g1', 'g2', 'g3', undefined]) : undefined;
    return CampaignSchema.parse({
      id: `camp-${i}`,
      name: `Campaign ${i}`,
      kind,
      status: 'live',
      priority: random.int(0, 200),
      schedule: kind === 'member' && random.chance(0.5)
        ? { ...WINDOW, recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '00:00', endTime: '24:00' } }
        : WINDOW,
      scope: offerSkuScope(theOffer) ?? scope(random, catalog),
      graph: { nodes, edges },
      stacking: { mode: random.chance(0.7) ? 'exclusive' : 'stackable', exclusionGroup: group, excludeDiscountedLines: random.chance(0.2) },
      limits: random.chance(0.3) ? { budget: 10_000_000, perUserTotal: 3 } : {},
      ...(random.chance(0.2) ? { minMargin: 500 } : {}),
    });
  });
}
