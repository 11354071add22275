import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { AuthService } from '../auth/auth.service.js';
import { roleAllows, type Role } from '../auth/roles.js';

/**
 * Who may watch the war room: screens, and the planners and approvers running the sale (admin
 * always). Analysts read reports instead (see docs/adr/live-war-room.md).
 */
export const LIVE_ROLES: readonly Role[] = ['screen', 'planner', 'approver'];

const HandshakeAuthSchema = z.object({ token: z.string().min(1).max(512) });

/** `auth` is the app's auth service: its session cache is evicted on logout on every instance. */
export function createSocketAuth(auth: Pick<AuthService, 'userForToken'>) {
  /** socket.io namespace middleware: `auth: { token }` of a live role, or the connection is refused. */
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('unauthorized: token required'));
    try {
      const user = await auth.userForToken(parsed.data.token);
      if (!user) return next(new Error('unauthorized: session expired or unknown'));
      if (!roleAllows(user.role, LIVE_ROLES)) return next(new Error(`forbidden: role ${user.role} may not watch the war room`));
      socket.data.user = user;
      next();
    } catch {
      next(new Error('internal: could not check the token'));
    }
  };
}
