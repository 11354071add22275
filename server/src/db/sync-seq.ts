import type { Knex } from 'knex';

/**
 * Takes the next server-wide sync sequence number. Call it inside the transaction that writes the
 * document: the counter row stays locked until commit, so a reader never sees seq N+1 committed
 * while N is still in flight (an auto-increment would allow that and make pull cursors skip changes).
 * It serialises document writes, which is fine for studio-rate writes.
 */
export async function nextSyncSeq(trx: Knex.Transaction): Promise<number> {
  await trx('sync_seq').where({ id: 1 }).increment('value', 1);
  const row = (await trx('sync_seq').where({ id: 1 }).first('value')) as { value: number | string } | undefined;
  if (!row) throw new Error('sync_seq row missing: migrations not applied');
  return Number(row.value);
}

export interface SyncChange {
  entityType: string;
  entityId: string;
  version: number;
  deleted: boolean;
  at: number;
}

/** Records one document change under a fresh sequence number (in `trx`) and returns the number. */
export async function recordSyncChange(trx: Knex.Transaction, change: SyncChange): Promise<number> {
  const seq = await nextSyncSeq(trx);
  await trx('sync_changes').insert({
    seq,
    entity_type: change.entityType,
    entity_id: change.entityId,
    version: change.version,
    deleted: change.deleted,
    at: change.at,
  });
  return seq;
}
