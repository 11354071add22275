import type { Campaign, Theme } from '@promo/shared';
import type { EntityType } from '../api/api.schema.js';
import { entityKey, type LocalDoc, type StudioDb } from './studio-db.js';

function tableOf(db: StudioDb, entityType: EntityType) {
  return entityType === 'campaign' ? db.campaigns : db.themes;
}

/**
 * Guards an editor's save against a newer server copy pulled in meanwhile. When the stored copy
 * is still the editor's own content, its (possibly newer, accepted) version is kept; when it is
 * someone else's content, the edit is declared on `basedOn`, the version the editor worked on,
 * so the push conflicts instead of silently overwriting it. Decided inside the transaction,
 * where the stored copy is current (the editor's view may lag a push result).
 */
export interface SaveGuard {
  basedOn: number;
  isOwnContent: (doc: Campaign | Theme) => boolean;
}

/**
 * Saves a local edit and enqueues it for the server, in one transaction: the outbox never
 * misses an edit and never pushes one that was not stored.
 */
export async function saveDocLocally(db: StudioDb, entityType: 'campaign', doc: Campaign, nowMs: number, guard?: SaveGuard): Promise<void>;
export async function saveDocLocally(db: StudioDb, entityType: 'theme', doc: Theme, nowMs: number, guard?: SaveGuard): Promise<void>;
export async function saveDocLocally(db: StudioDb, entityType: EntityType, doc: Campaign | Theme, nowMs: number, guard?: SaveGuard): Promise<void> {
  const table = tableOf(db, entityType);
  await db.transaction('rw', [table, db.outbox], async () => {
    const existing = (await table.get(doc.id)) as LocalDoc<Campaign | Theme> | undefined;
    const foreign = existing !== undefined && guard !== undefined && !guard.isOwnContent(existing.doc);
    const next: LocalDoc<Campaign | Theme> = {
      id: doc.id,
      doc,
      baseVersion: foreign ? guard.basedOn : (existing?.baseVersion ?? 0),
      dirty: true,
      revision: (existing?.revision ?? 0) + 1,
      updatedAt: nowMs,
    };
    await (table as typeof db.campaigns).put(next as LocalDoc<Campaign>);
    await db.outbox.put({ key: entityKey(entityType, doc.id), entityType, entityId: doc.id, op: 'upsert', enqueuedAt: nowMs });
  });
}

/** Deletes locally; a doc the server never saw just disappears, others leave a delete in the outbox. */
export async function deleteDocLocally(db: StudioDb, entityType: EntityType, id: string, nowMs: number): Promise<void> {
  const table = tableOf(db, entityType);
  await db.transaction('rw', [table, db.outbox, db.conflicts], async () => {
    const existing = await table.get(id);
    const key = entityKey(entityType, id);
    await db.conflicts.delete(key);
    if (!existing || existing.baseVersion === 0) {
      await table.delete(id);
      await db.outbox.delete(key);
      return;
    }
    await table.update(id, { dirty: true, pendingDelete: true, revision: existing.revision + 1, updatedAt: nowMs });
    await db.outbox.put({ key, entityType, entityId: id, op: 'delete', enqueuedAt: nowMs });
  });
}
