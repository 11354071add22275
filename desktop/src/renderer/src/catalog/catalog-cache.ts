import type { CatalogItem, Category } from '../api/api.schema.js';
import type { StudioApi } from '../api/studio-api.js';
import type { StudioDb } from '../db/studio-db.js';

const PAGE = 500;
/** A studio keeps at most this many items offline; enough for a grocery assortment. */
export const MAX_CACHED_ITEMS = 50_000;

/** Downloads the catalog (all pages) and categories into the local store, replacing the old snapshot. */
export async function refreshCatalogCache(db: StudioDb, api: Pick<StudioApi, 'searchCatalog' | 'categories'>): Promise<number> {
  const categories = await api.categories();
  const items: CatalogItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.searchCatalog({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
    if (page.items.length === 0) break;
  } while (cursor && items.length < MAX_CACHED_ITEMS);
  await db.transaction('rw', [db.catalog, db.categories, db.meta], async () => {
    await db.catalog.clear();
    await db.categories.clear();
    await db.catalog.bulkPut(items);
    await db.categories.bulkPut(categories);
    await db.meta.put({ key: 'catalogRefreshedAt', value: Date.now() });
  });
  return items.length;
}

/** Every category id below (and including) `rootId`. */
export function categorySubtree(categories: readonly Category[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of categories) {
    const parent = c.parentId ?? '';
    children.set(parent, [...(children.get(parent) ?? []), c.id]);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Category ids from the leaf up to the root (what the engine expects on a cart line). */
export function categoryPath(categories: readonly Category[], leafId: string): string[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path: string[] = [];
  let current = byId.get(leafId);
  if (!current) return [leafId];
  while (current && !path.includes(current.id)) {
    path.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** Local search over the cached catalog: name (zh/en), SKU or barcode, within a category subtree. */
export function searchItems(items: readonly CatalogItem[], categories: readonly Category[], q: string, categoryId: string, limit = 100): CatalogItem[] {
  const needle = q.trim().toLowerCase();
  const within = categoryId ? categorySubtree(categories, categoryId) : null;
  const out: CatalogItem[] = [];
  for (const item of items) {
    if (within && !within.has(item.categoryId)) continue;
    if (
      needle &&
      !item.sku.toLowerCase().includes(needle) &&
      !item.name.toLowerCase().includes(needle) &&
      !(item.nameEn ?? '').toLowerCase().includes(needle) &&
      !(item.barcode ?? '').includes(needle)
    )
      continue;
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/** Splits a pasted list of SKUs (commas, spaces, newlines, tabs) into known and unknown ones. */
export function parseSkuList(text: string, known: ReadonlySet<string>): { known: string[]; unknown: string[] } {
  const tokens = [...new Set(text.split(/[\s,;，；]+/).map((s) => s.trim()).filter(Boolean))];
  return { known: tokens.filter((s) => known.has(s)), unknown: tokens.filter((s) => !known.has(s)) };
}
