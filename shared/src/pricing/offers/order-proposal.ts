import type { BaseReasonCode } from '../reason.js';

/** What an order-stage offer would give, before exclusion groups, floors and stock are settled. */
export interface OrderProposal {
  /** Money off the basis lines, split over them in proportion to their amounts. */
  readonly amount: number;
  /** Money off specific lines (the free units of buy-N-get-M), by line index. */
  readonly lineDiscounts: ReadonlyMap<number, number>;
  /** Gift lines to add at 0; `value` is what one unit is worth (0 when unknown). */
  readonly gifts: ReadonlyArray<{ sku: string; quantity: number; value: number }>;
}

export type OrderOutcome = { proposal: OrderProposal } | { reason: BaseReasonCode };

const NO_LINES: ReadonlyMap<number, number> = new Map();

/** A proposal that is just money off the basis. */
export function moneyOff(amount: number): OrderOutcome {
  return { proposal: { amount, lineDiscounts: NO_LINES, gifts: [] } };
}

/** Everything the customer would save: money plus the declared value of gifts. */
export function proposalValue(proposal: OrderProposal): number {
  let value = proposal.amount;
  for (const d of proposal.lineDiscounts.values()) value += d;
  for (const g of proposal.gifts) value += g.quantity * g.value;
  return value;
}
