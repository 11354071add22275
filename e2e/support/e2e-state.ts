import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Environment variable naming the JSON file global setup writes for the specs. */
export const E2E_STATE_ENV = 'PROMO_E2E_STATE';

const RoleSchema = z.enum(['admin', 'planner', 'approver', 'analyst', 'screen']);

/** What the specs need from the running stack: where the server is and the demo credentials it printed. */
export const E2eStateSchema = z.object({
  baseUrl: z.string().url(),
  apiKey: z.string().min(1),
  users: z.array(z.object({ username: z.string().min(1), password: z.string().min(1), role: RoleSchema })).min(1),
});
export type E2eState = z.infer<typeof E2eStateSchema>;
export type Role = z.infer<typeof RoleSchema>;

let cached: E2eState | undefined;

/** The state global setup wrote; fails loudly when the specs run without it. */
export function readE2eState(): E2eState {
  if (cached) return cached;
  const file = process.env[E2E_STATE_ENV];
  if (!file) throw new Error(`${E2E_STATE_ENV} is not set: run the specs through playwright.config.ts (its globalSetup starts the stack)`);
  cached = E2eStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return cached;
}

/** The demo user of `role` (one is seeded per role). */
export function demoUser(role: Role, state: E2eState = readE2eState()): { username: string; password: string } {
  const user = state.users.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}
