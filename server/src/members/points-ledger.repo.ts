import type { Knex } from 'knex';
import { PointsReasonSchema, type LedgerEntry, type PointsReason } from './member.schema.js';

type Db = Knex | Knex.Transaction;

interface LedgerRow {
  id: number | string;
  user_id: string;
  order_id: string | null;
  delta: number | string;
  reason: string;
  note: string | null;
  created_at: number | string;
}

export interface LedgerInsert {
  userId: string;
  orderId: string | null;
  delta: number;
  reason: PointsReason;
  note?: string | null;
  now: number;
}

/** Appends one row and returns its id; a repeated `(orderId, reason)` throws a unique violation. */
export async function insertLedger(db: Db, entry: LedgerInsert): Promise<number> {
  const [id] = await db('points_ledger').insert({
    user_id: entry.userId,
    order_id: entry.orderId,
    delta: entry.delta,
    reason: entry.reason,
    note: entry.note ?? null,
    created_at: entry.now,
  });
  return Number(id);
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    id: Number(row.id),
    userId: row.user_id,
    orderId: row.order_id,
    delta: Number(row.delta),
    reason: PointsReasonSchema.parse(row.reason),
    note: row.note,
    createdAt: Number(row.created_at),
  };
}

/** The ledger rows of one order (earn, redeem, release, reverse). */
export async function ledgerOfOrder(db: Db, orderId: string): Promise<LedgerEntry[]> {
  const rows = await db<LedgerRow>('points_ledger').where({ order_id: orderId }).whereNot({ reason: 'adjust' }).orderBy('id');
  return rows.map(toEntry);
}

/** The row a keyed adjustment wrote, if it was already applied. */
export async function findAdjustment(db: Db, adjustmentId: string): Promise<LedgerEntry | null> {
  const row = await db<LedgerRow>('points_ledger').where({ order_id: adjustmentId, reason: 'adjust' }).first();
  return row ? toEntry(row) : null;
}

export async function latestLedger(db: Db, userId: string, limit: number): Promise<LedgerEntry[]> {
  const rows = await db<LedgerRow>('points_ledger').where({ user_id: userId }).orderBy('id', 'desc').limit(limit);
  return rows.map(toEntry);
}
