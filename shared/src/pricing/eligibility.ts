import type { Offer } from '../campaign/offer.schema.js';
import type { CandidateHit, IndexedCampaign } from './candidate-index.js';
import type { LineState } from './line-state.js';
import type { PricingEnv } from './pricing-env.js';
import type { ReasonCode } from './reason.js';

/** A campaign that passed window, A/B and limit checks, with the offers of the user's variant. */
export interface CampaignGate {
  readonly variantKey: string | null;
  readonly offers: ReadonlyMap<string, Offer>;
  /** Discount money left (Infinity without a budget). */
  readonly budgetLeft: number;
}

/**
 * Window, recurrence, holdout, usage cap, budget and per-user limits: the checks before any maths.
 * A failure is the bare reason code (a string): most candidates fail here, so no object is made.
 */
export function gateCampaign(entry: IndexedCampaign, env: PricingEnv): CampaignGate | ReasonCode {
  if (!entry.schedule.isActive(env.nowMs)) return 'outside_window';
  let variantKey: string | null = null;
  if (entry.experiment !== null) {
    const assignment = env.assignVariant(entry.experiment.id, env.user.userId, entry.experiment);
    if (assignment.inHoldout) return 'in_holdout';
    variantKey = assignment.variantKey;
  }
  const counters = env.campaignCounters.get(entry.id);
  const { limits } = entry;
  const usageLeft = counters?.usageLeft ?? limits.usageCap;
  if (usageLeft <= 0) return 'usage_cap_reached';
  const budgetLeft = counters?.budgetLeft ?? limits.budget;
  if (budgetLeft <= 0) return 'budget_exhausted';
  if (counters !== undefined && (counters.userTotal >= limits.perUserTotal || counters.userToday >= limits.perUserDaily)) {
    return 'user_limit_reached';
  }
  return { variantKey, offers: entry.offersFor(variantKey), budgetLeft };
}

/**
 * Indexes of the lines the campaign may touch: the lines the index found for it, re-checked against
 * the full scope (exclusions, offer SKUs) only when the index keys alone cannot tell.
 */
export function linesInScope(hit: CandidateHit, lines: readonly LineState[]): readonly number[] {
  const { entry, lineIndexes } = hit;
  if (entry.hitsAreExact) return lineIndexes;
  return lineIndexes.filter((i) => {
    const { line } = lines[i]!;
    return (entry.offerSkus === null || entry.offerSkus.has(line.sku)) && entry.scope.matches(line);
  });
}

/** Runs the campaign's graph: the offers that fired (with the user's variant args), or the reason none did. */
export function firedOffers(
  entry: IndexedCampaign,
  gate: CampaignGate,
  env: PricingEnv,
  scopeSubtotal: number,
): Array<{ nodeId: string; offer: Offer }> | ReasonCode {
  const ctx = env.conditionContext;
  ctx.timezone = entry.timezone;
  ctx.variantKey = gate.variantKey;
  ctx.scopeSubtotal = scopeSubtotal;
  const evaluation = entry.graph.evaluate(ctx);
  const ids = evaluation.firedOfferNodeIds;
  if (ids.length === 0) return evaluation.reason ?? 'condition_not_met';
  const fired: Array<{ nodeId: string; offer: Offer }> = [];
  for (const nodeId of ids) {
    const offer = gate.offers.get(nodeId);
    if (offer) fired.push({ nodeId, offer });
  }
  return fired.length > 0 ? fired : 'condition_not_met';
}
