import type { Knex } from 'knex';

const TTL_MS = 2_000;

/** Stock on hand per SKU from the catalog (the ceiling for gifts), cached briefly for quotes. */
export interface InventoryReader {
  get(skus: readonly string[], options?: { fresh?: boolean }): Promise<Map<string, number>>;
}

export function createInventoryReader(db: Knex, now: () => number = Date.now): InventoryReader {
  const cache = new Map<string, { at: number; inventory: number | null }>();
  return {
    async get(skus, options) {
      const out = new Map<string, number>();
      const missing: string[] = [];
      const t = now();
      for (const sku of new Set(skus)) {
        const hit = cache.get(sku);
        if (!options?.fresh && hit && t - hit.at < TTL_MS) {
          if (hit.inventory !== null) out.set(sku, hit.inventory);
        } else missing.push(sku);
      }
      if (missing.length === 0) return out;
      const rows = await db('catalog_items').whereIn('sku', missing).select<{ sku: string; inventory: number | string }[]>('sku', 'inventory');
      for (const sku of missing) cache.set(sku, { at: t, inventory: null });
      for (const row of rows) {
        cache.set(row.sku, { at: t, inventory: Number(row.inventory) });
        out.set(row.sku, Number(row.inventory));
      }
      return out;
    },
  };
}
