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
  /**
   * When nothing fired: the reasons of the failing conditions nearest to the offers, most specific
   * first. Computed on first read (a full walk back from the offers): the pricing hot path reads
   * {@link GraphEvaluation.reason} instead.
   */
  readonly failedReasons: readonly BaseReasonCode[];
  /**
   * When nothing fired: why, found during the evaluation itself at no extra cost: the condition
   * whose failed check made an offer false (the first offer, following its first false input
   * back; a later offer when a NOT decided the first), else `condition_not_met`. Always one of
   * `failedReasons`. Null when an offer fired.
   */
  readonly reason: BaseReasonCode | null;
}

/** A graph compiled once (at publish / load) into a fast evaluator. */
export interface CompiledGraph {
  offers: ReadonlyArray<{ nodeId: string; offer: Offer }>;
  evaluate(ctx: ConditionContext): GraphEvaluation;
}
