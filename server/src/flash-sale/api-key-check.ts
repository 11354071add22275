import type { Knex } from 'knex';
import type { Clock } from '../app/deps.js';
import { findActiveApiKey } from '../auth/api-keys.repo.js';
import type { ApiKeyInfo } from '../auth/auth.schema.js';
import { AUTH_EVICT_CHANNEL } from '../auth/auth.service.js';
import type { Scope } from '../auth/roles.js';
import type { PubSub } from '../stores/stores.types.js';

const MAX_ENTRIES = 10_000;
/** Real keys are ~56 characters; longer ones are refused before they can become cache entries. */
const MAX_KEY_LENGTH = 200;

export type KeyCheck = 'ok' | 'unauthorized' | 'forbidden';

/**
 * API-key check for the fast path: a memory map from the presented key to its scopes, filled from
 * SQL on a miss and trusted for `ttlMs` (AUTH_CACHE_MS, as the Express middleware). Unknown keys
 * are remembered as unknown for the same time, so guessing does not reach SQL per request.
 * Revocations arrive on the auth module's `AUTH_EVICT_CHANNEL` at once. The map is keyed by the key
 * itself, not its SHA-256: hashing cost ~5 µs of a ~40 µs request, and the process holds presented
 * keys in memory anyway (SQL keeps only hashes, which is what at-rest hashing protects).
 */
export function createApiKeyCheck(deps: { db: Knex; clock: Clock; pubsub: PubSub; ttlMs: number }) {
  const cache = new Map<string, { info: ApiKeyInfo | null; until: number }>();
  let unsubscribe: (() => Promise<void>) | null = null;

  async function lookup(key: string): Promise<ApiKeyInfo | null> {
    const info = (await findActiveApiKey(deps.db, key)) ?? null;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { info, until: deps.clock.now() + deps.ttlMs });
    return info;
  }

  function verdict(info: ApiKeyInfo | null, scope: Scope): KeyCheck {
    if (!info) return 'unauthorized';
    return info.scopes.includes(scope) ? 'ok' : 'forbidden';
  }

  return {
    /** Synchronous on a cache hit (the common case), so the hot path allocates no promise. */
    check(key: string, scope: Scope): KeyCheck | Promise<KeyCheck> {
      if (key.length > MAX_KEY_LENGTH) return 'unauthorized';
      const hit = cache.get(key);
      if (hit && hit.until > deps.clock.now()) return verdict(hit.info, scope);
      return lookup(key).then((info) => verdict(info, scope));
    },
    async start() {
      unsubscribe = await deps.pubsub.subscribe(AUTH_EVICT_CHANNEL, (message) => {
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
