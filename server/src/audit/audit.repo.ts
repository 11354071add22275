import type { Knex } from 'knex';
import type { AuditEntry, AuditQuery } from './audit.schema.js';
import { diffJson, type DiffEntry } from './json-diff.js';

interface AuditRow {
  id: number | string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  diff: string | null;
  at: number | string;
}

export interface AuditWrite {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: number;
}

/** Appends one entry with the JSON diff of `before` → `after`, inside the caller's transaction. */
export async function writeAudit(trx: Knex.Transaction, entry: AuditWrite): Promise<void> {
  const diff: DiffEntry[] = diffJson(entry.before, entry.after);
  await trx('audit_log').insert({
    actor: entry.actor,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    diff: JSON.stringify(diff),
    at: entry.at,
  });
}

/** Newest first, keyset-paged on id. */
export async function listAudit(db: Knex, query: AuditQuery): Promise<AuditEntry[]> {
  const q = db<AuditRow>('audit_log').select('*').orderBy('id', 'desc').limit(query.limit);
  if (query.entityId !== undefined) q.where('entity_id', query.entityId);
  if (query.entityType !== undefined) q.where('entity_type', query.entityType);
  if (query.cursor !== undefined) q.where('id', '<', query.cursor);
  const rows = await q;
  return rows.map((row) => ({
    id: Number(row.id),
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    diff: row.diff ? (JSON.parse(row.diff) as DiffEntry[]) : [],
    at: Number(row.at),
  }));
}
