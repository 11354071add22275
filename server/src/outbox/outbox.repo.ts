import type { Knex } from 'knex';
import { z } from 'zod';

/** A message to deliver at least once; `dedupeKey` makes enqueueing the same event twice a no-op. */
export interface OutboxMessage {
  topic: string;
  dedupeKey: string;
  payload: unknown;
}

export interface OutboxRow {
  id: number;
  topic: string;
  dedupeKey: string;
  payload: string;
  attempts: number;
}

const RowSchema = z.object({ id: z.coerce.number(), topic: z.string(), dedupe_key: z.string(), payload: z.string(), attempts: z.coerce.number() });

/**
 * Enqueues in the caller's transaction, so the message exists exactly when the state change that
 * caused it was committed (the outbox pattern).
 */
export async function enqueueOutbox(trx: Knex | Knex.Transaction, messages: readonly OutboxMessage[], now: number): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => ({
    topic: m.topic,
    dedupe_key: m.dedupeKey,
    payload: JSON.stringify(m.payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    locked_until: null,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200) await trx('outbox').insert(rows.slice(i, i + 200)).onConflict('dedupe_key').ignore();
}

/**
 * Leases up to `limit` due messages to this worker until `leaseUntil`. The conditional update
 * makes two workers (instances) racing for a row take it once.
 */
export async function leaseDue(db: Knex, topics: readonly string[], now: number, leaseUntil: number, limit: number): Promise<OutboxRow[]> {
  const candidates: unknown[] = await db('outbox')
    .where({ status: 'pending' })
    .whereIn('topic', [...topics])
    .where('next_attempt_at', '<=', now)
    .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', now))
    .orderBy('id')
    .limit(limit)
    .select('id', 'topic', 'dedupe_key', 'payload', 'attempts');
  const leased: OutboxRow[] = [];
  for (const raw of candidates) {
    const row = RowSchema.parse(raw);
    const taken = await db('outbox')
      .where({ id: row.id, status: 'pending' })
      .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', now))
      .update({ locked_until: leaseUntil });
    if (taken === 1) leased.push({ id: row.id, topic: row.topic, dedupeKey: row.dedupe_key, payload: row.payload, attempts: row.attempts });
  }
  return leased;
}

export async function markDelivered(db: Knex, id: number, now: number): Promise<void> {
  await db('outbox').where({ id }).update({ status: 'delivered', delivered_at: now, locked_until: null, attempts: db.raw('attempts + 1') });
}

/** Schedules a retry at `nextAttemptAt`, or gives up (`dead`) when it is null. */
export async function markFailed(db: Knex, id: number, error: string, nextAttemptAt: number | null): Promise<void> {
  await db('outbox')
    .where({ id })
    .update({
      status: nextAttemptAt === null ? 'dead' : 'pending',
      next_attempt_at: nextAttemptAt ?? 0,
      locked_until: null,
      last_error: error.slice(0, 500),
      attempts: db.raw('attempts + 1'),
    });
}

export async function outboxStatus(db: Knex, dedupeKey: string): Promise<{ status: string; attempts: number } | null> {
  const row: unknown = await db('outbox').where({ dedupe_key: dedupeKey }).first('status', 'attempts');
  return row === undefined ? null : z.object({ status: z.string(), attempts: z.coerce.number() }).parse(row);
}
