import type { Offer } from '../campaign/offer.schema.js';
import type { CandidateHit, IndexedCampaign } from './candidate-index.js';
import { firedOffers, gateCampaign, linesInScope, type CampaignGate } from './eligibility.js';
import { guardedDiscount, marginFloor } from './guards.js';
import type { LineState } from './line-state.js';
import { itemLineOutcome, itemOfferCap } from './offers/item-offer.js';
import type { PricingEnv } from './pricing-env.js';
import { reportNotApplied, type QuoteReport } from './quote-report.js';
import type { ReasonCode } from './reason.js';

interface ItemCandidate {
  readonly entry: IndexedCampaign;
  readonly gate: CampaignGate;
  readonly nodeId: string;
  readonly offer: Offer;
  /** Discount on each line at list price: who may compete for the line, and the budget check. */
  readonly proposals: ReadonlyMap<number, number>;
  capLeft: number;
  given: number;
  capped: boolean;
}

interface Proposal {
  readonly proposals: Map<number, number>;
  readonly total: number;
  readonly reason: ReasonCode | null;
}

/** The offer's discounts on the scope lines at their current amounts, the cap applied in line order. */
function propose(entry: IndexedCampaign, offer: Offer, scope: readonly number[], lines: readonly LineState[], env: PricingEnv): Proposal {
  const proposals = new Map<number, number>();
  let capLeft = itemOfferCap(offer);
  let total = 0;
  let reason: ReasonCode | null = null;
  for (const i of scope) {
    const state = lines[i]!;
    const outcome = itemLineOutcome(entry, offer, state, state.amount, env);
    if ('reason' in outcome) {
      reason ??= outcome.reason;
      continue;
    }
    const discount = Math.min(outcome.discount, capLeft);
    if (discount <= 0) continue;
    proposals.set(i, discount);
    capLeft -= discount;
    total += discount;
  }
  return { proposals, total, reason };
}

function toCandidate(hit: CandidateHit, lines: readonly LineState[], env: PricingEnv): ItemCandidate | { reason: ReasonCode } {
  const { entry } = hit;
  const gate = gateCampaign(entry, env);
  if ('reason' in gate) return gate;
  const scope = linesInScope(hit, lines);
  if (scope.length === 0) return { reason: 'not_in_scope' };
  let scopeSubtotal = 0;
  for (const i of scope) scopeSubtotal += lines[i]!.amount;
  const fired = firedOffers(entry, gate, env, scopeSubtotal);
  if ('reason' in fired) return fired;
  let best: Proposal | null = null;
  let bestFired: (typeof fired)[number] | null = null;
  let reason: ReasonCode | null = null;
  for (const candidate of fired) {
    const proposal = propose(entry, candidate.offer, scope, lines, env);
    reason ??= proposal.reason;
    if (proposal.total > (best?.total ?? 0)) {
      best = proposal;
      bestFired = candidate;
    }
  }
  if (!best || !bestFired) return { reason: reason ?? 'condition_not_met' };
  if (best.total > gate.budgetLeft) return { reason: 'budget_exhausted' };
  const { nodeId, offer } = bestFired;
  return { entry, gate, nodeId, offer, proposals: best.proposals, capLeft: itemOfferCap(offer), given: 0, capped: false };
}

/** The candidate's discount on a line at its current amount, within its cap and the line's floors. */
function discountNow(candidate: ItemCandidate, state: LineState, env: PricingEnv) {
  const outcome = itemLineOutcome(candidate.entry, candidate.offer, state, state.amount, env);
  const wanted = 'reason' in outcome ? 0 : Math.min(outcome.discount, candidate.capLeft);
  const floor = Math.max(state.floor, marginFloor(state.line, candidate.entry.campaign.minMargin));
  return { ...guardedDiscount(state.amount, floor, wanted), floor };
}

function give(candidate: ItemCandidate, state: LineState, env: PricingEnv): void {
  const { amount, capped, floor } = discountNow(candidate, state, env);
  if (amount <= 0 && !capped) return;
  state.amount -= amount;
  state.itemDiscount += amount;
  state.floor = floor;
  state.capped ||= capped;
  if (amount > 0) state.itemAdjustments.push({ campaignId: candidate.entry.campaign.id, amount });
  candidate.capLeft -= amount;
  candidate.given += amount;
  candidate.capped ||= capped;
}

/**
 * Item stage (design §2 step 2): per line, the one exclusive promotion giving the lowest price
 * (ties: rank = priority, then id), then the stackable ones in rank order on the reduced price.
 */
export function runItemStage(hits: readonly CandidateHit[], lines: LineState[], env: PricingEnv, report: QuoteReport): void {
  const candidates: ItemCandidate[] = [];
  for (const hit of hits) {
    const candidate = toCandidate(hit, lines, env);
    if ('reason' in candidate) reportNotApplied(report, hit.entry, candidate.reason);
    else candidates.push(candidate);
  }
  for (let i = 0; i < lines.length; i++) {
    const state = lines[i]!;
    let winner: ItemCandidate | null = null;
    let winnerAmount = 0;
    for (const candidate of candidates) {
      if (candidate.entry.campaign.stacking.mode !== 'exclusive' || !candidate.proposals.has(i)) continue;
      const { amount } = discountNow(candidate, state, env);
      if (amount > winnerAmount) {
        winner = candidate;
        winnerAmount = amount;
      }
    }
    if (winner) give(winner, state, env);
    for (const candidate of candidates) {
      if (candidate.entry.campaign.stacking.mode === 'stackable' && candidate.proposals.has(i)) give(candidate, state, env);
    }
  }
  for (const candidate of candidates) {
    const { campaign } = candidate.entry;
    if (candidate.given <= 0) {
      reportNotApplied(report, candidate.entry, 'not_best_offer');
      continue;
    }
    report.applied.push({
      campaignId: campaign.id,
      kind: campaign.kind,
      stage: 'item',
      amount: candidate.given,
      offerNodeId: candidate.nodeId,
      variant: candidate.gate.variantKey,
      capped: candidate.capped ? 'margin_floor' : null,
    });
  }
}
