import type { Knex } from 'knex';
import { z } from 'zod';
import { ReservationStatusSchema, type Reservation } from './reservation.schema.js';
import type { SaleItemRef } from './sale-item.js';

const CHUNK = 200;

const RowSchema = z.object({
  token: z.string(),
  campaign_id: z.string(),
  sku: z.string(),
  user_id: z.string(),
  idempotency_key: z.string(),
  quantity: z.coerce.number(),
  price: z.coerce.number(),
  status: ReservationStatusSchema,
  order_id: z.string().nullable(),
  expires_at: z.coerce.number(),
});

function toReservation(row: unknown): Reservation {
  const r = RowSchema.parse(row);
  return {
    token: r.token,
    campaignId: r.campaign_id,
    sku: r.sku,
    userId: r.user_id,
    idempotencyKey: r.idempotency_key,
    quantity: r.quantity,
    price: r.price,
    status: r.status,
    orderId: r.order_id,
    expiresAt: r.expires_at,
  };
}

function toRow(r: Reservation, now: number) {
  return {
    token: r.token,
    campaign_id: r.campaignId,
    sku: r.sku,
    user_id: r.userId,
    idempotency_key: r.idempotencyKey,
    quantity: r.quantity,
    price: r.price,
    status: r.status,
    order_id: r.orderId,
    created_at: now,
    expires_at: r.expiresAt,
    updated_at: now,
  };
}

/**
 * Writes reservations as the stock store last reported them. Every event carries the whole record,
 * so the order of events does not matter: rows are inserted if new (a duplicate of either unique
 * key is ignored, the database being the second guard), then held rows advance to confirmed or
 * expired. A final status never moves back.
 */
export async function saveReservations(trx: Knex | Knex.Transaction, reservations: readonly Reservation[], now: number): Promise<void> {
  for (let i = 0; i < reservations.length; i += CHUNK) {
    await trx('flash_reservations')
      .insert(reservations.slice(i, i + CHUNK).map((r) => toRow(r, now)))
      .onConflict()
      .ignore();
  }
  const expired = reservations.filter((r) => r.status === 'expired').map((r) => r.token);
  for (let i = 0; i < expired.length; i += CHUNK) {
    await trx('flash_reservations').whereIn('token', expired.slice(i, i + CHUNK)).where({ status: 'held' }).update({ status: 'expired', updated_at: now });
  }
  for (const r of reservations) {
    if (r.status !== 'confirmed') continue;
    await trx('flash_reservations').where({ token: r.token, status: 'held' }).update({ status: 'confirmed', order_id: r.orderId, updated_at: now });
  }
}

/** Held and confirmed reservations of an item: what a rebuild restores. */
export async function liveReservations(db: Knex, item: SaleItemRef): Promise<Reservation[]> {
  const rows: unknown[] = await db('flash_reservations').where({ campaign_id: item.campaignId, sku: item.sku }).whereIn('status', ['held', 'confirmed']);
  return rows.map(toReservation);
}

/** Units held or sold according to SQL (compared with Redis by the reconciler). */
export async function soldInSql(db: Knex, item: SaleItemRef): Promise<number> {
  const row: unknown = await db('flash_reservations')
    .where({ campaign_id: item.campaignId, sku: item.sku })
    .whereIn('status', ['held', 'confirmed'])
    .sum({ sold: 'quantity' })
    .first();
  return Number(z.object({ sold: z.union([z.number(), z.string(), z.null()]) }).parse(row).sold ?? 0);
}

export async function findReservations(db: Knex, tokens: readonly string[]): Promise<Reservation[]> {
  if (tokens.length === 0) return [];
  const rows: unknown[] = await db('flash_reservations').whereIn('token', [...tokens]);
  return rows.map(toReservation);
}

/** The allocation recorded at the item's first warm-up, or null when it was never warmed. */
export async function findAllocation(db: Knex, item: SaleItemRef): Promise<number | null> {
  const row: unknown = await db('flash_sale_items').where({ campaign_id: item.campaignId, sku: item.sku }).first('allocated');
  return row === undefined ? null : z.object({ allocated: z.coerce.number() }).parse(row).allocated;
}

/** Records the first allocation; a concurrent first warm-up elsewhere wins and its value is returned. */
export async function recordAllocation(db: Knex, item: SaleItemRef, allocated: number, now: number): Promise<number> {
  await db('flash_sale_items').insert({ campaign_id: item.campaignId, sku: item.sku, allocated, warmed_at: now }).onConflict(['campaign_id', 'sku']).ignore();
  return (await findAllocation(db, item)) ?? allocated;
}

/** Shrinks a recorded allocation by the units `capStock` removed from the sale. */
export async function shrinkAllocation(db: Knex, item: SaleItemRef, removed: number): Promise<void> {
  if (removed <= 0) return;
  await db('flash_sale_items').where({ campaign_id: item.campaignId, sku: item.sku }).decrement('allocated', removed);
}
