import type { GroupBuyOffer } from '../../campaign/offer.schema.js';
import type { CartLine } from '../../cart/cart.schema.js';
import { counterEntry, type PricingCounters } from '../counters.schema.js';
import { specialPriceDiscount, type LineOutcome } from './line-outcome.js';

/** 拼团: the group price needs the line to carry a group id of a valid group of this campaign. */
export function groupBuyLine(
  offer: GroupBuyOffer,
  campaignId: string,
  line: CartLine,
  amount: number,
  units: number,
  counters: PricingCounters,
): LineOutcome {
  const item = offer.items.find((i) => i.sku === line.sku);
  if (!item) return { reason: 'not_in_scope' };
  if (line.groupId === undefined || counterEntry(counters.groups, line.groupId) !== campaignId) return { reason: 'no_group' };
  return { discount: specialPriceDiscount(amount, line.quantity, units, item.groupPrice) };
}
