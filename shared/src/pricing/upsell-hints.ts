import type { Offer } from '../campaign/offer.schema.js';
import { spendMoreForDiscountMessage, spendMoreForGiftMessage } from '../i18n/reason-messages.js';
import { nextThresholdStep } from './offers/threshold-off.js';
import type { UpsellHint } from './quote.schema.js';

function withinReach(shortfall: number, basis: number, reachBp: number): boolean {
  return shortfall * 10_000 <= reachBp * (basis + shortfall);
}

/**
 * 凑单: the next threshold tier (or spend-X gift) of a fired offer, when the shortfall is within
 * `reachBp` of the target spend; null when there is nothing within reach.
 */
export function upsellHint(campaignId: string, offer: Offer, basis: number, reachBp: number): UpsellHint | null {
  if (offer.kind === 'threshold_off') {
    const step = nextThresholdStep(offer, basis);
    if (!step || !withinReach(step.shortfall, basis, reachBp)) return null;
    return { campaignId, type: 'discount', shortfall: step.shortfall, reward: step.reward, message: spendMoreForDiscountMessage(step.shortfall, step.reward) };
  }
  if (offer.kind === 'gift' && offer.mode === 'spend_get_gift' && basis < offer.minSpend) {
    const shortfall = offer.minSpend - basis;
    if (!withinReach(shortfall, basis, reachBp)) return null;
    return { campaignId, type: 'gift', shortfall, reward: 0, message: spendMoreForGiftMessage(shortfall) };
  }
  return null;
}
