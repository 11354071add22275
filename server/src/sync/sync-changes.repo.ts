import type { Knex } from 'knex';
import { recordSyncChange } from '../db/sync-seq.js';

/** Document types the studio syncs. */
export type EntityType = 'campaign' | 'theme';

export interface ChangeRow {
  seq: number;
  entityType: EntityType;
  id: string;
  version: number;
  deleted: boolean;
}

/**
 * Records a document change under the next server-wide sequence number, in the writer's
 * transaction, and drops the entity's older change rows: a pull only needs each document's latest
 * state, so the log stays one row per document and a full pull is O(documents), not O(edits).
 */
export async function recordChange(trx: Knex.Transaction, change: { entityType: EntityType; id: string; version: number; deleted: boolean; at: number }): Promise<number> {
  const seq = await recordSyncChange(trx, { entityType: change.entityType, entityId: change.id, version: change.version, deleted: change.deleted, at: change.at });
  await trx('sync_changes').where({ entity_type: change.entityType, entity_id: change.id }).andWhere('seq', '<', seq).delete();
  return seq;
}

/** Keyset page of the change log after `since` (primary-key range scan on seq). */
export async function readChanges(db: Knex | Knex.Transaction, since: number, limit: number): Promise<ChangeRow[]> {
  const rows = (await db('sync_changes').where('seq', '>', since).orderBy('seq').limit(limit).select('seq', 'entity_type', 'entity_id', 'version', 'deleted')) as {
    seq: number | string;
    entity_type: EntityType;
    entity_id: string;
    version: number;
    deleted: number | boolean;
  }[];
  return rows.map((r) => ({ seq: Number(r.seq), entityType: r.entity_type, id: r.entity_id, version: Number(r.version), deleted: Boolean(r.deleted) }));
}
