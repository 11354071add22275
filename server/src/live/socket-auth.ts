import type { Knex } from 'knex';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth.schema.js';
import { roleAllows, type Role } from '../auth/roles.js';
import { findSession } from '../auth/sessions.repo.js';
import { findUserById, toAuthUser } from '../auth/users.repo.js';

/**
 * Who may watch the war room: screens, and the planners and approvers running the sale (admin
 * always). Analysts read reports instead (see docs/adr/live-war-room.md).
 */
export const LIVE_ROLES: readonly Role[] = ['screen', 'planner', 'approver'];

const HandshakeAuthSchema = z.object({ token: z.string().min(1).max(512) });
/** A burst of reconnecting screens should not become a burst of session queries. */
const CACHE_MS = 5000;

export function createSocketAuth(deps: { db: Knex; now: () => number }) {
  const cache = new Map<string, { user: AuthUser; expiresAt: number; until: number }>();

  async function userFor(token: string): Promise<AuthUser | null> {
    const now = deps.now();
    const cached = cache.get(token);
    if (cached && cached.until > now) return cached.expiresAt > now ? cached.user : null;
    const session = await findSession(deps.db, token);
    const row = session ? await findUserById(deps.db, session.userId) : undefined;
    if (!session || !row) return null;
    const user = toAuthUser(row);
    if (cache.size > 10_000) cache.clear();
    cache.set(token, { user, expiresAt: session.expiresAt, until: now + CACHE_MS });
    return session.expiresAt > now ? user : null;
  }

  /** socket.io namespace middleware: `auth: { token }` of a live role, or the connection is refused. */
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('unauthorized: token required'));
    try {
      const user = await userFor(parsed.data.token);
      if (!user) return next(new Error('unauthorized: session expired or unknown'));
      if (!roleAllows(user.role, LIVE_ROLES)) return next(new Error(`forbidden: role ${user.role} may not watch the war room`));
      socket.data.user = user;
      next();
    } catch {
      next(new Error('internal: could not check the token'));
    }
  };
}
