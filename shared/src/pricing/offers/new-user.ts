import type { NewUserOffer } from '../../campaign/offer.schema.js';
import type { UserContext } from '../../cart/cart.schema.js';
import { applyBasisPoints } from '../../money/money.js';
import { moneyOff, type OrderOutcome } from './order-proposal.js';

/** 新用户专享: the first-order discount, fixed (with its minimum spend) or percent (with its cap). */
export function newUserOff(offer: NewUserOffer, user: UserContext, basis: number): OrderOutcome {
  if (!user.isNewUser) return { reason: 'not_new_user' };
  const first = offer.firstOrder;
  if (first.type === 'fixed') {
    if (basis < first.minSpend) return { reason: 'below_threshold' };
    return moneyOff(Math.min(first.off, basis));
  }
  const off = Math.min(basis - applyBasisPoints(basis, first.payRate), first.maxDiscount ?? Infinity);
  return off > 0 ? moneyOff(off) : { reason: 'condition_not_met' };
}
