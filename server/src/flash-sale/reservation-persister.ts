import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../app/deps.js';
import { enqueueOutbox } from '../outbox/outbox.repo.js';
import { inventorySoldMessage } from '../inventory/inventory-sold.js';
import type { FlashEvent, FlashStockStore } from './flash-stock.store.js';
import type { Reservation } from './reservation.schema.js';
import { saveReservations } from './reservations.repo.js';
import type { SaleItemRef } from './sale-item.js';

const BATCH = 1000;
const STALE_MS = 30_000;

/** Writes reservations to SQL with the outbox messages their confirmation causes, in one transaction. */
export async function persistReservations(db: Knex, reservations: readonly Reservation[], now: number): Promise<void> {
  await db.transaction(async (trx) => {
    await saveReservations(trx, reservations, now);
    await enqueueOutbox(trx, reservations.filter((r) => r.status === 'confirmed').map(inventorySoldMessage), now);
  });
}

/**
 * Drains the reservation log (Redis stream consumer group, or the in-process queue) into SQL in
 * multi-row batches, acking only after commit; entries a dead instance had read are claimed
 * after STALE_MS.
 */
export function createReservationPersister(deps: { db: Knex; stock: FlashStockStore; clock: Clock; logger: Logger }) {
  async function persist(events: FlashEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    await persistReservations(
      deps.db,
      events.map((e) => e.reservation),
      deps.clock.now(),
    );
    await deps.stock.ack(events);
    return events.length;
  }

  return {
    /** Persists everything currently logged for `items`; returns the number of events written. */
    async drain(items: readonly SaleItemRef[]): Promise<number> {
      let total = 0;
      for (const from of ['pending', 'new'] as const) {
        for (;;) {
          const written = await persist(await deps.stock.readEvents(items, BATCH, from));
          total += written;
          if (written < BATCH) break;
        }
      }
      return total;
    },
    async claimStale(items: readonly SaleItemRef[], idleMs = STALE_MS): Promise<number> {
      return persist(await deps.stock.claimStale(items, idleMs, BATCH));
    },
  };
}
export type ReservationPersister = ReturnType<typeof createReservationPersister>;
