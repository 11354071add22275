import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { consumeWith } from '../rate-limit-decision.js';
import type { KvStore, LockStore, RateLimiterFactory, Stores } from '../stores.types.js';
import { redisPubSub } from './redis-pubsub.js';
import { redisScripts } from './redis-scripts.js';

const INCR_WITH_TTL = `local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if ARGV[2] ~= '' and redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`;

const RELEASE_OWN_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

function redisKv(redis: Redis, prefix: string, run: Stores['scripts']): KvStore {
  return {
    get: (key) => redis.get(prefix + key),
    async set(key, value, ttlMs) {
      if (ttlMs === undefined) await redis.set(prefix + key, value);
      else await redis.set(prefix + key, value, 'PX', ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      const reply = ttlMs === undefined ? await redis.set(prefix + key, value, 'NX') : await redis.set(prefix + key, value, 'PX', ttlMs, 'NX');
      return reply === 'OK';
    },
    async del(key) {
      await redis.del(prefix + key);
    },
    async incrBy(key, by, ttlMs) {
      if (ttlMs === undefined) return redis.incrby(prefix + key, by);
      return Number(await run.runScript('stores:incr-with-ttl', [key], [by, ttlMs]));
    },
  };
}

function redisLocks(redis: Redis, prefix: string, run: Stores['scripts']): LockStore {
  return {
    async acquire(key, ttlMs) {
      const token = randomBytes(16).toString('hex');
      const reply = await redis.set(`${prefix}lock:${key}`, token, 'PX', ttlMs, 'NX');
      if (reply !== 'OK') return null;
      return {
        key,
        token,
        release: async () => Number(await run.runScript('stores:release-lock', [`lock:${key}`], [token])) === 1,
      };
    },
  };
}

function redisRateLimiter(redis: Redis, prefix: string): RateLimiterFactory {
  return {
    create(policy) {
      const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}rl:${policy.name}:${policy.points}:${policy.durationSec}`, points: policy.points, duration: policy.durationSec });
      return { consume: (key, points = 1) => consumeWith(limiter, key, points) };
    },
  };
}

/** Connects (failing fast when Redis is unreachable at boot) and builds every store on it. */
export async function createRedisStores(url: string, keyPrefix: string, logger: Logger): Promise<Stores> {
  const redis = new Redis(url, {
    lazyConnect: true,
    // A command fails after a few reconnect attempts instead of hanging while Redis is down.
    maxRetriesPerRequest: 3,
    connectTimeout: 5000,
  });
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'));
  await redis.connect();
  const scripts = redisScripts(redis, keyPrefix);
  // The stores' own Redis-only helpers; the in-process stores do these inline, so no TS twin is ever run.
  scripts.register({ name: 'stores:incr-with-ttl', lua: INCR_WITH_TTL, local: () => null });
  scripts.register({ name: 'stores:release-lock', lua: RELEASE_OWN_LOCK, local: () => null });
  const pubsub = redisPubSub(redis, keyPrefix);
  return {
    kind: 'redis',
    keyPrefix,
    kv: redisKv(redis, keyPrefix, scripts),
    locks: redisLocks(redis, keyPrefix, scripts),
    rateLimiter: redisRateLimiter(redis, keyPrefix),
    pubsub,
    scripts,
    redis,
    async ping() {
      await redis.ping();
    },
    async close() {
      await pubsub.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
