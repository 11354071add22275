import type { GroupBuyOffer } from '../../campaign/offer.schema.js';
import type { CartLine } from '../../cart/cart.schema.js';
import { counterEntry, type PricingCounters } from '../counters.schema.js';
import { specialPriceDiscount, type LineOutcome } from './line-outcome.js';

/**
 * 拼团: the group price needs the line to carry a group id of a valid group of this campaign. The
 * group's leader pays `leaderDiscount` less per unit on top (never below 0).
 */
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
  const seat = line.groupId === undefined ? undefined : counterEntry(counters.groups, line.groupId);
  const seatCampaign = typeof seat === 'string' ? seat : seat?.campaignId;
  if (seatCampaign !== campaignId) return { reason: 'no_group' };
  const leader = typeof seat === 'object' && seat.isLeader;
  const price = leader ? Math.max(0, item.groupPrice - (offer.leaderDiscount ?? 0)) : item.groupPrice;
  return { discount: specialPriceDiscount(amount, line.quantity, units, price), units };
}
