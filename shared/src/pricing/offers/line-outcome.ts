import { applyBasisPoints, roundHalfUpDiv } from '../../money/money.js';
import type { BaseReasonCode } from '../reason.js';

/**
 * What an item-stage offer does to one line: a discount in fen on `units` of its units (what
 * per-SKU per-user limits count), or why it gives nothing.
 */
export type LineOutcome = { discount: number; units: number } | { reason: BaseReasonCode };

/**
 * `units` of a line (currently `amount` for `quantity` units) at a special unit `price`. The current
 * unit price is taken as `amount / quantity` so the maths works after earlier stackable discounts.
 */
export function specialPriceDiscount(amount: number, quantity: number, units: number, price: number): number {
  const current = roundHalfUpDiv(amount * units, quantity);
  return Math.max(0, current - price * units);
}

/** `units` of the line at `payRate` bp of their current price, rounded half-up on the units' total. */
export function payRateDiscount(amount: number, quantity: number, units: number, payRate: number): number {
  const current = units === quantity ? amount : roundHalfUpDiv(amount * units, quantity);
  return current - applyBasisPoints(current, payRate);
}
