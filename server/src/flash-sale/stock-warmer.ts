import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Stores } from '../stores/stores.types.js';
import { reportedInventory } from '../inventory/inventory.repo.js';
import type { FlashStockStore } from './flash-stock.store.js';
import { findAllocation, liveReservations, recordAllocation } from './reservations.repo.js';
import type { SaleItemConfig } from './sale-catalog.js';
import { itemId, type SaleItemTerms } from './sale-item.js';

export interface StockWarmerDeps {
  db: Knex;
  stores: Pick<Stores, 'locks'>;
  stock: FlashStockStore;
  logger: Logger;
  /** Persists whatever the item's event log still holds, before a rebuild reads SQL. */
  drainItem(item: SaleItemConfig): Promise<void>;
}

/**
 * Opens sale items for their current slot. First warm-up: the allocation is min(offer stock,
 * reported inventory), recorded in SQL. State missing later (Redis restarted or failed over
 * without it): the item is rebuilt from the durable record (SQL reservations after draining the
 * log) before it opens again, so a restart never sells a unit twice.
 */
export function createStockWarmer(deps: StockWarmerDeps) {
  const inFlight = new Map<string, Promise<boolean>>();

  async function warm(item: SaleItemConfig, terms: SaleItemTerms, now: number): Promise<boolean> {
    if (await deps.stock.open(item, terms)) return true;
    const lock = await deps.stores.locks.acquire(`flash:warm:${itemId(item)}`, 30_000);
    if (!lock) return false;
    try {
      if (await deps.stock.open(item, terms)) return true;
      const known = await findAllocation(deps.db, item);
      if (known === null) {
        const allocated = await recordAllocation(deps.db, item, Math.min(item.stock, await reportedInventory(deps.db, item.sku)), now);
        await deps.stock.initialise(item, { terms, allocated, reservations: [] });
        deps.logger.info({ campaignId: item.campaignId, sku: item.sku, allocated }, 'flash item warmed');
        return true;
      }
      await deps.drainItem(item);
      const reservations = await liveReservations(deps.db, item);
      await deps.stock.initialise(item, { terms, allocated: known, reservations });
      deps.logger.warn({ campaignId: item.campaignId, sku: item.sku, allocated: known, restored: reservations.length }, 'flash item rebuilt from SQL');
      return true;
    } finally {
      await lock.release().catch(() => false);
    }
  }

  return {
    /** True when the item is open for `terms`; concurrent calls for one item share one attempt. */
    ensureOpen(item: SaleItemConfig, terms: SaleItemTerms, now: number): Promise<boolean> {
      const id = itemId(item);
      let running = inFlight.get(id);
      if (!running) {
        running = warm(item, terms, now).finally(() => inFlight.delete(id));
        inFlight.set(id, running);
      }
      return running;
    },
  };
}
export type StockWarmer = ReturnType<typeof createStockWarmer>;
