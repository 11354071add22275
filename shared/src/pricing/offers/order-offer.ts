import type { Offer } from '../../campaign/offer.schema.js';
import type { LineState } from '../line-state.js';
import type { PricingEnv } from '../pricing-env.js';
import { buyNGetM, spendGetGift } from './gift.js';
import { newUserOff } from './new-user.js';
import type { OrderOutcome } from './order-proposal.js';
import { thresholdOff } from './threshold-off.js';

/** An order-stage offer on the basis lines (indexes into `lines`) whose amounts sum to `basisAmount`. */
export function orderOutcome(offer: Offer, lines: readonly LineState[], basis: readonly number[], basisAmount: number, env: PricingEnv): OrderOutcome {
  switch (offer.kind) {
    case 'threshold_off':
      return thresholdOff(offer, basisAmount);
    case 'new_user':
      return newUserOff(offer, env.user, basisAmount);
    case 'gift':
      return offer.mode === 'buy_n_get_m' ? buyNGetM(offer, lines, basis, env.counters) : spendGetGift(offer, basisAmount, env.counters);
    default:
      return { reason: 'condition_not_met' };
  }
}
