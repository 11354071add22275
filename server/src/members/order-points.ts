import type { Knex } from 'knex';
import { addPoints, ensureMember } from './member.repo.js';
import { insertLedger, ledgerOfOrder } from './points-ledger.repo.js';

export interface OrderPoints {
  userId: string;
  orderId: string;
  /** Points the priced result used (consumed now). */
  redeem: number;
  /** Points the order earns (credited now). */
  earn: number;
  now: number;
}

/** Members this process has seen stored, so commits skip the insert-if-absent (member rows are never deleted). */
export function createKnownMembers(max = 100_000) {
  const known = new Set<string>();
  return {
    has: (userId: string) => known.has(userId),
    add(userId: string) {
      if (known.size >= max) known.delete(known.values().next().value as string);
      known.add(userId);
    },
  };
}
export type KnownMembers = ReturnType<typeof createKnownMembers>;

/**
 * Before the commit transaction: the member row exists, so the transaction only updates it (two
 * parallel first inserts of one row would deadlock each other on MariaDB). One write per member
 * per process, not per commit.
 */
export async function prepareOrderPoints(db: Knex, points: OrderPoints, known?: KnownMembers): Promise<void> {
  if (points.redeem === 0 && points.earn === 0) return;
  if (known?.has(points.userId)) return;
  await ensureMember(db, points.userId, points.now);
  known?.add(points.userId);
}

/**
 * Inside the commit transaction: consumes the redeemed points (never below 0, even under parallel
 * commits of one member) and credits the earned ones, each with its ledger row. False: too few
 * points left, nothing changed by this call.
 */
export async function applyOrderPoints(trx: Knex.Transaction, p: OrderPoints): Promise<boolean> {
  if (p.redeem > 0) {
    if (!(await addPoints(trx, p.userId, -p.redeem, 0, p.now))) return false;
    await insertLedger(trx, { userId: p.userId, orderId: p.orderId, delta: -p.redeem, reason: 'redeem', now: p.now });
  }
  if (p.earn > 0) {
    // The member row exists (prepareOrderPoints); should it be gone anyway, create it rather than lose the points.
    if (!(await addPoints(trx, p.userId, p.earn, null, p.now))) {
      await ensureMember(trx, p.userId, p.now);
      await addPoints(trx, p.userId, p.earn, null, p.now);
    }
    await insertLedger(trx, { userId: p.userId, orderId: p.orderId, delta: p.earn, reason: 'earn', now: p.now });
  }
  return true;
}

/**
 * Inside the cancel transaction: gives back what the order redeemed and takes back what it earned,
 * once each (the unique `(order_id, reason)` is the second guard). Taking back may leave a debt
 * when the member already spent the earned points; a debt blocks redemption until earned back.
 */
export async function reverseOrderPoints(trx: Knex.Transaction, orderId: string, now: number): Promise<void> {
  const rows = await ledgerOfOrder(trx, orderId);
  const done = new Set(rows.map((r) => r.reason));
  for (const row of rows) {
    const undo = row.reason === 'redeem' ? 'release' : row.reason === 'earn' ? 'reverse' : null;
    if (undo === null || done.has(undo)) continue;
    await addPoints(trx, row.userId, -row.delta, null, now);
    await insertLedger(trx, { userId: row.userId, orderId, delta: -row.delta, reason: undo, now });
  }
}
