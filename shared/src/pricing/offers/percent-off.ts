import type { PercentOffOffer } from '../../campaign/offer.schema.js';
import { payRateDiscount, type LineOutcome } from './line-outcome.js';

/** 折扣: pay `payRate` of the line; the per-order `maxDiscount` is enforced by the item stage. */
export function percentOffLine(offer: PercentOffOffer, amount: number, quantity: number, units: number): LineOutcome {
  return { discount: payRateDiscount(amount, quantity, units, offer.payRate), units };
}
