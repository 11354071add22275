import type { Knex } from 'knex';
import { createApiKey } from './api-keys.repo.js';
import { verifyPassword } from './password.js';
import { ensureUser, findUserByUsername } from './users.repo.js';
import { ROLES, SCOPES, type Role } from './roles.js';

export interface DemoCredentials {
  users: { username: string; password: string; role: Role }[];
  apiKey: string;
}

const demoUsers = () => ROLES.map((role) => ({ username: role, password: `${role}-demo`, role }));

/** DEMO-ONLY: one user per role (password = `<role>-demo`) and one store key with every scope. */
export async function seedAuth(db: Knex, now: number): Promise<DemoCredentials> {
  const users = demoUsers();
  for (const user of users) await ensureUser(db, { ...user, displayName: `Demo ${user.role}` }, now);
  const created = await createApiKey(db, { name: 'Demo store (all scopes)', scopes: [...SCOPES] }, now);
  return { users, apiKey: created.key };
}

/**
 * The demo users that still log in with their public demo password, so every later start can
 * remind (and warn) that they work. The demo key cannot be shown again: only its hash is stored.
 */
export async function activeDemoUsers(db: Knex): Promise<DemoCredentials['users']> {
  const active: DemoCredentials['users'] = [];
  for (const user of demoUsers()) {
    const row = await findUserByUsername(db, user.username);
    if (row && (await verifyPassword(user.password, row.password_hash))) active.push(user);
  }
  return active;
}
