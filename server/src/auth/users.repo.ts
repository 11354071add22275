import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { AuthUser } from './auth.schema.js';
import { hashPassword } from './password.js';
import { RoleSchema, type Role } from './roles.js';

const UserRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  password_hash: z.string(),
  role: RoleSchema,
  display_name: z.string(),
  locale: z.string(),
});
export type UserRow = z.infer<typeof UserRowSchema>;

export function toAuthUser(row: UserRow): AuthUser {
  return { id: row.id, username: row.username, role: row.role, displayName: row.display_name, locale: row.locale };
}

export async function findUserByUsername(db: Knex, username: string): Promise<UserRow | undefined> {
  const row: unknown = await db('users').where({ username }).first();
  return row === undefined ? undefined : UserRowSchema.parse(row);
}

export async function findUserById(db: Knex, id: string): Promise<UserRow | undefined> {
  const row: unknown = await db('users').where({ id }).first();
  return row === undefined ? undefined : UserRowSchema.parse(row);
}

export interface EnsureUserInput {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
  locale?: string;
}

/**
 * Creates the user when the username is free; an existing user is returned unchanged (seeding is
 * idempotent and never resets a password someone changed).
 */
export async function ensureUser(db: Knex, input: EnsureUserInput, now: number = Date.now()): Promise<AuthUser> {
  const existing = await findUserByUsername(db, input.username);
  if (existing) return toAuthUser(existing);
  const row: UserRow = {
    id: randomUUID(),
    username: input.username,
    password_hash: await hashPassword(input.password),
    role: input.role,
    display_name: input.displayName ?? input.username,
    locale: input.locale ?? 'zh-CN',
  };
  await db('users').insert({ ...row, created_at: now });
  return toAuthUser(row);
}
