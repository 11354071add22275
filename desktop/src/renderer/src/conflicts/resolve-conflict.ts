import { CampaignSchema, ThemeSchema } from '@promo/shared';
import type { StudioDb } from '../db/studio-db.js';

export type Resolution = { kind: 'take-theirs' } | { kind: 'keep'; doc: Record<string, unknown> };

/**
 * Settles a conflict locally. Taking theirs replaces the local copy with the server's (clean).
 * Keeping mine or a merge stores that doc on the server's version as the new base and queues it,
 * so the next push is an ordinary accepted update rather than another conflict.
 */
export async function resolveConflict(db: StudioDb, key: string, resolution: Resolution, nowMs: number): Promise<void> {
  await db.transaction('rw', [db.campaigns, db.themes, db.outbox, db.conflicts], async () => {
    const conflict = await db.conflicts.get(key);
    if (!conflict) return;
    const { entityType, entityId, serverVersion } = conflict;
    const table = entityType === 'campaign' ? db.campaigns : db.themes;
    const local = await table.get(entityId);
    const source = resolution.kind === 'take-theirs' ? conflict.theirs : resolution.doc;
    if (source === null) {
      await table.delete(entityId);
      await db.outbox.delete(key);
      await db.conflicts.delete(key);
      return;
    }
    const schema = entityType === 'campaign' ? CampaignSchema : ThemeSchema;
    const doc = schema.parse({ ...source, id: entityId, version: serverVersion });
    const dirty = resolution.kind === 'keep';
    await (table as typeof db.campaigns).put({
      id: entityId,
      doc: doc as never,
      baseVersion: serverVersion,
      dirty,
      revision: (local?.revision ?? 0) + 1,
      updatedAt: nowMs,
    });
    if (dirty) await db.outbox.put({ key, entityType, entityId, op: 'upsert', enqueuedAt: nowMs });
    else await db.outbox.delete(key);
    await db.conflicts.delete(key);
  });
}
