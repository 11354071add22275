import type { Redis } from 'ioredis';

/** String key/value with optional expiry. Keys are namespaced by the store's prefix. */
export interface KvStore {
  get(key: string): Promise<string | null>;
  /** `ttlMs` absent: no expiry. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when the key is absent; true when it was set. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Atomically adds `by` (may be negative) and returns the new value; `ttlMs` is set when the key has no expiry yet. */
  incrBy(key: string, by: number, ttlMs?: number): Promise<number>;
}

/** A held lock. `release()` only deletes the lock while this holder still owns it. */
export interface Lock {
  readonly key: string;
  readonly token: string;
  /** True when this holder still owned the lock and released it. */
  release(): Promise<boolean>;
}

export interface LockStore {
  /** Null when someone else holds the lock. The lock expires after `ttlMs` even if never released. */
  acquire(key: string, ttlMs: number): Promise<Lock | null>;
}

export interface RateLimitPolicy {
  /** Distinguishes limiters sharing one backend (`api-key`, `ip`, `login`). */
  name: string;
  /** Points allowed per window. */
  points: number;
  durationSec: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until the next point is available (0 when allowed). */
  retryAfterMs: number;
}

export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateLimitDecision>;
}

export interface RateLimiterFactory {
  create(policy: RateLimitPolicy): RateLimiter;
}

export type PubSubHandler = (message: string) => void;

/** Fire-and-forget messages between instances (Redis pub/sub, or an in-process emitter). */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once subscribed; the returned function unsubscribes this handler. */
  subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>>;
}

/** What a script returns: Redis converts Lua numbers to integers, tables to arrays, nil/false to null. */
export type ScriptReply = string | number | null | ScriptReply[];

/**
 * The synchronous data view an in-process script works on: the same keys and semantics as the
 * Redis commands the Lua twin uses. Numbers are stored as strings, as in Redis.
 */
export interface MemoryData {
  get(key: string): string | null;
  set(key: string, value: string, ttlMs?: number): void;
  del(key: string): number;
  exists(key: string): boolean;
  incrBy(key: string, by: number): number;
  /** Remaining time to live in ms; -1 without expiry, -2 when absent (as PTTL). */
  pttl(key: string): number;
  pexpire(key: string, ttlMs: number): boolean;
  hget(key: string, field: string): string | null;
  hset(key: string, field: string, value: string): void;
  hincrBy(key: string, field: string, by: number): number;
  hdel(key: string, field: string): number;
  hgetall(key: string): Record<string, string>;
  sadd(key: string, member: string): number;
  srem(key: string, member: string): number;
  sismember(key: string, member: string): boolean;
  scard(key: string): number;
}

/**
 * One atomic script, written twice: Lua for Redis and a synchronous TypeScript twin for the
 * in-process store. Both receive the already-prefixed KEYS and the ARGV strings.
 */
export interface ScriptDefinition {
  name: string;
  lua: string;
  local(data: MemoryData, keys: string[], args: string[]): ScriptReply;
}

export interface ScriptRunner {
  /** Registers (or replaces) a script; registering the same name twice with the same body is harmless. */
  register(script: ScriptDefinition): void;
  /** Runs a registered script atomically. Keys are prefixed with the store's namespace before the call. */
  runScript(name: string, keys: string[], args: (string | number)[]): Promise<ScriptReply>;
}

/** The Redis-or-in-process layer (see docs/adr/stores-layer.md). */
export interface Stores {
  readonly kind: 'redis' | 'memory';
  /** Namespace every key and channel is given (empty in production; unique per test app). */
  readonly keyPrefix: string;
  kv: KvStore;
  locks: LockStore;
  rateLimiter: RateLimiterFactory;
  pubsub: PubSub;
  scripts: ScriptRunner;
  /** The raw client (no key prefix applied) for the socket.io adapter and queues; null in-process. */
  redis: Redis | null;
  /** Round trip to the backend; throws when unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
