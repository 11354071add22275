import type { Knex } from 'knex';
import { z } from 'zod';

export interface InventoryLevel {
  sku: string;
  quantity: number;
}

/** Upserts reported levels (the product inventory system is the truth). */
export async function saveInventoryLevels(db: Knex | Knex.Transaction, levels: readonly InventoryLevel[], now: number): Promise<void> {
  for (let i = 0; i < levels.length; i += 200) {
    await db('inventory_levels')
      .insert(levels.slice(i, i + 200).map((l) => ({ sku: l.sku, quantity: l.quantity, reported_at: now })))
      .onConflict('sku')
      .merge(['quantity', 'reported_at']);
  }
}

/**
 * The last reported inventory of a SKU: the inventory feed when it reported one, else the catalog's
 * `inventory` column, else 0 (nothing is allocated to a sale the product system never confirmed).
 */
export async function reportedInventory(db: Knex, sku: string): Promise<number> {
  const reported: unknown = await db('inventory_levels').where({ sku }).first('quantity');
  if (reported !== undefined) return z.object({ quantity: z.coerce.number() }).parse(reported).quantity;
  const catalog: unknown = await db('catalog_items').where({ sku }).first('inventory');
  if (catalog !== undefined) return z.object({ inventory: z.coerce.number() }).parse(catalog).inventory;
  return 0;
}
