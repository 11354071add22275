import type { ReserveRequest } from './flash-stock.store.js';
import type { Reservation, ReservationStatus } from './reservation.schema.js';
import type { SaleItemRef } from './sale-item.js';

const STATUS_CODE: Record<ReservationStatus, string> = { held: 'h', confirmed: 'c', expired: 'x' };
const STATUS_OF: Record<string, ReservationStatus> = { h: 'held', c: 'confirmed', x: 'expired' };

/**
 * A reservation as one Redis hash field value: `status|userId|qty|price|expiresAt|idemKey|orderId`.
 * One string per token keeps the hot script to a single HSET; ids cannot contain `|` (see
 * FLASH_ID_PATTERN), so splitting is unambiguous.
 */
export function encodeRecord(r: Omit<Reservation, 'token' | 'campaignId' | 'sku'>): string {
  return `${STATUS_CODE[r.status]}|${r.userId}|${r.quantity}|${r.price}|${r.expiresAt}|${r.idempotencyKey}|${r.orderId ?? ''}`;
}

export function decodeRecord(item: SaleItemRef, token: string, record: string): Reservation {
  const [status = '', userId = '', quantity = '0', price = '0', expiresAt = '0', idempotencyKey = '', orderId = ''] = record.split('|');
  const parsed = STATUS_OF[status];
  if (!parsed) throw new Error(`corrupt flash reservation record for ${token}`);
  return {
    token,
    campaignId: item.campaignId,
    sku: item.sku,
    userId,
    quantity: Number(quantity),
    price: Number(price),
    expiresAt: Number(expiresAt),
    idempotencyKey,
    status: parsed,
    orderId: orderId === '' ? null : orderId,
  };
}

/** The reservation a successful attempt creates: held at `price` until now + `reservationMs`. */
export function newHold(item: SaleItemRef, req: ReserveRequest, price: number, reservationMs: number): Reservation {
  return {
    token: req.token,
    campaignId: item.campaignId,
    sku: item.sku,
    userId: req.userId,
    quantity: req.quantity,
    price,
    expiresAt: req.now + reservationMs,
    idempotencyKey: req.idempotencyKey,
    status: 'held',
    orderId: null,
  };
}
