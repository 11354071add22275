import type { FlashSaleOffer } from '../../campaign/offer.schema.js';
import type { CartLine } from '../../cart/cart.schema.js';
import { parseClock } from '../../schedule/local-time.js';
import { counterEntry, type PricingCounters } from '../counters.schema.js';
import { specialPriceDiscount, type LineOutcome } from './line-outcome.js';

/** Whether local `minutes` after midnight falls in one of the daily slots (`end` exclusive). */
export function inFlashSlot(offer: FlashSaleOffer, minutes: number): boolean {
  return offer.slots.some((slot) => minutes >= parseClock(slot.start) && minutes < parseClock(slot.end));
}

/**
 * 秒杀: the flash price needs a valid reservation for this campaign and SKU; the reservation's
 * quantity caps the units at the (locked) flash price. Without one: `out_of_stock` when the
 * sale is known to be sold out, else `no_reservation`.
 */
export function flashSaleLine(
  offer: FlashSaleOffer,
  campaignId: string,
  line: CartLine,
  amount: number,
  units: number,
  counters: PricingCounters,
): LineOutcome {
  const item = offer.items.find((i) => i.sku === line.sku);
  if (!item) return { reason: 'not_in_scope' };
  const reservation = line.reservationToken === undefined ? undefined : counterEntry(counters.flashReservations, line.reservationToken);
  if (!reservation || reservation.campaignId !== campaignId || reservation.sku !== line.sku) {
    const stock = counterEntry(counters.flashStock, `${campaignId}:${line.sku}`) ?? item.stock;
    return { reason: stock <= 0 ? 'out_of_stock' : 'no_reservation' };
  }
  const reservedUnits = Math.min(units, reservation.quantity);
  return { discount: specialPriceDiscount(amount, line.quantity, reservedUnits, reservation.price), units: reservedUnits };
}
