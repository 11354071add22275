import type { Knex } from 'knex';
import type { Member } from './member.schema.js';

type Db = Knex | Knex.Transaction;

interface MemberRow {
  user_id: string;
  level: number | string;
  points: number | string;
  updated_at: number | string;
}

export function emptyMember(userId: string): Member {
  return { userId, level: 0, points: 0, updatedAt: null };
}

export async function findMember(db: Db, userId: string): Promise<Member | null> {
  const row = await db<MemberRow>('members').where({ user_id: userId }).first();
  return row ? { userId: row.user_id, level: Number(row.level), points: Number(row.points), updatedAt: Number(row.updated_at) } : null;
}

/** Creates the member row (level 0, no points) unless it exists; the balance updates then lock it. */
export async function ensureMember(db: Db, userId: string, now: number): Promise<void> {
  await db('members').insert({ user_id: userId, level: 0, points: 0, updated_at: now }).onConflict('user_id').ignore();
}

export async function setLevel(db: Db, userId: string, level: number, now: number): Promise<void> {
  await db('members').insert({ user_id: userId, level, points: 0, updated_at: now }).onConflict('user_id').merge({ level, updated_at: now });
}

/**
 * Adds `delta` to the balance in one conditional UPDATE (a row lock on MariaDB, the write lock on
 * SQLite), so parallel redemptions cannot take it below `floor`. False: the balance was too low.
 * `floor` null: no floor (taking back earned points may leave a debt).
 */
export async function addPoints(db: Db, userId: string, delta: number, floor: number | null, now: number): Promise<boolean> {
  const query = db('members').where({ user_id: userId });
  if (floor !== null && delta < 0) query.andWhere('points', '>=', floor - delta);
  const changed = await query.update({ points: db.raw('points + ?', [delta]), updated_at: now });
  return changed === 1;
}
