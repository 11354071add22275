import type { Experiment } from '../campaign/campaign.schema.js';
import type { Cart, UserContext } from '../cart/cart.schema.js';
import type { Coupon } from '../coupon/coupon.schema.js';
import type { ConditionContext } from '../rule-graph/evaluator.types.js';
import type { CampaignCounters, PricingCounters } from './counters.schema.js';
import type { ZoneClock } from './zone-clock.js';

/** Which arm of an experiment a user is in (the signature of `assignVariant` in `experiment/`). */
export type VariantAssigner = (
  experimentId: string,
  userId: string,
  experiment: Experiment,
) => { variantKey: string | null; inHoldout: boolean };

/** Tunables with product defaults; every one is an argument so the engine reads no config. */
export interface PricingOptions {
  /** Points worth ¥1 (100 fen). Default 100: 100 points = ¥1. */
  pointsPerYuan: number;
  /** Largest share of the order points may pay, in bp. Default 5,000 (50%). */
  pointsMaxShareBp: number;
  /** Exact search over order-stage combinations up to this many candidates, greedy above. Default 12. */
  exactSearchLimit: number;
  /** A 凑单 hint is shown when the shortfall is at most this share of the next threshold, in bp. Default 5,000. */
  upsellReachBp: number;
}

export const DEFAULT_PRICING_OPTIONS: Readonly<PricingOptions> = {
  pointsPerYuan: 100,
  pointsMaxShareBp: 5_000,
  exactSearchLimit: 12,
  upsellReachBp: 5_000,
};

/** The read-only facts of one quote, shared by every stage. */
export interface PricingEnv {
  readonly cart: Cart;
  readonly user: UserContext;
  readonly counters: PricingCounters;
  readonly coupons: readonly Coupon[];
  readonly nowMs: number;
  readonly assignVariant: VariantAssigner;
  readonly options: Readonly<PricingOptions>;
  readonly clock: ZoneClock;
  /** `counters.campaigns` as a map, built once per quote (record reads with many keys are slow). */
  readonly campaignCounters: ReadonlyMap<string, CampaignCounters>;
  /** Minutes after local midnight in `zone` at `nowMs` (memoised per quote). */
  localMinutes(zone: string): number;
  /**
   * One condition context per quote, re-pointed for each campaign before its graph runs: graph
   * evaluation is synchronous and keeps no reference, and a quote evaluates hundreds of graphs.
   */
  readonly conditionContext: ConditionContext;
}

/** Builds the env for one quote. */
export function createPricingEnv(input: Omit<PricingEnv, 'localMinutes' | 'conditionContext' | 'campaignCounters'>): PricingEnv {
  return {
    ...input,
    campaignCounters: new Map(Object.entries(input.counters.campaigns)),
    conditionContext: { cart: input.cart, user: input.user, nowMs: input.nowMs, timezone: '', variantKey: null, scopeSubtotal: 0 },
    localMinutes: (zone) => input.clock.minutesOfDay(zone, input.nowMs),
  };
}
