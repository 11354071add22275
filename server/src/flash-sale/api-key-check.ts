import type { Knex } from 'knex';
import type { Clock } from '../app/deps.js';
import { findActiveApiKey } from '../auth/api-keys.repo.js';
import type { ApiKeyInfo } from '../auth/auth.schema.js';
import type { Scope } from '../auth/roles.js';
import { sha256Hex } from '../auth/secret-token.js';
import type { PubSub } from '../stores/stores.types.js';

/** The auth module's eviction channel (revocations reach every instance's caches). */
const EVICT_CHANNEL = 'auth:evict';
const MAX_ENTRIES = 10_000;

export type KeyCheck = 'ok' | 'unauthorized' | 'forbidden';

/**
 * API-key check for the fast path: a memory map from the key's SHA-256 to its scopes, filled from
 * SQL on a miss and trusted for `ttlMs` (AUTH_CACHE_MS, as the Express middleware). Unknown keys
 * are remembered as unknown for the same time, so guessing does not reach SQL per request.
 * Revocations arrive on `auth:evict` at once.
 */
export function createApiKeyCheck(deps: { db: Knex; clock: Clock; pubsub: PubSub; ttlMs: number }) {
  const cache = new Map<string, { info: ApiKeyInfo | null; until: number }>();
  let unsubscribe: (() => Promise<void>) | null = null;

  async function lookup(key: string, hash: string): Promise<ApiKeyInfo | null> {
    const info = (await findActiveApiKey(deps.db, key)) ?? null;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(hash, { info, until: deps.clock.now() + deps.ttlMs });
    return info;
  }

  function verdict(info: ApiKeyInfo | null, scope: Scope): KeyCheck {
    if (!info) return 'unauthorized';
    return info.scopes.includes(scope) ? 'ok' : 'forbidden';
  }

  return {
    /** Synchronous on a cache hit (the common case), so the hot path allocates no promise. */
    check(key: string, scope: Scope): KeyCheck | Promise<KeyCheck> {
      const hash = sha256Hex(key);
      const hit = cache.get(hash);
      if (hit && hit.until > deps.clock.now()) return verdict(hit.info, scope);
      return lookup(key, hash).then((info) => verdict(info, scope));
    },
    async start() {
      unsubscribe = await deps.pubsub.subscribe(EVICT_CHANNEL, (message) => {
        // Any eviction clears the small cache: simpler than mirroring the message format, and rare.
        if (message) cache.clear();
      });
    },
    async close() {
      await unsubscribe?.();
    },
  };
}
export type ApiKeyCheck = ReturnType<typeof createApiKeyCheck>;
