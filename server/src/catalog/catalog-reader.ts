import type { Fen } from '@promo/shared';
import type { Knex } from 'knex';
import type { PubSub } from '../stores/stores.types.js';
import { getItemsBySku, listCategories } from './catalog.repo.js';

/** Pub/sub channel on which catalog writes announce the SKUs they changed (`{skus?: string[]}`, absent = everything). */
export const CATALOG_CHANGED = 'catalog:changed';

/** What pricing needs to know about a SKU. */
export interface CatalogFacts {
  price: Fen;
  cost: Fen | null;
  /** From the item's own category up to the root. */
  categoryIds: string[];
}

export interface CatalogReaderOptions {
  /** Invalidation messages from every instance's catalog writes; without it only the TTL refreshes. */
  pubsub?: PubSub;
  /** Backstop for a lost invalidation message (default 60 s). */
  ttlMs?: number;
  /** Epoch ms source (default Date.now), for the TTL only. */
  now?: () => number;
  /** The cache is dropped wholesale past this many entries (default 200,000). */
  maxEntries?: number;
}

export interface CatalogReader {
  /** Facts for the SKUs that exist; unknown SKUs are absent from the map. Served from memory when cached. */
  getItems(skus: readonly string[]): Promise<Map<string, CatalogFacts>>;
  /** Forget some SKUs (or everything, categories included). */
  invalidate(skus?: readonly string[]): void;
  /** Subscribes to invalidations (when a pubsub was given). */
  start(): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  facts: CatalogFacts | null;
  at: number;
}

/**
 * A read-through in-memory cache of catalog facts for the quote path: one SQL query for the SKUs
 * not yet cached (negative entries too, so unknown SKUs do not hit SQL on every quote), category
 * ancestry from an in-memory tree. Writes anywhere invalidate through `CATALOG_CHANGED`.
 */
export function createCatalogReader(db: Knex, options: CatalogReaderOptions = {}): CatalogReader {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 200_000;
  const cache = new Map<string, Entry>();
  let parents: Promise<Map<string, string | null>> | null = null;
  let parentsAt = 0;
  let unsubscribe: (() => Promise<void>) | null = null;
  // Bumped by every invalidation: a read that started before one must not cache what it read.
  let generation = 0;

  function loadParents(): Promise<Map<string, string | null>> {
    if (!parents || now() - parentsAt > ttlMs) {
      parentsAt = now();
      parents = listCategories(db).then((cats) => new Map(cats.map((c) => [c.id, c.parentId])));
      parents.catch(() => {
        parents = null;
      });
    }
    return parents;
  }

  function ancestry(categoryId: string, tree: Map<string, string | null>): string[] {
    const out: string[] = [];
    let id: string | null | undefined = categoryId;
    // Bounded walk: a corrupted tree with a cycle must not hang a quote.
    while (id && out.length < 10 && !out.includes(id)) {
      out.push(id);
      id = tree.get(id);
    }
    return out;
  }

  function invalidate(skus?: readonly string[]): void {
    generation += 1;
    if (!skus) {
      cache.clear();
      parents = null;
      return;
    }
    for (const sku of skus) cache.delete(sku);
  }

  async function getItems(skus: readonly string[]): Promise<Map<string, CatalogFacts>> {
    const out = new Map<string, CatalogFacts>();
    const missing: string[] = [];
    const t = now();
    for (const sku of new Set(skus)) {
      const entry = cache.get(sku);
      if (entry && t - entry.at <= ttlMs) {
        if (entry.facts) out.set(sku, entry.facts);
      } else missing.push(sku);
    }
    if (missing.length === 0) return out;
    const startedAt = generation;
    const [rows, tree] = await Promise.all([getItemsBySku(db, missing), loadParents()]);
    const cacheable = startedAt === generation;
    if (cache.size + missing.length > maxEntries) cache.clear();
    const found = new Set<string>();
    for (const row of rows) {
      const facts: CatalogFacts = { price: row.price, cost: row.cost, categoryIds: ancestry(row.categoryId, tree) };
      if (cacheable) cache.set(row.sku, { facts, at: t });
      out.set(row.sku, facts);
      found.add(row.sku);
    }
    if (cacheable) for (const sku of missing) if (!found.has(sku)) cache.set(sku, { facts: null, at: t });
    return out;
  }

  return {
    getItems,
    invalidate,
    async start() {
      if (!options.pubsub || unsubscribe) return;
      unsubscribe = await options.pubsub.subscribe(CATALOG_CHANGED, (message) => {
        try {
          const parsed = JSON.parse(message) as { skus?: unknown };
          invalidate(Array.isArray(parsed.skus) ? parsed.skus.filter((s): s is string => typeof s === 'string') : undefined);
        } catch {
          invalidate();
        }
      });
    },
    async close() {
      await unsubscribe?.();
      unsubscribe = null;
    },
  };
}
