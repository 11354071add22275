import { applyBasisPoints, type Campaign, type Offer } from '@promo/shared';
import type { CatalogItem } from '../api/api.schema.js';
import { campaignCovers, offersOf, windowsOverlap } from './campaign-reach.js';

export interface OverlapEntry {
  sku: string;
  price: number;
  /** The focus campaign first, then the others hitting the SKU in an overlapping window. */
  campaignIds: string[];
  /** How they combine: exclusive ones compete, stackable ones add up. */
  stacking: { campaignId: string; mode: 'exclusive' | 'stackable'; exclusionGroup: string | null }[];
  /** Deepest unit discount if everything that can combine does (fen). */
  deepestDiscount: number;
  /** cost × (1 + the largest min margin), or the cost when no campaign sets a margin; null without a cost. */
  floor: number | null;
  belowFloor: boolean;
}

const ITEM_KINDS = new Set(['percent_off', 'flash_sale', 'group_buy', 'member']);

/**
 * The most of an order-level fixed discount one unit can carry: all of it when the unit alone
 * reaches `minSpend`, else its proportional share of an order of exactly `minSpend`.
 */
function shareOfFixed(off: number, minSpend: number, price: number): number {
  return price >= minSpend || minSpend === 0 ? off : Math.floor((off * price) / minSpend);
}

/** Largest unit discount one offer could give on an item of `price` (order-level ones as their best rate). */
export function maxUnitDiscount(offer: Offer, sku: string, price: number): number {
  const cap = (n: number) => Math.max(0, Math.min(price, n));
  switch (offer.kind) {
    case 'percent_off':
      return cap(Math.min(price - applyBasisPoints(price, offer.payRate), offer.maxDiscount ?? Number.MAX_SAFE_INTEGER));
    case 'flash_sale': {
      const item = offer.items.find((i) => i.sku === sku);
      return item ? cap(price - item.price) : 0;
    }
    case 'group_buy': {
      const item = offer.items.find((i) => i.sku === sku);
      return item ? cap(price - item.groupPrice + (offer.leaderDiscount ?? 0)) : 0;
    }
    case 'member':
      if (offer.benefit.type === 'percent') return cap(price - applyBasisPoints(price, offer.benefit.payRate));
      return cap(price - (offer.benefit.items.find((i) => i.sku === sku)?.price ?? price));
    case 'threshold_off':
      if (offer.mode === 'tiers') return cap(Math.max(0, ...offer.tiers.map((t) => shareOfFixed(t.off, t.minSpend, price))));
      // Repeating: with enough units every `every` of spend takes `off`, up to the cap.
      return cap(Math.min(applyBasisPoints(price, Math.min(10_000, Math.floor((offer.off * 10_000) / offer.every))), offer.cap ?? Number.MAX_SAFE_INTEGER));
    case 'new_user':
      if (offer.firstOrder.type === 'percent') return cap(Math.min(price - applyBasisPoints(price, offer.firstOrder.payRate), offer.firstOrder.maxDiscount ?? Number.MAX_SAFE_INTEGER));
      return cap(shareOfFixed(offer.firstOrder.off, offer.firstOrder.minSpend, price));
    case 'gift':
      return 0;
  }
}

function bestOf(campaign: Campaign, sku: string, price: number): number {
  return Math.max(0, ...offersOf(campaign).map((o) => maxUnitDiscount(o, sku, price)));
}

/** Item stage: the best exclusive plus every stackable; order stage: best per exclusion group, on what is left. */
export function deepestDiscount(campaigns: readonly Campaign[], sku: string, price: number): number {
  const item = campaigns.filter((c) => ITEM_KINDS.has(c.kind));
  const order = campaigns.filter((c) => !ITEM_KINDS.has(c.kind));
  const itemDiscount = Math.min(
    price,
    Math.max(0, ...item.filter((c) => c.stacking.mode === 'exclusive').map((c) => bestOf(c, sku, price))) +
      item.filter((c) => c.stacking.mode === 'stackable').reduce((a, c) => a + bestOf(c, sku, price), 0),
  );
  const rest = price - itemDiscount;
  const groups = new Map<string, number>();
  for (const c of order) {
    const key = c.stacking.exclusionGroup ?? `solo:${c.id}`;
    groups.set(key, Math.max(groups.get(key) ?? 0, bestOf(c, sku, rest)));
  }
  const orderDiscount = Math.min(rest, [...groups.values()].reduce((a, b) => a + b, 0));
  return itemDiscount + orderDiscount;
}

/**
 * SKUs the focus campaign shares with other live / scheduled campaigns in an overlapping window,
 * with the deepest combined discount against the price floor (warnings before publish).
 */
export function checkOverlaps(focus: Campaign, others: readonly Campaign[], items: readonly CatalogItem[], categoryPathOf: (categoryId: string) => string[]): OverlapEntry[] {
  const rivals = others.filter((c) => c.id !== focus.id && ['live', 'scheduled'].includes(c.status) && windowsOverlap(c, focus));
  const entries: OverlapEntry[] = [];
  for (const item of items) {
    const path = categoryPathOf(item.categoryId);
    if (!campaignCovers(focus, item.sku, path)) continue;
    const hitting = rivals.filter((c) => campaignCovers(c, item.sku, path));
    if (hitting.length === 0) continue;
    const all = [focus, ...hitting];
    const deepest = deepestDiscount(all, item.sku, item.price);
    const margins = all.flatMap((c) => (c.minMargin !== undefined ? [c.minMargin] : []));
    const floor = item.cost == null ? null : margins.length > 0 ? item.cost + applyBasisPoints(item.cost, Math.max(...margins)) : item.cost;
    entries.push({
      sku: item.sku,
      price: item.price,
      campaignIds: all.map((c) => c.id),
      stacking: all.map((c) => ({ campaignId: c.id, mode: c.stacking.mode, exclusionGroup: c.stacking.exclusionGroup ?? null })),
      deepestDiscount: deepest,
      floor,
      belowFloor: floor !== null && item.price - deepest < floor,
    });
  }
  return entries.sort((a, b) => Number(b.belowFloor) - Number(a.belowFloor) || b.deepestDiscount - a.deepestDiscount);
}
