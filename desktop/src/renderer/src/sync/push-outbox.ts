import type { PushResult } from '../api/api.schema.js';
import type { PushChange } from '../api/studio-api.js';
import type { ConflictRecord, LocalCampaign, LocalTheme, OutboxEntry, StudioDb } from '../db/studio-db.js';
import type { SyncTransport } from './sync-transport.js';

export const PUSH_BATCH = 100;

interface Pending {
  entry: OutboxEntry;
  change: PushChange;
  revision: number;
}

async function buildPending(db: StudioDb, entry: OutboxEntry): Promise<Pending | null> {
  const local = entry.entityType === 'campaign' ? await db.campaigns.get(entry.entityId) : await db.themes.get(entry.entityId);
  if (!local) return null;
  const base = { entityType: entry.entityType, id: entry.entityId, baseVersion: local.baseVersion };
  const change: PushChange = entry.op === 'delete' ? { ...base, deleted: true } : { ...base, doc: { ...local.doc, version: local.baseVersion } };
  return { entry, change, revision: local.revision };
}

async function applyResult(db: StudioDb, pending: Pending, result: PushResult, nowMs: number): Promise<ConflictRecord | null> {
  const { entry } = pending;
  const table = entry.entityType === 'campaign' ? db.campaigns : db.themes;
  let conflict: ConflictRecord | null = null;
  await db.transaction('rw', [db.campaigns, db.themes, db.outbox, db.conflicts], async () => {
    const local = await table.get(entry.entityId);
    if (result.status === 'accepted') {
      if (entry.op === 'delete') {
        await table.delete(entry.entityId);
        await db.outbox.delete(entry.key);
        return;
      }
      if (!local) return;
      // An edit made while the push was in flight stays dirty and queued, now on the new base.
      const unchanged = local.revision === pending.revision;
      const patch = { baseVersion: result.version, doc: { ...local.doc, version: result.version }, dirty: !unchanged };
      if (entry.entityType === 'campaign') await db.campaigns.update(entry.entityId, patch as Partial<LocalCampaign>);
      else await db.themes.update(entry.entityId, patch as Partial<LocalTheme>);
      if (unchanged) await db.outbox.delete(entry.key);
      return;
    }
    conflict = {
      key: entry.key,
      entityType: entry.entityType,
      entityId: entry.entityId,
      mine: local ? { ...local.doc } : {},
      theirs: result.server,
      serverVersion: result.serverVersion,
      detectedAt: nowMs,
    };
    await db.conflicts.put(conflict);
    // Out of the outbox until the planner resolves it: re-pushing the same base would only conflict again.
    await db.outbox.delete(entry.key);
  });
  return conflict;
}

/** Pushes the outbox in batches; returns the conflicts found and how many changes were accepted. */
export async function pushOutbox(db: StudioDb, transport: SyncTransport, nowMs: () => number): Promise<{ accepted: number; conflicts: ConflictRecord[] }> {
  const entries = await db.outbox.orderBy('enqueuedAt').toArray();
  const conflicts: ConflictRecord[] = [];
  let accepted = 0;
  for (let i = 0; i < entries.length; i += PUSH_BATCH) {
    const batch: Pending[] = [];
    for (const entry of entries.slice(i, i + PUSH_BATCH)) {
      const pending = await buildPending(db, entry);
      if (pending) batch.push(pending);
      else await db.outbox.delete(entry.key);
    }
    if (batch.length === 0) continue;
    const { results } = await transport.push(batch.map((p) => p.change));
    for (const [index, pending] of batch.entries()) {
      const result = results[index]?.id === pending.entry.entityId ? results[index] : results.find((r) => r.id === pending.entry.entityId);
      if (!result) continue;
      const conflict = await applyResult(db, pending, result, nowMs());
      if (conflict) conflicts.push(conflict);
      else accepted += 1;
    }
  }
  return { accepted, conflicts };
}
