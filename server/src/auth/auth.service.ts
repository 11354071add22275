import type { Application } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/deps.js';
import type { RateLimiter } from '../stores/stores.types.js';
import { findActiveApiKey, revokeApiKey } from './api-keys.repo.js';
import { AuthCache } from './auth-cache.js';
import type { ApiKeyInfo, AuthUser } from './auth.schema.js';
import { hashPassword, verifyPassword } from './password.js';
import { newSessionToken, sha256Hex } from './secret-token.js';
import { deleteSession, findSession, insertSession } from './sessions.repo.js';
import { findUserById, findUserByUsername, toAuthUser } from './users.repo.js';

/**
 * Pub/sub channel of auth cache evictions (logouts, key revocations), so every instance's caches
 * drop them at once. Other caches of tokens or keys (the flash fast path's) listen here too.
 */
export const AUTH_EVICT_CHANNEL = 'auth:evict';
const EvictSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), hash: z.string() }),
  z.object({ kind: z.literal('apiKey'), id: z.string() }),
]);
type Evict = z.infer<typeof EvictSchema>;

export interface LoginResult {
  token: string;
  expiresAt: number;
  user: AuthUser;
}

export interface AuthService {
  /** Null for an unknown user or a wrong password (the caller cannot tell which). */
  login(username: string, password: string): Promise<LoginResult | null>;
  logout(token: string): Promise<void>;
  /** The user of a live session token, or null (unknown or expired). */
  userForToken(token: string): Promise<AuthUser | null>;
  /** The active API key with this plain value, or null. */
  apiKeyFor(key: string): Promise<ApiKeyInfo | null>;
  revokeApiKey(id: string): Promise<boolean>;
  /** Per-policy limiters; undefined when the policy is disabled (0). */
  readonly limits: { perKey?: RateLimiter; perIp?: RateLimiter; login?: RateLimiter };
  start(): Promise<void>;
  close(): Promise<void>;
}

interface CachedSession {
  user: AuthUser;
  expiresAt: number;
}

export function createAuthService(deps: AppDeps): AuthService {
  const { db, clock, config, stores } = deps;
  const now = () => clock.now();
  const sessions = new AuthCache<CachedSession>(config.AUTH_CACHE_MS, now);
  const keys = new AuthCache<ApiKeyInfo>(config.AUTH_CACHE_MS, now);
  // Compared against when the username is unknown, so both failures take the same time.
  const decoyHash = hashPassword('decoy password');
  let unsubscribe: (() => Promise<void>) | undefined;

  function evictLocally(evict: Evict): void {
    if (evict.kind === 'token') sessions.delete(evict.hash);
    else keys.deleteWhere((info) => info.id === evict.id);
  }

  async function evictEverywhere(evict: Evict): Promise<void> {
    evictLocally(evict);
    await stores.pubsub.publish(AUTH_EVICT_CHANNEL, JSON.stringify(evict));
  }

  const limiter = (name: string, points: number, durationSec: number) =>
    points > 0 ? stores.rateLimiter.create({ name, points, durationSec }) : undefined;

  return {
    limits: {
      perKey: limiter('api-key', config.RATE_LIMIT_KEY_PER_SEC, 1),
      perIp: limiter('ip', config.RATE_LIMIT_IP_PER_SEC, 1),
      login: limiter('login', config.RATE_LIMIT_LOGIN_PER_MIN, 60),
    },

    async login(username, password) {
      const row = await findUserByUsername(db, username);
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
      if (!row || !ok) return null;
      const token = newSessionToken();
      const expiresAt = now() + config.TOKEN_TTL_MINUTES * 60_000;
      await insertSession(db, token, row.id, now(), expiresAt);
      return { token, expiresAt, user: toAuthUser(row) };
    },

    async logout(token) {
      await deleteSession(db, token);
      await evictEverywhere({ kind: 'token', hash: sha256Hex(token) });
    },

    async userForToken(token) {
      const hash = sha256Hex(token);
      let session = sessions.get(hash);
      if (!session) {
        const found = await findSession(db, token);
        const user = found ? await findUserById(db, found.userId) : undefined;
        if (!found || !user) return null;
        session = { user: toAuthUser(user), expiresAt: found.expiresAt };
        sessions.set(hash, session);
      }
      return session.expiresAt > now() ? session.user : null;
    },

    apiKeyFor(key) {
      return keys.load(sha256Hex(key), async () => (await findActiveApiKey(db, key)) ?? null);
    },

    async revokeApiKey(id) {
      const revoked = await revokeApiKey(db, id, now());
      await evictEverywhere({ kind: 'apiKey', id });
      return revoked;
    },

    async start() {
      unsubscribe = await stores.pubsub.subscribe(AUTH_EVICT_CHANNEL, (message) => {
        const parsed = EvictSchema.safeParse(parseJsonOrNull(message));
        if (parsed.success) evictLocally(parsed.data);
      });
    },

    async close() {
      await unsubscribe?.();
    },
  };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const services = new WeakMap<Application, AuthService>();

/** Binds the service to an app so the middlewares (which get only `req`) can find it. */
export function attachAuthService(app: Application, service: AuthService): void {
  services.set(app, service);
}

export function authServiceOf(app: Application): AuthService {
  const service = services.get(app);
  if (!service) throw new Error('auth service not attached: the app was not made by createApp');
  return service;
}
