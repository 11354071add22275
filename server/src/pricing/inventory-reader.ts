import type { Knex } from 'knex';

const TTL_MS = 5_000;

/** Stock on hand per SKU from the catalog (the ceiling for gifts), cached briefly for quotes. */
export interface InventoryReader {
  get(skus: readonly string[], options?: { fresh?: boolean }): Promise<Map<string, number>>;
}

/**
 * Read-through cache holding the pending query per SKU, so concurrent quotes that miss together
 * share one query instead of stampeding the database when an entry expires.
 */
export function createInventoryReader(db: Knex, now: () => number = Date.now): InventoryReader {
  const cache = new Map<string, { at: number; inventory: Promise<number | null> }>();

  function load(skus: string[], at: number): void {
    const query = db('catalog_items')
      .whereIn('sku', skus)
      .select<{ sku: string; inventory: number | string }[]>('sku', 'inventory')
      .then((rows) => new Map(rows.map((r) => [r.sku, Number(r.inventory)])));
    for (const sku of skus) {
      const inventory = query.then((found) => found.get(sku) ?? null);
      inventory.catch(() => cache.delete(sku));
      cache.set(sku, { at, inventory });
    }
  }

  return {
    async get(skus, options) {
      const t = now();
      const unique = [...new Set(skus)];
      const missing = unique.filter((sku) => {
        const hit = cache.get(sku);
        return options?.fresh || !hit || t - hit.at >= TTL_MS;
      });
      if (missing.length > 0) load(missing, t);
      const out = new Map<string, number>();
      const values = await Promise.all(unique.map((sku) => cache.get(sku)!.inventory));
      unique.forEach((sku, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) out.set(sku, value);
      });
      return out;
    },
  };
}
