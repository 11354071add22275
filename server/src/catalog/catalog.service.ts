import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import { parseImport } from './catalog-import.js';
import { CATALOG_CHANGED } from './catalog-reader.js';
import {
  existingCategoryIds,
  getItem,
  listCategories,
  searchItems,
  upsertCategories,
  upsertItems,
} from './catalog.repo.js';
import type { CatalogItem, CatalogItemView, Category, CategoryTreeNode, ImportBody, SearchQuery } from './catalog.schema.js';

/** Builds the category forest; children sorted by `sort` then id (the repo's order). */
export function buildCategoryTree(categories: readonly Category[]): CategoryTreeNode[] {
  const nodes = new Map(categories.map((c) => [c.id, { ...c, children: [] as CategoryTreeNode[] }]));
  const roots: CategoryTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of `rootId` and every category below it. */
export function subtreeIds(categories: readonly Category[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export type CatalogService = ReturnType<typeof createCatalogService>;

/** Catalog writes (all-or-nothing imports, single upserts) and reads for the studio. */
export function createCatalogService(deps: Pick<AppDeps, 'db' | 'clock' | 'stores' | 'logger'>) {
  const { db, clock, stores } = deps;

  async function announce(skus?: readonly string[]): Promise<void> {
    // Readers also expire entries by TTL, so a lost message delays freshness and nothing more.
    await stores.pubsub.publish(CATALOG_CHANGED, JSON.stringify(skus ? { skus } : {})).catch((err: unknown) => deps.logger.warn({ err }, 'catalog invalidation not sent'));
  }

  /** Validates every row first; writes nothing unless all rows are valid, then upserts in one transaction. */
  async function importCatalog(body: ImportBody): Promise<{ imported: number; categories: number }> {
    const { parsed, errors } = parseImport(body, await listCategories(db));
    if (errors.length > 0) {
      throw new AppError('bad_request', `${errors.length} invalid row(s); nothing was imported`, { errors: errors.slice(0, 1000), total: errors.length });
    }
    await db.transaction(async (trx) => {
      await upsertCategories(trx, parsed.categories);
      await upsertItems(trx, parsed.items, clock.now());
    });
    await announce(parsed.categories.length > 0 ? undefined : parsed.items.map((i) => i.sku));
    return { imported: parsed.items.length, categories: parsed.categories.length };
  }

  async function upsertItem(item: CatalogItem): Promise<CatalogItemView> {
    const known = await existingCategoryIds(db);
    if (!known.has(item.categoryId)) throw new AppError('bad_request', `categoryId: unknown category ${item.categoryId}`, { issues: [{ field: 'categoryId', message: 'unknown category' }] });
    await db.transaction((trx) => upsertItems(trx, [item], clock.now()));
    await announce([item.sku]);
    return (await getItem(db, item.sku))!;
  }

  async function search(query: SearchQuery): Promise<{ items: CatalogItemView[]; cursor: string | null }> {
    const categoryIds = query.categoryId ? subtreeIds(await listCategories(db), query.categoryId) : undefined;
    const items = await searchItems(db, { q: query.q, categoryIds, limit: query.limit, afterSku: query.cursor });
    const last = items.at(-1);
    return { items, cursor: items.length === query.limit && last ? last.sku : null };
  }

  async function categoryTree(): Promise<CategoryTreeNode[]> {
    return buildCategoryTree(await listCategories(db));
  }

  async function item(sku: string): Promise<CatalogItemView> {
    const found = await getItem(db, sku);
    if (!found) throw new AppError('not_found', `item ${sku} not found`);
    return found;
  }

  return { importCatalog, upsertItem, search, categoryTree, item };
}
