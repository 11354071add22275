import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type {
  KvStore,
  Lock,
  LockStore,
  PubSub,
  PubSubHandler,
  RateLimiterFactory,
  ScriptDefinition,
  ScriptRunner,
  Stores,
} from '../stores.types.js';
import { consumeWith } from '../rate-limit-decision.js';
import { InProcessData } from './memory-data.js';

function memoryKv(data: InProcessData, prefix: string): KvStore {
  return {
    get: (key) => Promise.resolve(data.get(prefix + key)),
    set: (key, value, ttlMs) => Promise.resolve(data.set(prefix + key, value, ttlMs)),
    setIfAbsent(key, value, ttlMs) {
      if (data.exists(prefix + key)) return Promise.resolve(false);
      data.set(prefix + key, value, ttlMs);
      return Promise.resolve(true);
    },
    del: (key) => Promise.resolve(void data.del(prefix + key)),
    incrBy(key, by, ttlMs) {
      const value = data.incrBy(prefix + key, by);
      if (ttlMs !== undefined && data.pttl(prefix + key) === -1) data.pexpire(prefix + key, ttlMs);
      return Promise.resolve(value);
    },
  };
}

function memoryLocks(data: InProcessData, prefix: string): LockStore {
  return {
    acquire(key, ttlMs) {
      const fullKey = `${prefix}lock:${key}`;
      if (data.exists(fullKey)) return Promise.resolve(null);
      const token = randomBytes(16).toString('hex');
      data.set(fullKey, token, ttlMs);
      const lock: Lock = {
        key,
        token,
        release() {
          if (data.exists(fullKey) && data.get(fullKey) === token) {
            data.del(fullKey);
            return Promise.resolve(true);
          }
          return Promise.resolve(false);
        },
      };
      return Promise.resolve(lock);
    },
  };
}

/** Limiters of one policy share their counts, as they would in Redis. */
function memoryRateLimiter(prefix: string): RateLimiterFactory {
  const limiters = new Map<string, RateLimiterMemory>();
  return {
    create(policy) {
      const id = `${prefix}rl:${policy.name}:${policy.points}:${policy.durationSec}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = new RateLimiterMemory({ keyPrefix: id, points: policy.points, duration: policy.durationSec });
        limiters.set(id, limiter);
      }
      const shared = limiter;
      return { consume: (key, points = 1) => consumeWith(shared, key, points) };
    },
  };
}

/** Delivery is deferred to a later tick, as with Redis, so a publisher never runs subscribers inline. */
function memoryPubSub(emitter: EventEmitter, prefix: string): PubSub {
  return {
    publish(channel, message) {
      const name = prefix + channel;
      setImmediate(() => emitter.emit(name, message));
      return Promise.resolve();
    },
    subscribe(channel, handler: PubSubHandler) {
      const name = prefix + channel;
      emitter.on(name, handler);
      return Promise.resolve(() => {
        emitter.off(name, handler);
        return Promise.resolve();
      });
    },
  };
}

function memoryScripts(data: InProcessData, prefix: string): ScriptRunner {
  const scripts = new Map<string, ScriptDefinition>();
  return {
    register(script) {
      scripts.set(script.name, script);
    },
    runScript(name, keys, args) {
      const script = scripts.get(name);
      if (!script) return Promise.reject(new Error(`script ${name} is not registered`));
      try {
        return Promise.resolve(script.local(data, keys.map((k) => prefix + k), args.map(String)));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
  };
}

/**
 * The embedded default: everything in this process. Several app instances in one process (tests)
 * share one `Stores` to behave like instances sharing one Redis.
 */
export function createMemoryStores(keyPrefix = ''): Stores {
  const data = new InProcessData();
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const sweeper = setInterval(() => data.sweep(), 60_000);
  sweeper.unref();
  let closed = false;
  return {
    kind: 'memory',
    keyPrefix,
    kv: memoryKv(data, keyPrefix),
    locks: memoryLocks(data, keyPrefix),
    rateLimiter: memoryRateLimiter(keyPrefix),
    pubsub: memoryPubSub(emitter, keyPrefix),
    scripts: memoryScripts(data, keyPrefix),
    redis: null,
    ping: () => (closed ? Promise.reject(new Error('stores closed')) : Promise.resolve()),
    close() {
      closed = true;
      clearInterval(sweeper);
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}
