import type { MemberOffer } from '../../campaign/offer.schema.js';
import type { CartLine, UserContext } from '../../cart/cart.schema.js';
import { payRateDiscount, specialPriceDiscount, type LineOutcome } from './line-outcome.js';

/**
 * 会员专属: member-day price or percent for members at `minLevel` or above. Which day is the
 * member day comes from the campaign's schedule recurrence (or a recurrence node in its graph).
 */
export function memberLine(offer: MemberOffer, user: UserContext, line: CartLine, amount: number, units: number): LineOutcome {
  if (user.memberLevel < offer.minLevel) return { reason: 'member_level_too_low' };
  if (offer.benefit.type === 'percent') return { discount: payRateDiscount(amount, line.quantity, units, offer.benefit.payRate), units };
  const item = offer.benefit.items.find((i) => i.sku === line.sku);
  if (!item) return { reason: 'not_in_scope' };
  return { discount: specialPriceDiscount(amount, line.quantity, units, item.price), units };
}
