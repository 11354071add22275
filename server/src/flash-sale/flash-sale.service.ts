import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../app/deps.js';
import type { Stores } from '../stores/stores.types.js';
import { REPLIES, refusal, type FlashReply } from './flash-outcome.js';
import type { FlashStockStore } from './flash-stock.store.js';
import type { ReserveBody } from './reservation.schema.js';
import { newReservationToken } from './reservation-token.js';
import { persistReservations } from './reservation-persister.js';
import { findReservations } from './reservations.repo.js';
import { itemOfToken } from './reservation-token.js';
import type { SaleCatalog, SaleItemConfig } from './sale-catalog.js';
import type { SaleItemTerms } from './sale-item.js';
import type { StockWarmer } from './stock-warmer.js';

/** Cross-instance sold-out flags (payload `{id, soldOut}`), so other instances stop calling Redis. */
export const SOLD_OUT_CHANNEL = 'flash:sold-out';
/** War-room alerts (sold out, low stock); the live module consumes them. */
export const LIVE_ALERTS_CHANNEL = 'live:alerts';
/** A local sold-out flag is trusted this long, then Redis is asked again (bounds a missed restock message). */
const SOLD_OUT_TRUST_MS = 1000;
/** Low-stock alert when the stock falls to this share of the offer's stock. */
const LOW_STOCK_SHARE = 0.1;

export interface FlashSaleServiceDeps {
  db: Knex;
  stores: Pick<Stores, 'pubsub'>;
  clock: Clock;
  logger: Logger;
  stock: FlashStockStore;
  catalog: SaleCatalog;
  warmer: StockWarmer;
}

function termsOf(item: SaleItemConfig, closesAt: number): SaleItemTerms {
  return { price: item.price, perUserLimit: item.perUserLimit, reservationMs: item.reservationMs, closesAt };
}

export function createFlashSaleService(deps: FlashSaleServiceDeps) {
  const { stock, catalog, clock, logger } = deps;
  const soldOutUntil = new Map<string, number>();

  function publish(channel: string, message: unknown): void {
    deps.stores.pubsub.publish(channel, JSON.stringify(message)).catch((err: unknown) => logger.warn({ err, channel }, 'flash publish failed'));
  }

  function markSoldOut(item: SaleItemConfig, now: number): void {
    if ((soldOutUntil.get(item.id) ?? 0) > now) return;
    soldOutUntil.set(item.id, now + SOLD_OUT_TRUST_MS);
    publish(SOLD_OUT_CHANNEL, { id: item.id, soldOut: true });
  }

  function afterReserve(item: SaleItemConfig, stockLeft: number, quantity: number, now: number): void {
    const low = Math.max(1, Math.floor(item.stock * LOW_STOCK_SHARE));
    if (stockLeft === 0) {
      markSoldOut(item, now);
      publish(LIVE_ALERTS_CHANNEL, { type: 'sold_out', campaignId: item.campaignId, sku: item.sku, stockLeft: 0, at: now });
    } else if (stockLeft <= low && stockLeft + quantity > low) {
      publish(LIVE_ALERTS_CHANNEL, { type: 'low_stock', campaignId: item.campaignId, sku: item.sku, stockLeft, at: now });
    }
  }

  async function reserve(campaignId: string, body: ReserveBody): Promise<FlashReply> {
    const item = catalog.find(campaignId, body.sku);
    if (!item) return REPLIES.notFound;
    const now = clock.now();
    const slot = catalog.decide(item, now);
    if (slot.kind === 'ended') return REPLIES.ended;
    if (slot.kind === 'not_started') return refusal(425, 'not_started', 'the flash sale has not started', { opensAt: slot.opensAt });
    if ((soldOutUntil.get(item.id) ?? 0) > now) return REPLIES.soldOut;
    const request = { userId: body.userId, quantity: body.quantity, idempotencyKey: body.idempotencyKey, token: newReservationToken(item, item.tokenSuffix, now), now };
    let outcome = await stock.reserve(item, request);
    if (outcome.kind === 'closed') {
      if (!(await deps.warmer.ensureOpen(item, termsOf(item, slot.closesAt), now))) return REPLIES.unavailable;
      outcome = await stock.reserve(item, request);
    }
    switch (outcome.kind) {
      case 'reserved': {
        const r = outcome.reservation;
        if (!outcome.replayed) afterReserve(item, outcome.stockLeft, r.quantity, now);
        return { status: 201, body: { token: r.token, expiresAt: r.expiresAt, price: r.price } };
      }
      case 'sold_out':
        markSoldOut(item, now);
        return REPLIES.soldOut;
      case 'short':
        // Not sold out: smaller requests can still succeed, so no in-memory flag.
        return refusal(409, 'insufficient_stock', 'fewer units left than requested', { stockLeft: outcome.stockLeft });
      case 'user_limit':
        return refusal(429, 'user_limit', 'per-user limit reached', { limit: item.perUserLimit, held: outcome.held });
      case 'closed':
        return REPLIES.unavailable;
    }
  }

  async function confirm(campaignId: string, token: string, orderId: string): Promise<FlashReply> {
    const item = itemOfToken(token);
    if (!item || item.campaignId !== campaignId) return refusal(404, 'not_found', 'no such reservation');
    const now = clock.now();
    const outcome = await stock.confirm(item, token, orderId, now);
    switch (outcome.kind) {
      case 'confirmed':
        // Written through (not only via the log): a confirmed sale must survive losing Redis.
        await persistReservations(deps.db, [outcome.reservation], now);
        return { status: 200, body: { token, status: 'confirmed', orderId } };
      case 'expired':
        return refusal(409, 'expired', 'the reservation expired', { expiresAt: outcome.reservation.expiresAt });
      case 'conflict':
        return refusal(409, 'conflict', 'the reservation is confirmed for another order', { orderId: outcome.reservation.orderId });
      case 'not_found': {
        const [stored] = await findReservations(deps.db, [token]);
        if (stored?.status === 'confirmed' && stored.orderId === orderId) return { status: 200, body: { token, status: 'confirmed', orderId } };
        return refusal(404, 'not_found', 'no such reservation');
      }
    }
  }

  /** Expires due holds of every item; stock comes back, so local sold-out flags are dropped everywhere. */
  async function sweep(): Promise<number> {
    const now = clock.now();
    let expired = 0;
    for (const item of catalog.all()) {
      const result = await stock.sweep(item, now, 500);
      if (result.expired.length === 0) continue;
      expired += result.expired.length;
      soldOutUntil.delete(item.id);
      publish(SOLD_OUT_CHANNEL, { id: item.id, soldOut: false });
    }
    return expired;
  }

  return {
    reserve,
    confirm,
    sweep,
    /** Applies a flag another instance published. */
    applySoldOutMessage(id: string, soldOut: boolean): void {
      if (soldOut) soldOutUntil.set(id, clock.now() + SOLD_OUT_TRUST_MS);
      else soldOutUntil.delete(id);
    },
  };
}
export type FlashSaleService = ReturnType<typeof createFlashSaleService>;
