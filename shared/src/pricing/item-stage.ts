import type { Offer } from '../campaign/offer.schema.js';
import type { CandidateHit, IndexedCampaign } from './candidate-index.js';
import { firedOffers, gateCampaign, linesInScope, type CampaignGate } from './eligibility.js';
import { guardedDiscount, marginFloor } from './guards.js';
import type { LineState } from './line-state.js';
import { itemLineOutcome, itemOfferCap } from './offers/item-offer.js';
import type { PricingEnv } from './pricing-env.js';
import { reportNotApplied, type QuoteReport } from './quote-report.js';
import { excludedBy, type ReasonCode } from './reason.js';

interface ItemCandidate {
  readonly entry: IndexedCampaign;
  readonly gate: CampaignGate;
  readonly nodeId: string;
  readonly offer: Offer;
  /** Discount on each line at list price: who may compete for the line, and the budget check. */
  readonly proposals: ReadonlyMap<number, number>;
  /** Units each proposed line discounts (what per-SKU per-user limits count). */
  readonly units: ReadonlyMap<number, number>;
  capLeft: number;
  given: number;
  capped: boolean;
  /** The exclusive campaign that took a line this one wanted, for `excluded_by`. */
  beatenBy: string | null;
}

interface Proposal {
  readonly proposals: Map<number, number>;
  readonly units: Map<number, number>;
  readonly total: number;
  readonly reason: ReasonCode | null;
}

/** The offer's discounts on the scope lines at their current amounts, the cap applied in line order. */
function propose(entry: IndexedCampaign, offer: Offer, scope: readonly number[], lines: readonly LineState[], env: PricingEnv): Proposal {
  const proposals = new Map<number, number>();
  const units = new Map<number, number>();
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
    units.set(i, outcome.units);
    capLeft -= discount;
    total += discount;
  }
  return { proposals, units, total, reason };
}

function toCandidate(hit: CandidateHit, lines: readonly LineState[], env: PricingEnv): ItemCandidate | ReasonCode | null {
  const { entry } = hit;
  const scope = linesInScope(hit, lines);
  if (scope.length === 0) return null;
  const gate = gateCampaign(entry, env);
  if (typeof gate === 'string') return gate;
  let scopeSubtotal = 0;
  for (const i of scope) scopeSubtotal += lines[i]!.amount;
  const fired = firedOffers(entry, gate, env, scopeSubtotal);
  if (typeof fired === 'string') return fired;
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
  if (!best || !bestFired) return reason ?? 'condition_not_met';
  if (best.total > gate.budgetLeft) return 'budget_exhausted';
  const { nodeId, offer } = bestFired;
  return { entry, gate, nodeId, offer, proposals: best.proposals, units: best.units, capLeft: itemOfferCap(offer), given: 0, capped: false, beatenBy: null };
}

/** The floor a line keeps under this candidate: the line's own, or the campaign's margin floor. */
function floorUnder(candidate: ItemCandidate, state: LineState): number {
  return Math.max(state.floor, marginFloor(state.line, candidate.entry.minMargin));
}

/** What the candidate would take off the line right now, at most `wanted`, within cap and floor. */
function guarded(candidate: ItemCandidate, state: LineState, wanted: number): number {
  return guardedDiscount(state.amount, floorUnder(candidate, state), Math.min(wanted, candidate.capLeft)).amount;
}

function give(candidate: ItemCandidate, state: LineState, wanted: number, units: number): void {
  const floor = floorUnder(candidate, state);
  const { amount, capped } = guardedDiscount(state.amount, floor, Math.min(wanted, candidate.capLeft));
  if (amount <= 0 && !capped) return;
  state.amount -= amount;
  state.itemDiscount += amount;
  state.floor = floor;
  state.capped ||= capped;
  if (amount > 0) state.itemAdjustments.push({ campaignId: candidate.entry.id, amount, units });
  candidate.capLeft -= amount;
  candidate.given += amount;
  candidate.capped ||= capped;
}

/** A stackable candidate's discount (and its units) re-computed on the line's reduced amount. */
function giveStacked(candidate: ItemCandidate, state: LineState, env: PricingEnv): void {
  const outcome = itemLineOutcome(candidate.entry, candidate.offer, state, state.amount, env);
  if (!('reason' in outcome)) give(candidate, state, outcome.discount, outcome.units);
}

/**
 * Item stage (design §2 step 2): per line, the one exclusive promotion giving the lowest price
 * (ties: rank = priority, then id), then the stackable ones in rank order on the reduced price.
 */
export function runItemStage(hits: readonly CandidateHit[], lines: LineState[], env: PricingEnv, report: QuoteReport): void {
  const candidates: ItemCandidate[] = [];
  for (const hit of hits) {
    const candidate = toCandidate(hit, lines, env);
    // null: the scope's exclusions (or the offer's SKUs) leave no line, so it never targeted the cart.
    if (typeof candidate === 'string') reportNotApplied(report, hit.entry, candidate);
    else if (candidate !== null) candidates.push(candidate);
  }
  // Candidates per line, in rank order; nothing has touched a line before its exclusive pick, so
  // the proposal made at list price is exactly what the candidate would take there.
  const byLine: ItemCandidate[][] = lines.map(() => []);
  for (const candidate of candidates) for (const i of candidate.proposals.keys()) byLine[i]!.push(candidate);
  for (let i = 0; i < lines.length; i++) {
    const state = lines[i]!;
    const competing = byLine[i]!;
    if (competing.length === 0) continue;
    let winner: ItemCandidate | null = null;
    let winnerAmount = 0;
    for (const candidate of competing) {
      if (!candidate.entry.exclusive) continue;
      const amount = guarded(candidate, state, candidate.proposals.get(i)!);
      if (amount > winnerAmount) {
        winner = candidate;
        winnerAmount = amount;
      }
    }
    if (winner) {
      give(winner, state, winner.proposals.get(i)!, winner.units.get(i)!);
      for (const candidate of competing) {
        if (candidate !== winner && candidate.entry.exclusive) candidate.beatenBy ??= winner.entry.id;
      }
    }
    for (const candidate of competing) {
      if (!candidate.entry.exclusive) giveStacked(candidate, state, env);
    }
  }
  for (const candidate of candidates) {
    const { entry } = candidate;
    if (candidate.given <= 0) {
      reportNotApplied(report, candidate.entry, candidate.beatenBy === null ? 'not_best_offer' : excludedBy(candidate.beatenBy));
      continue;
    }
    report.applied.push({
      campaignId: entry.id,
      kind: entry.kind,
      stage: 'item',
      amount: candidate.given,
      offerNodeId: candidate.nodeId,
      variant: candidate.gate.variantKey,
      capped: candidate.capped ? 'margin_floor' : null,
    });
  }
}
