import { z } from 'zod';
import { UserSchema, type Role } from '../api/api.schema.js';

export const SessionSchema = z.object({
  token: z.string().min(1),
  user: UserSchema,
  /** '' = same origin (the web build); an absolute URL in Electron. */
  apiBase: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

const KEY = 'promo.session';

/** The saved session survives restarts so the studio opens (and works) offline. */
export function loadSession(storage: Pick<Storage, 'getItem'>): Session | null {
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'>, session: Session | null): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

/** One local database per server and user, so two planners on one machine never mix outboxes. */
export function databaseName(session: Pick<Session, 'apiBase' | 'user'>): string {
  return `promo-studio:${session.user.username}@${session.apiBase || 'same-origin'}`;
}

const EDITORS: readonly Role[] = ['admin', 'planner', 'approver'];

/** Who may change campaigns locally (analysts and screens read only). */
export function canEdit(role: Role): boolean {
  return EDITORS.includes(role);
}

/** Who may publish: approvers and admins when approval is required, planners too otherwise. */
export function canPublish(role: Role, requireApproval: boolean): boolean {
  if (role === 'admin' || role === 'approver') return true;
  return role === 'planner' && !requireApproval;
}
