import type { Knex } from 'knex';
import { Gauge, type Registry } from 'prom-client';
import type { FlashStockStore } from './flash-stock.store.js';
import { soldInSql } from './reservations.repo.js';
import type { SaleItemRef } from './sale-item.js';

export interface ItemDrift extends SaleItemRef {
  /** Units held or sold per Redis (allocation - stock). */
  redisSold: number;
  /** Units held or sold per SQL (held + confirmed reservations). */
  sqlSold: number;
  /** redisSold - sqlSold: positive while the log is not yet drained; anything else is a fault. */
  drift: number;
}

/**
 * Compares Redis and SQL per item and exports the difference as `flash_reconcile_drift`. Run
 * after draining the log, a non-zero drift means a lost or duplicated write and pages someone.
 */
export function createReconciler(deps: { db: Knex; stock: FlashStockStore; metrics: Registry }) {
  const gauge =
    (deps.metrics.getSingleMetric('flash_reconcile_drift') as Gauge | undefined) ??
    new Gauge({ name: 'flash_reconcile_drift', help: 'Flash-sale units sold per Redis minus per SQL, per item', labelNames: ['campaign_id', 'sku'], registers: [deps.metrics] });

  return {
    async reconcile(items: readonly SaleItemRef[]): Promise<ItemDrift[]> {
      const drifts: ItemDrift[] = [];
      for (const item of items) {
        const state = await deps.stock.inspect(item);
        if (!state) continue;
        const redisSold = state.allocated - state.stock;
        const sqlSold = await soldInSql(deps.db, item);
        const drift = redisSold - sqlSold;
        gauge.set({ campaign_id: item.campaignId, sku: item.sku }, drift);
        drifts.push({ campaignId: item.campaignId, sku: item.sku, redisSold, sqlSold, drift });
      }
      return drifts;
    },
  };
}
