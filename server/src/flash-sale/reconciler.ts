import { Gauge, type Registry } from 'prom-client';
import type { FlashStockStore } from './flash-stock.store.js';
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
export function createReconciler(deps: {
  stock: FlashStockStore;
  metrics: Registry;
  /** Units held or sold per item per SQL, in the order given (a scan of the item's rows: off the request thread when a persister thread runs). */
  soldInSql(items: readonly SaleItemRef[]): Promise<number[]>;
}) {
  const gauge =
    (deps.metrics.getSingleMetric('flash_reconcile_drift') as Gauge | undefined) ??
    new Gauge({ name: 'flash_reconcile_drift', help: 'Flash-sale units sold per Redis minus per SQL, per item', labelNames: ['campaign_id', 'sku'], registers: [deps.metrics] });

  return {
    async reconcile(items: readonly SaleItemRef[]): Promise<ItemDrift[]> {
      const drifts: ItemDrift[] = [];
      const states = await Promise.all(items.map((item) => deps.stock.inspect(item)));
      const known = items.flatMap((item, i) => {
        const state = states[i];
        return state ? [{ item, state }] : [];
      });
      const sold = await deps.soldInSql(known.map((k) => k.item));
      for (const [i, { item, state }] of known.entries()) {
        const redisSold = state.allocated - state.stock;
        const sqlSold = sold[i] ?? 0;
        const drift = redisSold - sqlSold;
        gauge.set({ campaign_id: item.campaignId, sku: item.sku }, drift);
        drifts.push({ campaignId: item.campaignId, sku: item.sku, redisSold, sqlSold, drift });
      }
      return drifts;
    },
  };
}
