import { z } from 'zod';

/**
 * Studio roles. `admin` may do everything; the others are granted per route (see docs/adr/auth-tokens-and-api-keys.md):
 * planner designs and edits campaigns, approver publishes when approval is required, analyst reads
 * reports, screen only watches live dashboards.
 */
export const RoleSchema = z.enum(['admin', 'planner', 'approver', 'analyst', 'screen']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

/** What a store API key may call. */
export const ScopeSchema = z.enum(['quote', 'orders', 'flash', 'events', 'inventory']);
export type Scope = z.infer<typeof ScopeSchema>;
export const SCOPES = ScopeSchema.options;

/** admin ⊇ every role; other roles are only what they are. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return role === 'admin' || allowed.includes(role);
}
