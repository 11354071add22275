import type { Fen } from '../money/money.js';
import type { Cart, UserContext } from '../cart/cart.schema.js';
import type { Offer } from '../campaign/offer.schema.js';
import type { BaseReasonCode } from '../pricing/reason.js';

/** Everything a condition node may look at. Built by the pricing engine per campaign per cart. */
export interface ConditionContext {
  cart: Cart;
  user: UserContext;
  /** Epoch milliseconds: the engine never reads the clock. */
  nowMs: number;
  /** The campaign's IANA time zone (Asia/Shanghai by default). */
  timezone: string;
  /** The A/B variant the user is assigned to, or null (no experiment / holdout). */
  variantKey: string | null;
  /** Post-item-stage subtotal of the cart lines inside the campaign scope, in fen. */
  scopeSubtotal: Fen;
}

export interface GraphEvaluation {
  /** Offer node ids whose input is true, in graph order. */
  firedOfferNodeIds: string[];
  /** When nothing fired: the reasons of the failing conditions nearest to the offers, most specific first. */
  failedReasons: BaseReasonCode[];
}

/** A graph compiled once (at publish / load) into a fast evaluator. */
export interface CompiledGraph {
  offers: ReadonlyArray<{ nodeId: string; offer: Offer }>;
  evaluate(ctx: ConditionContext): GraphEvaluation;
}
