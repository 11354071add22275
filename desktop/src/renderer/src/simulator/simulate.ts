import { createCampaignIndex, priceCart, type Campaign, type Cart, type CartLine, type PricingCounters, type QuoteResult, type UserContext } from '@promo/shared';
import type { CatalogItem } from '../api/api.schema.js';
import { offersOf } from './campaign-reach.js';

export interface SimLine {
  sku: string;
  quantity: number;
}

/** Cart lines from catalog facts; SKUs missing from the cache are skipped (and reported). */
export function buildCart(lines: readonly SimLine[], items: ReadonlyMap<string, CatalogItem>, categoryPathOf: (categoryId: string) => string[]): { cart: Cart | null; missing: string[] } {
  const missing: string[] = [];
  const cartLines: CartLine[] = [];
  lines.forEach((line, i) => {
    const item = items.get(line.sku);
    if (!item) {
      missing.push(line.sku);
      return;
    }
    cartLines.push({
      lineId: `l${i + 1}`,
      sku: item.sku,
      quantity: line.quantity,
      unitPrice: item.price,
      categoryIds: categoryPathOf(item.categoryId).slice(0, 10),
      ...(item.cost != null ? { unitCost: item.cost } : {}),
    });
  });
  return { cart: cartLines.length > 0 ? { lines: cartLines, couponIds: [], pointsToRedeem: 0 } : null, missing };
}

/** The campaigns a simulation prices with: every live or scheduled one, plus the draft as if live. */
export function simulationCampaigns(all: readonly Campaign[], draftId: string | null): Campaign[] {
  const others = all.filter((c) => c.id !== draftId && (c.status === 'live' || c.status === 'scheduled'));
  const draft = draftId ? all.find((c) => c.id === draftId) : undefined;
  return draft ? [...others, { ...draft, status: 'live' }] : others;
}

/**
 * Flash and group prices need a reservation / group id that only the server hands out. The
 * simulator can pretend the shopper holds them, so planners see those prices too.
 */
export function assumeReservations(cart: Cart, campaigns: readonly Campaign[]): { cart: Cart; counters: Pick<PricingCounters, 'flashReservations' | 'groups'> } {
  const flashReservations: PricingCounters['flashReservations'] = {};
  const groups: PricingCounters['groups'] = {};
  const lines = cart.lines.map((line) => {
    let next = line;
    for (const campaign of campaigns) {
      for (const offer of offersOf(campaign)) {
        if (offer.kind === 'flash_sale' && !next.reservationToken) {
          const item = offer.items.find((i) => i.sku === line.sku);
          if (item) {
            const token = `sim-${campaign.id}-${line.lineId}`;
            flashReservations[token] = { campaignId: campaign.id, sku: line.sku, quantity: line.quantity, price: item.price };
            next = { ...next, reservationToken: token };
          }
        }
        if (offer.kind === 'group_buy' && !next.groupId && offer.items.some((i) => i.sku === line.sku)) {
          const groupId = `sim-group-${campaign.id}`;
          groups[groupId] = campaign.id;
          next = { ...next, groupId };
        }
      }
    }
    return next;
  });
  return { cart: { ...cart, lines }, counters: { flashReservations, groups } };
}

export interface SimulationInput {
  campaigns: readonly Campaign[];
  cart: Cart;
  user: UserContext;
  nowMs: number;
  withReservations: boolean;
}

/** Prices the cart locally with the shared engine, exactly as the server would (no counters used). */
export function simulate(input: SimulationInput): { result: QuoteResult; rejected: ReadonlyArray<{ campaignId: string; message: string }> } {
  const index = createCampaignIndex(input.campaigns);
  const prepared = input.withReservations ? assumeReservations(input.cart, input.campaigns) : { cart: input.cart, counters: { flashReservations: {}, groups: {} } };
  const counters: PricingCounters = { campaigns: {}, giftStock: {}, flashStock: {}, ...prepared.counters };
  const result = priceCart({ cart: prepared.cart, user: input.user, index, counters, coupons: [], nowMs: input.nowMs });
  return { result, rejected: index.rejected };
}
