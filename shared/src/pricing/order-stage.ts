import { counterEntry } from './counters.schema.js';
import { bestCombination } from './best-combination.js';
import type { CandidateHit, IndexedCampaign } from './candidate-index.js';
import { allocateWithHeadroom } from './allocation.js';
import { firedOffers, gateCampaign, linesInScope, type CampaignGate } from './eligibility.js';
import { marginFloor } from './guards.js';
import { createGiftLine, type LineState } from './line-state.js';
import { orderOutcome } from './offers/order-offer.js';
import { proposalValue, type OrderProposal } from './offers/order-proposal.js';
import type { PricingEnv } from './pricing-env.js';
import { reportNotApplied, type QuoteReport } from './quote-report.js';
import { excludedBy, type ReasonCode } from './reason.js';
import { scopeWithinSkuLimits } from './sku-limits.js';
import { upsellHint } from './upsell-hints.js';

interface OrderCandidate {
  readonly entry: IndexedCampaign;
  readonly gate: CampaignGate;
  readonly nodeId: string;
  readonly proposal: OrderProposal;
  /** Basis line indexes and their post-item amounts (the allocation weights). */
  readonly basis: readonly number[];
  readonly weights: readonly number[];
  readonly group: string | null;
  readonly value: number;
}

/** Amounts, floors and gift stock while a combination is tried or applied. */
interface Ledger {
  amounts: number[];
  floors: number[];
  giftLeft: Map<string, number>;
}

interface Settlement {
  parts: Map<number, number>;
  gifts: Array<{ sku: string; quantity: number; value: number }>;
  saving: number;
  /** Lines where the margin floor cut the discount. */
  cutLines: Set<number>;
}

function toCandidate(hit: CandidateHit, lines: readonly LineState[], env: PricingEnv, report: QuoteReport): OrderCandidate | ReasonCode | null {
  const { entry } = hit;
  const targeted = linesInScope(hit, lines);
  if (targeted.length === 0) return null;
  const gate = gateCampaign(entry, env);
  if (typeof gate === 'string') return gate;
  const inScope = scopeWithinSkuLimits(entry, targeted, lines, env);
  if (inScope.length === 0) return 'sku_limit_reached';
  const basis = entry.excludeDiscountedLines ? inScope.filter((i) => lines[i]!.itemDiscount === 0) : inScope;
  if (basis.length === 0) return 'not_in_scope';
  const weights = basis.map((i) => lines[i]!.amount);
  const basisAmount = weights.reduce((sum, w) => sum + w, 0);
  const fired = firedOffers(entry, gate, env, basisAmount);
  if (typeof fired === 'string') return fired;
  let best: { nodeId: string; proposal: OrderProposal; value: number } | null = null;
  let reason: ReasonCode | null = null;
  let hinted = false;
  for (const { nodeId, offer } of fired) {
    const outcome = orderOutcome(offer, lines, basis, basisAmount, env);
    const hint = hinted ? null : upsellHint(entry.id, offer, basisAmount, env.options.upsellReachBp);
    if (hint) {
      report.upsell.push(hint);
      hinted = true;
    }
    if ('reason' in outcome) {
      reason ??= outcome.reason;
      continue;
    }
    const value = proposalValue(outcome.proposal);
    if (best === null || value > best.value) best = { nodeId, proposal: outcome.proposal, value };
  }
  if (!best) return reason ?? 'condition_not_met';
  if (best.value > gate.budgetLeft) return 'budget_exhausted';
  return { entry, gate, ...best, basis, weights, group: entry.group };
}

/** Takes up to `wanted` off line `i` in the ledger, above the line's floor under this campaign. */
function take(ledger: Ledger, settlement: Settlement, i: number, wanted: number, floor: number): void {
  const part = Math.min(wanted, Math.max(0, ledger.amounts[i]! - floor));
  if (part < wanted && floor > 0) settlement.cutLines.add(i);
  ledger.amounts[i]! -= part;
  ledger.floors[i] = floor;
  settlement.parts.set(i, (settlement.parts.get(i) ?? 0) + part);
  settlement.saving += part;
}

