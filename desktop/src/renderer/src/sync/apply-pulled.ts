import { CampaignSchema, ThemeSchema } from '@promo/shared';
import type { SyncChange } from '../api/api.schema.js';
import type { LocalCampaign, LocalTheme, StudioDb } from '../db/studio-db.js';

/**
 * Applies one pulled page and advances the cursor in the same transaction, so a crash never
 * skips or half-applies a page. Local copies with unpushed edits are left alone: the push that
 * follows compares versions and raises a conflict instead of losing either side.
 * Returns the ids of documents the server sent that did not parse (kept out of the store).
 */
export async function applyPulledChanges(db: StudioDb, changes: readonly SyncChange[], cursor: number): Promise<string[]> {
  const rejected: string[] = [];
  await db.transaction('rw', [db.campaigns, db.themes, db.meta], async () => {
    for (const change of changes) {
      if (change.entityType === 'campaign') {
        const local = await db.campaigns.get(change.id);
        if (local?.dirty) continue;
        if (change.deleted) {
          await db.campaigns.delete(change.id);
          continue;
        }
        const parsed = CampaignSchema.safeParse({ ...change.doc, version: change.version });
        if (!parsed.success) {
          rejected.push(change.id);
          continue;
        }
        const next: LocalCampaign = { id: change.id, doc: parsed.data, baseVersion: change.version, dirty: false, revision: local?.revision ?? 0, updatedAt: local?.updatedAt ?? 0 };
        await db.campaigns.put(next);
      } else {
        const local = await db.themes.get(change.id);
        if (local?.dirty) continue;
        if (change.deleted) {
          await db.themes.delete(change.id);
          continue;
        }
        const parsed = ThemeSchema.safeParse({ ...change.doc, version: change.version });
        if (!parsed.success) {
          rejected.push(change.id);
          continue;
        }
        const next: LocalTheme = { id: change.id, doc: parsed.data, baseVersion: change.version, dirty: false, revision: local?.revision ?? 0, updatedAt: local?.updatedAt ?? 0 };
        await db.themes.put(next);
      }
    }
    await db.meta.put({ key: 'cursor', value: cursor });
  });
  return rejected;
}

export async function readCursor(db: StudioDb): Promise<number> {
  const entry = await db.meta.get('cursor');
  return typeof entry?.value === 'number' ? entry.value : 0;
}
