import type { Knex } from 'knex';
import { createApiKey } from './api-keys.repo.js';
import { ensureUser } from './users.repo.js';
import { ROLES, SCOPES, type Role } from './roles.js';

export interface DemoCredentials {
  users: { username: string; password: string; role: Role }[];
  apiKey: string;
}

/** DEMO-ONLY: one user per role (password = `<role>-demo`) and one store key with every scope. */
export async function seedAuth(db: Knex, now: number): Promise<DemoCredentials> {
  const users = ROLES.map((role) => ({ username: role, password: `${role}-demo`, role }));
  for (const user of users) await ensureUser(db, { ...user, displayName: `Demo ${user.role}` }, now);
  const created = await createApiKey(db, { name: 'Demo store (all scopes)', scopes: [...SCOPES] }, now);
  return { users, apiKey: created.key };
}
