import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../app/app-error.js';
import type { RateLimiter } from '../stores/stores.types.js';
import type { ApiKeyInfo, AuthUser } from './auth.schema.js';
import { authServiceOf } from './auth.service.js';
import { roleAllows, type Role, type Scope } from './roles.js';

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

async function enforce(limiter: RateLimiter | undefined, key: string, res: Response): Promise<void> {
  if (!limiter) return;
  const decision = await limiter.consume(key);
  if (decision.allowed) return;
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  res.setHeader('Retry-After', String(seconds));
  throw new AppError('rate_limited', 'too many requests', { retryAfterMs: decision.retryAfterMs });
}

/**
 * Studio routes: a valid session token (`Authorization: Bearer <token>`) of a user whose role is in
 * `roles` (admin passes every check). 401 without/expired token, 403 for another role.
 * Sets `res.locals.user`.
 */
export function requireUser(...roles: Role[]): RequestHandler {
  return async (req, res, next) => {
    const token = bearer(req);
    if (!token) throw new AppError('unauthorized', 'login required');
    const user = await authServiceOf(req.app).userForToken(token);
    if (!user) throw new AppError('unauthorized', 'session expired or unknown');
    if (!roleAllows(user.role, roles)) throw new AppError('forbidden', `role ${user.role} may not do this`, { allowed: roles });
    res.locals.user = user;
    next();
  };
}

/**
 * Store routes: an active API key (`Authorization: Bearer <key>` or `X-Api-Key`) holding `scope`
 * (any scope when absent).
 * 401 without/unknown/revoked key, 403 without the scope, 429 over the per-IP or per-key rate.
 * Sets `res.locals.apiKey`.
 */
export function requireApiKey(scope?: Scope): RequestHandler {
  return async (req, res, next) => {
    const service = authServiceOf(req.app);
    // Per IP first, so guessing keys costs the guesser its rate.
    await enforce(service.limits.perIp, req.ip ?? 'unknown', res);
    const header = req.headers['x-api-key'];
    const key = (typeof header === 'string' ? header : undefined) ?? bearer(req);
    if (!key) throw new AppError('unauthorized', 'API key required');
    const apiKey = await service.apiKeyFor(key);
    if (!apiKey) throw new AppError('unauthorized', 'unknown or revoked API key');
    if (scope && !apiKey.scopes.includes(scope)) throw new AppError('forbidden', `API key lacks scope ${scope}`, { scope });
    await enforce(service.limits.perKey, apiKey.id, res);
    res.locals.apiKey = apiKey;
    next();
  };
}

/** The user `requireUser` authenticated (throws if the route forgot the middleware). */
export function currentUser(res: Response): AuthUser {
  const user = res.locals.user;
  if (!user) throw new AppError('internal', 'route is missing requireUser');
  return user;
}

/** The API key `requireApiKey` authenticated. */
export function currentApiKey(res: Response): ApiKeyInfo {
  const apiKey = res.locals.apiKey;
  if (!apiKey) throw new AppError('internal', 'route is missing requireApiKey');
  return apiKey;
}

/** Login attempts per IP + username. */
export async function limitLogin(req: Request, res: Response, username: string): Promise<void> {
  await enforce(authServiceOf(req.app).limits.login, `${req.ip ?? 'unknown'}:${username}`, res);
}
