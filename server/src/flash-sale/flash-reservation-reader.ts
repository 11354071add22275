import type { AppDeps } from '../app/deps.js';
import { decodeRecord } from './reservation-record.js';
import { itemOfToken } from './reservation-token.js';
import { sharedFlashStock } from './flash-stock.registry.js';
import { itemId, saleItemKeys, type SaleItemRef } from './sale-item.js';
import type { Reservation } from './reservation.schema.js';

/** A reservation that still entitles its holder to the flash price. */
export interface ValidFlashReservation {
  campaignId: string;
  sku: string;
  quantity: number;
  /** The flash unit price in fen locked at reservation time. */
  price: number;
  userId: string;
}

export interface FlashReservationReader {
  /** The held, unexpired reservations among `tokens` (unknown, expired and confirmed ones are left out). */
  getValid(tokens: readonly string[]): Promise<Map<string, ValidFlashReservation>>;
}

/**
 * For pricing: which reservation tokens on a cart are valid now. Reads the reservation hashes
 * directly (one HMGET per sale item) on the shared Redis client, or the in-process stock store.
 */
export function createFlashReservationReader(deps: Pick<AppDeps, 'stores' | 'clock'>): FlashReservationReader {
  const { stores, clock } = deps;

  async function read(item: SaleItemRef, tokens: string[]): Promise<Reservation[]> {
    if (stores.redis) {
      const records = await stores.redis.hmget(saleItemKeys(item, stores.keyPrefix).reservations, ...tokens);
      return tokens.flatMap((token, i) => {
        const record = records[i];
        return record ? [decodeRecord(item, token, record)] : [];
      });
    }
    // In-process: the same store instance the flash module uses (one per Stores).
    return sharedFlashStock(stores).reservations(item, tokens);
  }

  return {
    async getValid(tokens) {
      const byItem = new Map<string, { item: SaleItemRef; tokens: string[] }>();
      for (const token of new Set(tokens)) {
        const item = itemOfToken(token);
        if (!item) continue;
        const id = itemId(item);
        const group = byItem.get(id) ?? { item, tokens: [] };
        group.tokens.push(token);
        byItem.set(id, group);
      }
      const now = clock.now();
      const valid = new Map<string, ValidFlashReservation>();
      for (const { item, tokens: group } of byItem.values()) {
        for (const r of await read(item, group)) {
          if (r.status !== 'held' || r.expiresAt <= now) continue;
          valid.set(r.token, { campaignId: r.campaignId, sku: r.sku, quantity: r.quantity, price: r.price, userId: r.userId });
        }
      }
      return valid;
    },
  };
}
