import type { Knex } from 'knex';
import { z } from 'zod';
import { sha256Hex } from './secret-token.js';

const SessionRowSchema = z.object({ user_id: z.string(), expires_at: z.coerce.number() });

export async function insertSession(db: Knex, token: string, userId: string, now: number, expiresAt: number): Promise<void> {
  await db('sessions').insert({ token_hash: sha256Hex(token), user_id: userId, created_at: now, expires_at: expiresAt });
  // Keep the table small: expired sessions of this user go when they log in again.
  await db('sessions').where({ user_id: userId }).where('expires_at', '<=', now).del();
}

export async function findSession(db: Knex, token: string): Promise<{ userId: string; expiresAt: number } | undefined> {
  const row: unknown = await db('sessions').select('user_id', 'expires_at').where({ token_hash: sha256Hex(token) }).first();
  if (row === undefined) return undefined;
  const parsed = SessionRowSchema.parse(row);
  return { userId: parsed.user_id, expiresAt: parsed.expires_at };
}

export async function deleteSession(db: Knex, token: string): Promise<void> {
  await db('sessions').where({ token_hash: sha256Hex(token) }).del();
}
