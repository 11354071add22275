import type { CampaignIndex, Cart, IndexedCampaign, PricingCounters } from '@promo/shared';
import { limitKeys } from '../limits/limit-keys.js';
import type { LimitsStore } from '../limits/limits-store.js';
import { campaignDay, giftSkusOf, perUserTotalOf, quoteKeysOf } from './campaign-limits.js';
import type { InventoryReader } from './inventory-reader.js';

/** Campaigns of the index that could target some line of the cart (by SKU, category or storewide). */
function candidatesOf(index: CampaignIndex, cart: Cart): Set<IndexedCampaign> {
  const found = new Set<IndexedCampaign>(index.storewide);
  for (const line of cart.lines) {
    for (const entry of index.bySku.get(line.sku) ?? []) found.add(entry);
    for (const categoryId of line.categoryIds) for (const entry of index.byCategory.get(categoryId) ?? []) found.add(entry);
  }
  return found;
}

/**
 * The counters a cart's candidate campaigns need, read in one round trip: budget and usage left,
 * the user's uses overall and today, units of each cart SKU the user bought under campaigns with a
 * per-SKU per-user limit, and gift stock left (catalog inventory minus gifts given).
 */
export async function readCounters(
  input: {
    index: CampaignIndex;
    cart: Cart;
    userId: string;
    nowMs: number;
    themeBudgets: ReadonlyMap<string, number>;
    /** SKUs given at 0 outside gift campaigns (points redemptions): their stock is read too. */
    extraGiftSkus?: readonly string[];
  },
  limits: LimitsStore,
  inventory: InventoryReader,
): Promise<PricingCounters> {
  const candidates = candidatesOf(input.index, input.cart);
  const keys: string[] = [];
  const giftSkus = new Set<string>(input.extraGiftSkus);
  const cartSkus = [...new Set(input.cart.lines.map((l) => l.sku))];
  const themeOf = (themeId: string | undefined) => (themeId !== undefined && input.themeBudgets.has(themeId) ? themeId : null);
  for (const entry of candidates) {
    keys.push(...quoteKeysOf(entry.campaign, input.userId, input.nowMs));
    if (entry.campaign.limits.perSkuPerUser !== undefined) for (const sku of cartSkus) keys.push(limitKeys.skuUser(entry.id, sku, input.userId));
    const themeId = themeOf(entry.campaign.themeId);
    if (themeId) keys.push(limitKeys.themeBudget(themeId));
    for (const sku of giftSkusOf(entry)) giftSkus.add(sku);
  }
  for (const sku of giftSkus) keys.push(limitKeys.giftStock(sku));
  const counters: PricingCounters = { campaigns: {}, giftStock: {}, flashStock: {}, flashReservations: {}, groups: {} };
  if (keys.length === 0) return counters;
  const [used, giftFacts] = await Promise.all([limits.read(keys), giftSkus.size > 0 ? inventory.get([...giftSkus]) : new Map<string, number>()]);
  const usedOf = (key: string) => used.get(key) ?? 0;
  for (const { campaign } of candidates) {
    const { limits: l, id } = campaign;
    const perUserTotal = perUserTotalOf(campaign);
    const themeId = themeOf(campaign.themeId);
    // A campaign can spend what is left of its own budget and of its theme's, whichever is less.
    const lefts = [
      ...(l.budget !== undefined ? [l.budget - usedOf(limitKeys.budget(id))] : []),
      ...(themeId ? [input.themeBudgets.get(themeId)! - usedOf(limitKeys.themeBudget(themeId))] : []),
    ];
    counters.campaigns[id] = {
      ...(lefts.length > 0 ? { budgetLeft: Math.max(0, Math.min(...lefts)) } : {}),
      ...(l.usageCap !== undefined ? { usageLeft: Math.max(0, l.usageCap - usedOf(limitKeys.usage(id))) } : {}),
      userTotal: perUserTotal !== undefined ? usedOf(limitKeys.userTotal(id, input.userId)) : 0,
      userToday: l.perUserDaily !== undefined ? usedOf(limitKeys.userDay(id, input.userId, campaignDay(campaign, input.nowMs))) : 0,
      skuUser: l.perSkuPerUser !== undefined ? Object.fromEntries(cartSkus.map((sku) => [sku, usedOf(limitKeys.skuUser(id, sku, input.userId))])) : {},
    };
  }
  for (const sku of giftSkus) {
    const onHand = giftFacts.get(sku);
    if (onHand !== undefined) counters.giftStock[sku] = Math.max(0, onHand - usedOf(limitKeys.giftStock(sku)));
  }
  return counters;
}
