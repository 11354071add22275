import { Dexie, type EntityTable } from 'dexie';
import type { Campaign, Theme } from '@promo/shared';
import type { CatalogItem, Category, EntityType } from '../api/api.schema.js';

/** A synced document as kept locally: the doc, the server version it is based on, local edits. */
export interface LocalDoc<T> {
  id: string;
  doc: T;
  /** Server version the local copy is based on (0 = never pushed). */
  baseVersion: number;
  /** True while the local copy has edits the server has not accepted. */
  dirty: boolean;
  /** Bumped on every local edit, so a push result never clears an edit made while it was in flight. */
  revision: number;
  updatedAt: number;
  /** Deleted locally, the delete not yet accepted by the server: hidden from lists. */
  pendingDelete?: boolean;
}
export type LocalCampaign = LocalDoc<Campaign>;
export type LocalTheme = LocalDoc<Theme>;

/** One pending change per entity: the doc pushed is always the latest local copy. */
export interface OutboxEntry {
  key: string;
  entityType: EntityType;
  entityId: string;
  op: 'upsert' | 'delete';
  enqueuedAt: number;
}

export interface ConflictRecord {
  key: string;
  entityType: EntityType;
  entityId: string;
  mine: Record<string, unknown>;
  /** The server's copy, or null when the server deleted it. */
  theirs: Record<string, unknown> | null;
  serverVersion: number;
  detectedAt: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type StudioDb = Dexie & {
  campaigns: EntityTable<LocalCampaign, 'id'>;
  themes: EntityTable<LocalTheme, 'id'>;
  catalog: EntityTable<CatalogItem, 'sku'>;
  categories: EntityTable<Category, 'id'>;
  outbox: EntityTable<OutboxEntry, 'key'>;
  conflicts: EntityTable<ConflictRecord, 'key'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

export interface DbOptions {
  /** Injected in tests (fake-indexeddb); the browser's own otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export function entityKey(entityType: EntityType, id: string): string {
  return `${entityType}:${id}`;
}

/** The studio's offline store. One database per signed-in server + user, named by the caller. */
export function openStudioDb(name: string, options: DbOptions = {}): StudioDb {
  const db = new Dexie(name, options) as StudioDb;
  db.version(1).stores({
    campaigns: 'id, dirty, updatedAt',
    themes: 'id, dirty',
    catalog: 'sku, categoryId, name',
    categories: 'id, parentId',
    outbox: 'key, enqueuedAt',
    conflicts: 'key',
    meta: 'key',
  });
  return db;
}
