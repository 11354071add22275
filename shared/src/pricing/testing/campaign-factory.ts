import { CampaignSchema, type Campaign, type CampaignInput } from '../../campaign/campaign.schema.js';
import type { z } from 'zod';
import { OfferSchema } from '../../campaign/offer.schema.js';
import { CartSchema, UserContextSchema, type Cart, type CartLine, type UserContext } from '../../cart/cart.schema.js';
import { CouponSchema, type Coupon, type CouponInput } from '../../coupon/coupon.schema.js';
import type { GraphEdge, GraphNode } from '../../rule-graph/graph.schema.js';
import { PricingCountersSchema, type PricingCounters } from '../counters.schema.js';

/** An offer as written (defaults optional). */
export type OfferInput = z.input<typeof OfferSchema>;
import { createCampaignIndex } from '../candidate-index.js';
import { priceCart, type PriceCartInput } from '../price-cart.js';
import type { QuoteResult } from '../quote.schema.js';

/** 2026-06-18 12:00 in Asia/Shanghai (a Thursday): the instant every example is priced at. */
export const NOW_MS = 1_781_755_200_000;

/** A condition node to put between `start` and the offers. */
export interface ConditionSpec {
  type: string;
  args?: Record<string, unknown>;
}

/** What an example campaign needs; everything else gets product defaults. */
export type CampaignSpec = Omit<Partial<CampaignInput>, 'graph' | 'kind'> & {
  id: string;
  /** One offer, or several (each its own offer node `offer`, `offer2`, ...). */
  offer: OfferInput | OfferInput[];
  /** Conditions in series: start → c1 → c2 → … → every offer. */
  conditions?: ConditionSpec[];
};

/** Builds a valid live campaign running all of 2026 (Asia/Shanghai) from a short spec. */
export function makeCampaign(spec: CampaignSpec): Campaign {
  const { offer, conditions = [], ...rest } = spec;
  const offers = (Array.isArray(offer) ? offer : [offer]).map((o) => OfferSchema.parse(o));
  const first = offers[0]!;
  const nodes: GraphNode[] = [{ id: 'start', type: 'start', args: {} }];
  const edges: GraphEdge[] = [];
  let previous = 'start';
  conditions.forEach((condition, i) => {
    const id = `c${i + 1}`;
    nodes.push({ id, type: condition.type, args: condition.args ?? {} });
    edges.push({ id: `${previous}->${id}`, source: previous, target: id });
    previous = id;
  });
  offers.forEach((o, i) => {
    const id = i === 0 ? 'offer' : `offer${i + 1}`;
    nodes.push({ id, type: 'offer', args: { offer: o } });
    edges.push({ id: `${previous}->${id}`, source: previous, target: id });
  });
  return CampaignSchema.parse({
    name: spec.id,
    status: 'live',
    schedule: { start: '2026-01-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00' },
    scope: { type: 'storewide' },
    ...rest,
    kind: first.kind,
    graph: { nodes, edges },
  });
}

/** A cart line with a default category `food`. */
export function line(sku: string, unitPrice: number, quantity = 1, extra: Partial<CartLine> = {}): CartLine {
  return { lineId: `L-${sku}`, sku, quantity, unitPrice, categoryIds: ['food'], ...extra };
}

export function cartOf(lines: CartLine[], extra: Partial<Cart> = {}): Cart {
  return CartSchema.parse({ lines, ...extra });
}

export function userOf(extra: Partial<UserContext> = {}): UserContext {
  return UserContextSchema.parse({ userId: 'u1', region: { province: '31', city: '3101' }, ...extra });
}

export function countersOf(extra: z.input<typeof PricingCountersSchema> = {}): PricingCounters {
  return PricingCountersSchema.parse(extra);
}

export function couponOf(input: Omit<CouponInput, 'templateId' | 'validFrom' | 'validTo'> & Partial<CouponInput>): Coupon {
  return CouponSchema.parse({ templateId: 'tpl', validFrom: '2026-01-01T00:00:00+08:00', validTo: '2027-01-01T00:00:00+08:00', ...input });
}

/** Prices `cart` against `campaigns` with empty counters unless given. */
export function quote(
  campaigns: Campaign[],
  cart: Cart,
  extra: Partial<Omit<PriceCartInput, 'index' | 'cart'>> = {},
): QuoteResult {
  return priceCart({
    cart,
    user: userOf(),
    counters: countersOf(),
    coupons: [],
    nowMs: NOW_MS,
    index: createCampaignIndex(campaigns),
    ...extra,
  });
}

/** The reason a campaign did not apply, or undefined when it applied. */
export function reasonOf(result: QuoteResult, campaignId: string): string | undefined {
  return result.notApplied.find((n) => n.campaignId === campaignId)?.reason;
}

/** What a campaign took off, or 0 when it did not apply. */
export function appliedAmount(result: QuoteResult, campaignId: string): number {
  return result.applied.find((a) => a.campaignId === campaignId)?.amount ?? 0;
}
