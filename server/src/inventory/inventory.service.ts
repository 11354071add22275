import type { Knex } from 'knex';
import { z } from 'zod';
import type { Clock } from '../app/deps.js';
import type { FlashStockStore } from '../flash-sale/flash-stock.store.js';
import { shrinkAllocation } from '../flash-sale/reservations.repo.js';
import { saveInventoryLevels, type InventoryLevel } from './inventory.repo.js';
import type { InventoryReply } from './inventory.schema.js';

/**
 * Inventory reported by the product system. A flash sale never offers more than the reported
 * quantity: open sale items of a SKU have their stock capped at once (sold units stay sold).
 */
export function createInventoryService(deps: { db: Knex; clock: Clock; stock: () => FlashStockStore }) {
  return {
    async report(levels: readonly InventoryLevel[]): Promise<InventoryReply> {
      await saveInventoryLevels(deps.db, levels, deps.clock.now());
      const rows: unknown[] = await deps.db('flash_sale_items').whereIn('sku', levels.map((l) => l.sku)).select('campaign_id', 'sku');
      const quantityOf = new Map(levels.map((l) => [l.sku, l.quantity]));
      const cappedSaleItems: InventoryReply['cappedSaleItems'] = [];
      for (const raw of rows) {
        const row = z.object({ campaign_id: z.string(), sku: z.string() }).parse(raw);
        const item = { campaignId: row.campaign_id, sku: row.sku };
        const capped = await deps.stock().capStock(item, quantityOf.get(row.sku) ?? 0);
        if (!capped || capped.removed === 0) continue;
        await shrinkAllocation(deps.db, item, capped.removed);
        cappedSaleItems.push({ ...item, stock: capped.stock });
      }
      return { updated: levels.length, cappedSaleItems };
    },
  };
}