/** Applies one candidate to the ledger: free units, then the proportional split, then gifts. */
function settle(candidate: OrderCandidate, ledger: Ledger, lines: readonly LineState[]): Settlement {
  const { proposal, basis } = candidate;
  const minMargin = candidate.entry.minMargin;
  const settlement: Settlement = { parts: new Map(), gifts: [], saving: 0, cutLines: new Set() };
  for (const [i, wanted] of proposal.lineDiscounts) {
    take(ledger, settlement, i, wanted, Math.max(ledger.floors[i]!, marginFloor(lines[i]!.line, minMargin)));
  }
  if (proposal.amount > 0) {
    const floors = basis.map((i) => Math.max(ledger.floors[i]!, marginFloor(lines[i]!.line, minMargin)));
    const headroom = basis.map((i, k) => ledger.amounts[i]! - floors[k]!);
    const { parts, cut } = allocateWithHeadroom(proposal.amount, candidate.weights, headroom);
    for (let k = 0; k < basis.length; k++) {
      const i = basis[k]!;
      if (cut[k] && floors[k]! > 0) settlement.cutLines.add(i);
      take(ledger, settlement, i, parts[k]!, floors[k]!);
    }
  }
  for (const gift of proposal.gifts) {
    const left = ledger.giftLeft.get(gift.sku) ?? Infinity;
    const quantity = Math.min(gift.quantity, left);
    if (quantity <= 0) continue;
    if (left !== Infinity) ledger.giftLeft.set(gift.sku, left - quantity);
    settlement.gifts.push({ ...gift, quantity });
    settlement.saving += quantity * gift.value;
  }
  return settlement;
}

function ledgerOf(lines: readonly LineState[], env: PricingEnv, candidates: readonly OrderCandidate[]): Ledger {
  const giftLeft = new Map<string, number>();
  for (const c of candidates) {
    for (const gift of c.proposal.gifts) {
      const stock = counterEntry(env.counters.giftStock, gift.sku);
      if (stock !== undefined) giftLeft.set(gift.sku, stock);
    }
  }
  return { amounts: lines.map((l) => l.amount), floors: lines.map((l) => l.floor), giftLeft };
}

/**
 * Order stage (design §2 step 3): eligibility on the post-item subtotal of each campaign's scope,
 * at most one campaign per exclusion group (exclusive campaigns without a group share one implicit
 * group), the combination with the largest customer saving. Appends gift lines to `lines`.
 */
export function runOrderStage(hits: readonly CandidateHit[], lines: LineState[], env: PricingEnv, report: QuoteReport): void {
  const candidates: OrderCandidate[] = [];
  for (const hit of hits) {
    const candidate = toCandidate(hit, lines, env, report);
    // null: the scope's exclusions (or the offer's SKUs) leave no line, so it never targeted the cart.
    if (typeof candidate === 'string') reportNotApplied(report, hit.entry, candidate);
    else if (candidate !== null) candidates.push(candidate);
  }
  const evaluate = (selected: readonly number[]): number => {
    const ledger = ledgerOf(lines, env, candidates);
    let saving = 0;
    for (const i of selected) saving += settle(candidates[i]!, ledger, lines).saving;
    return saving;
  };
  const chosen = new Set(bestCombination(candidates, evaluate, env.options.exactSearchLimit));
  const ledger = ledgerOf(lines, env, candidates);
  const winners = new Map<string, string>();
  const giftLines: LineState[] = [];
  candidates.forEach((candidate, index) => {
    if (!chosen.has(index)) return;
    const campaign = candidate.entry;
    const settlement = settle(candidate, ledger, lines);
    if (settlement.saving <= 0 && settlement.gifts.length === 0) {
      reportNotApplied(report, candidate.entry, settlement.cutLines.size > 0 ? 'not_best_offer' : 'out_of_stock');
      chosen.delete(index);
      return;
    }
    if (candidate.group !== null) winners.set(candidate.group, campaign.id);
    for (const [i, part] of settlement.parts) {
      const state = lines[i]!;
      state.floor = ledger.floors[i]!;
      if (part <= 0) continue;
      state.amount -= part;
      state.orderDiscount += part;
      state.allocations.push({ source: 'campaign', id: campaign.id, amount: part });
    }
    for (const i of settlement.cutLines) lines[i]!.capped = true;
    for (const gift of settlement.gifts) giftLines.push(createGiftLine(campaign.id, gift.sku, gift.quantity));
    report.applied.push({
      campaignId: campaign.id,
      kind: campaign.kind,
      stage: 'order',
      amount: settlement.saving,
      offerNodeId: candidate.nodeId,
      variant: candidate.gate.variantKey,
      capped: settlement.cutLines.size > 0 ? 'margin_floor' : null,
    });
  });
  candidates.forEach((candidate, index) => {
    if (chosen.has(index)) return;
    const winner = candidate.group === null ? undefined : winners.get(candidate.group);
    if (winner !== undefined) reportNotApplied(report, candidate.entry, excludedBy(winner));
    else if (!report.notApplied.some((n) => n.campaignId === candidate.entry.id)) reportNotApplied(report, candidate.entry, 'not_best_offer');
  });
  lines.push(...giftLines);
}
