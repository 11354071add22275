import type { Offer } from '../../campaign/offer.schema.js';
import type { IndexedCampaign } from '../candidate-index.js';
import type { LineState } from '../line-state.js';
import type { PricingEnv } from '../pricing-env.js';
import { itemUnitsAllowed } from '../sku-limits.js';
import { flashSaleLine, inFlashSlot } from './flash-sale.js';
import { groupBuyLine } from './group-buy.js';
import type { LineOutcome } from './line-outcome.js';
import { memberLine } from './member.js';
import { percentOffLine } from './percent-off.js';

/** An item-stage offer's effect on one line at its current `amount`. */
export function itemLineOutcome(entry: IndexedCampaign, offer: Offer, state: LineState, amount: number, env: PricingEnv): LineOutcome {
  const { line } = state;
  const units = itemUnitsAllowed(entry, line, env);
  if (units === 0) return { reason: 'sku_limit_reached' };
  switch (offer.kind) {
    case 'percent_off':
      return percentOffLine(offer, amount, line.quantity, units);
    case 'flash_sale':
      if (!inFlashSlot(offer, env.localMinutes(entry.timezone))) return { reason: 'outside_window' };
      return flashSaleLine(offer, entry.id, line, amount, units, env.counters);
    case 'group_buy':
      return groupBuyLine(offer, entry.id, line, amount, units, env.counters);
    case 'member':
      return memberLine(offer, env.user, line, amount, units);
    default:
      return { reason: 'condition_not_met' };
  }
}

/** The per-order cap on an item-stage offer's total discount, if it has one. */
export function itemOfferCap(offer: Offer): number {
  return offer.kind === 'percent_off' && offer.maxDiscount !== undefined ? offer.maxDiscount : Infinity;
}
