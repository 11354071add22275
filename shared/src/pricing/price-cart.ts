import type { Cart, UserContext } from '../cart/cart.schema.js';
import type { Coupon } from '../coupon/coupon.schema.js';
import { assignVariant as assignByHash } from '../experiment/assignment.js';
import { findCandidates, type CampaignIndex, type CandidateHit } from './candidate-index.js';
import type { PricingCounters } from './counters.schema.js';
import { runCouponStage } from './coupon-stage.js';
import { runItemStage } from './item-stage.js';
import { createLineStates, type LineState } from './line-state.js';
import { runOrderStage } from './order-stage.js';
import { runPointsStage } from './points-stage.js';
import { runRedemptionStage } from './redemption-stage.js';
import { createPricingEnv, DEFAULT_PRICING_OPTIONS, type PricingOptions, type VariantAssigner } from './pricing-env.js';
import { createQuoteReport } from './quote-report.js';
import type { QuoteLine, QuoteResult, QuoteTotals } from './quote.schema.js';

/** Everything one quote depends on: the engine reads nothing else (no clock, no config, no store). */
export interface PriceCartInput {
  cart: Cart;
  user: UserContext;
  index: CampaignIndex;
  counters: PricingCounters;
  /** The user's coupon wallet; `cart.couponIds` selects from it. */
  coupons: readonly Coupon[];
  /** Epoch milliseconds of the quote. */
  nowMs: number;
  /** A/B assignment; defaults to the stable hash assignment of `experiment/assignment.ts`. */
  assignVariant?: VariantAssigner;
  options?: Partial<PricingOptions>;
}

function toQuoteLine(state: LineState): QuoteLine {
  const { line } = state;
  return {
    lineId: line.lineId,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    subtotal: state.subtotal,
    itemDiscount: state.itemDiscount,
    itemAdjustments: state.itemAdjustments,
    orderDiscount: state.orderDiscount,
    couponDiscount: state.couponDiscount,
    pointsDiscount: state.pointsDiscount,
    allocations: state.allocations,
    final: state.amount,
    gift: state.gift,
    capped: state.capped ? 'margin_floor' : null,
  };
}

function totalsOf(lines: readonly QuoteLine[]): QuoteTotals {
  const totals: QuoteTotals = { subtotal: 0, itemDiscount: 0, orderDiscount: 0, couponDiscount: 0, pointsDiscount: 0, discount: 0, total: 0 };
  for (const line of lines) {
    totals.subtotal += line.subtotal;
    totals.itemDiscount += line.itemDiscount;
    totals.orderDiscount += line.orderDiscount;
    totals.couponDiscount += line.couponDiscount;
    totals.pointsDiscount += line.pointsDiscount;
    totals.total += line.final;
  }
  totals.discount = totals.itemDiscount + totals.orderDiscount + totals.couponDiscount + totals.pointsDiscount;
  return totals;
}

/**
 * Prices a cart (design §2 "Pricing pipeline"): candidates from the index, item stage, order
 * stage (best combination over exclusion groups), points exchanges, coupons, points, with margin-floor guards and
 * exact allocations. Pure: the same input always gives the same result and nothing is consumed.
 */
export function priceCart(input: PriceCartInput): QuoteResult {
  const env = createPricingEnv({
    cart: input.cart,
    user: input.user,
    counters: input.counters,
    coupons: input.coupons,
    nowMs: input.nowMs,
    assignVariant: input.assignVariant ?? assignByHash,
    options: { ...DEFAULT_PRICING_OPTIONS, ...input.options },
    clock: input.index.clock,
  });
  const candidates = findCandidates(input.index, input.cart);
  const itemHits: CandidateHit[] = [];
  const orderHits: CandidateHit[] = [];
  for (const hit of candidates) (hit.entry.stage === 'item' ? itemHits : orderHits).push(hit);
  const lines = createLineStates(input.cart);
  const report = createQuoteReport();
  runItemStage(itemHits, lines, env, report);
  runOrderStage(orderHits, lines, env, report);
  const redemptions = runRedemptionStage(lines, input.index, env);
  const coupons = runCouponStage(lines, env);
  const points = runPointsStage(lines, env, redemptions.points);
  const quoteLines = lines.map(toQuoteLine);
  return {
    lines: quoteLines,
    totals: totalsOf(quoteLines),
    applied: report.applied,
    notApplied: report.notApplied,
    coupons,
    points,
    upsell: report.upsell,
    redemptions: redemptions.outcomes,
  };
}
