import type { Knex } from 'knex';
import type { CatalogItem, CatalogItemView, Category } from './catalog.schema.js';

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  name_en: string | null;
  sort: number;
}

interface ItemRow {
  sku: string;
  name: string;
  name_en: string | null;
  category_id: string;
  price: number | string;
  cost: number | string | null;
  unit: string;
  barcode: string | null;
  inventory: number;
  updated_at: number | string;
}

const CHUNK = 400;

function toCategory(row: CategoryRow): Category {
  return { id: row.id, parentId: row.parent_id, name: row.name, ...(row.name_en ? { nameEn: row.name_en } : {}), sort: Number(row.sort) };
}

/** BIGINT columns come back as strings from mysql2 when large; values here are safe integers. */
export function toItem(row: ItemRow): CatalogItemView {
  return {
    sku: row.sku,
    name: row.name,
    ...(row.name_en ? { nameEn: row.name_en } : {}),
    categoryId: row.category_id,
    price: Number(row.price),
    cost: row.cost === null ? null : Number(row.cost),
    unit: row.unit,
    ...(row.barcode ? { barcode: row.barcode } : {}),
    inventory: Number(row.inventory),
    updatedAt: Number(row.updated_at),
  };
}

function itemRow(item: CatalogItem, now: number): ItemRow {
  return {
    sku: item.sku,
    name: item.name,
    name_en: item.nameEn ?? null,
    category_id: item.categoryId,
    price: item.price,
    cost: item.cost,
    unit: item.unit,
    barcode: item.barcode ?? null,
    inventory: item.inventory,
    updated_at: now,
  };
}

export async function listCategories(db: Knex | Knex.Transaction): Promise<Category[]> {
  const rows = await db<CategoryRow>('categories').select('*').orderBy([{ column: 'sort' }, { column: 'id' }]);
  return rows.map(toCategory);
}

export async function upsertCategories(db: Knex | Knex.Transaction, categories: readonly Category[]): Promise<void> {
  for (let i = 0; i < categories.length; i += CHUNK) {
    const rows = categories.slice(i, i + CHUNK).map((c) => ({ id: c.id, parent_id: c.parentId, name: c.name, name_en: c.nameEn ?? null, sort: c.sort }));
    await db('categories').insert(rows).onConflict('id').merge();
  }
}

export async function upsertItems(db: Knex | Knex.Transaction, items: readonly CatalogItem[], now: number): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = items.slice(i, i + CHUNK).map((item) => itemRow(item, now));
    await db('catalog_items').insert(rows).onConflict('sku').merge();
  }
}

export async function getItem(db: Knex | Knex.Transaction, sku: string): Promise<CatalogItemView | null> {
  const row = await db<ItemRow>('catalog_items').where({ sku }).first();
  return row ? toItem(row) : null;
}

export async function getItemsBySku(db: Knex, skus: readonly string[]): Promise<CatalogItemView[]> {
  const out: CatalogItemView[] = [];
  for (let i = 0; i < skus.length; i += CHUNK) {
    const rows = await db<ItemRow>('catalog_items').whereIn('sku', skus.slice(i, i + CHUNK));
    out.push(...rows.map(toItem));
  }
  return out;
}

export async function existingCategoryIds(db: Knex | Knex.Transaction): Promise<Set<string>> {
  const rows = await db<CategoryRow>('categories').select('id');
  return new Set(rows.map((r) => r.id));
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches literally; `!` is the escape character because a backslash means different things in SQLite and MySQL literals. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

export interface ItemSearch {
  q?: string;
  categoryIds?: readonly string[];
  limit: number;
  afterSku?: string;
}

/** Keyset page ordered by sku: name (zh/en) contains q, or sku/barcode equals or starts with q. */
export async function searchItems(db: Knex, search: ItemSearch): Promise<CatalogItemView[]> {
  const query = db<ItemRow>('catalog_items').select('*').orderBy('sku').limit(search.limit);
  if (search.afterSku !== undefined) query.where('sku', '>', search.afterSku);
  if (search.categoryIds) query.whereIn('category_id', [...search.categoryIds]);
  const q = search.q;
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    const prefix = `${escapeLike(q)}%`;
    query.where((w) => {
      w.whereRaw("?? like ? escape '!'", ['name', pattern])
        .orWhereRaw("lower(??) like lower(?) escape '!'", ['name_en', pattern])
        .orWhereRaw("?? like ? escape '!'", ['sku', prefix])
        .orWhere('barcode', q);
    });
  }
  const rows = await query;
  return rows.map(toItem);
}
