import type { ThresholdOffOffer } from '../../campaign/offer.schema.js';
import { moneyOff, type OrderOutcome } from './order-proposal.js';

/** 满减 money off for a basis (post-item subtotal of the scope): 0 below the first threshold. */
export function thresholdOffAmount(offer: ThresholdOffOffer, basis: number): number {
  if (offer.mode === 'every') {
    const off = Math.floor(basis / offer.every) * offer.off;
    return Math.min(off, offer.cap ?? Infinity, basis);
  }
  let best = 0;
  for (const tier of offer.tiers) if (tier.minSpend <= basis && tier.off > best) best = tier.off;
  return Math.min(best, basis);
}

/** 满减: the highest tier reached, or every X off Y up to the cap. */
export function thresholdOff(offer: ThresholdOffOffer, basis: number): OrderOutcome {
  const amount = thresholdOffAmount(offer, basis);
  return amount > 0 ? moneyOff(amount) : { reason: 'below_threshold' };
}

/** The next step up from `basis`: how much more to spend and the total off there, or null at the top. */
export function nextThresholdStep(offer: ThresholdOffOffer, basis: number): { shortfall: number; reward: number } | null {
  const now = thresholdOffAmount(offer, basis);
  if (offer.mode === 'every') {
    const target = (Math.floor(basis / offer.every) + 1) * offer.every;
    const reward = Math.min((target / offer.every) * offer.off, offer.cap ?? Infinity);
    return reward > now ? { shortfall: target - basis, reward } : null;
  }
  let next: { minSpend: number; off: number } | null = null;
  for (const tier of offer.tiers) {
    if (tier.minSpend > basis && tier.off > now && (next === null || tier.minSpend < next.minSpend)) next = tier;
  }
  return next ? { shortfall: next.minSpend - basis, reward: next.off } : null;
}
