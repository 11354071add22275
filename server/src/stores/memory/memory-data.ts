import type { MemoryData } from '../stores.types.js';

type Entry =
  | { type: 'string'; value: string; expiresAt: number }
  | { type: 'hash'; value: Map<string, string>; expiresAt: number }
  | { type: 'set'; value: Set<string>; expiresAt: number };

const NEVER = Number.POSITIVE_INFINITY;

function wrongType(key: string): Error {
  return new Error(`WRONGTYPE operation against key ${key} holding the wrong kind of value`);
}

function toInteger(key: string, raw: string | null | undefined): number {
  if (raw === null || raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`ERR value is not an integer or out of range (${key})`);
  return n;
}

/**
 * The in-process twin of the Redis data the stores use: strings, hashes and sets with expiry,
 * evaluated lazily (an expired key behaves as absent), with real time like Redis.
 * Everything is synchronous, so a script running on it is atomic within the process.
 */
export class InProcessData implements MemoryData {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private expiry(ttlMs: number | undefined): number {
    return ttlMs === undefined ? NEVER : this.now() + ttlMs;
  }

  get(key: string): string | null {
    const entry = this.live(key);
    if (!entry) return null;
    if (entry.type !== 'string') throw wrongType(key);
    return entry.value;
  }

  set(key: string, value: string, ttlMs?: number): void {
    this.entries.set(key, { type: 'string', value, expiresAt: this.expiry(ttlMs) });
  }

  del(key: string): number {
    const existed = this.live(key) !== undefined;
    this.entries.delete(key);
    return existed ? 1 : 0;
  }

  exists(key: string): boolean {
    return this.live(key) !== undefined;
  }

  incrBy(key: string, by: number): number {
    const entry = this.live(key);
    if (entry && entry.type !== 'string') throw wrongType(key);
    const next = toInteger(key, entry?.value) + by;
    this.entries.set(key, { type: 'string', value: String(next), expiresAt: entry?.expiresAt ?? NEVER });
    return next;
  }

  pttl(key: string): number {
    const entry = this.live(key);
    if (!entry) return -2;
    return entry.expiresAt === NEVER ? -1 : entry.expiresAt - this.now();
  }

  pexpire(key: string, ttlMs: number): boolean {
    const entry = this.live(key);
    if (!entry) return false;
    entry.expiresAt = this.now() + ttlMs;
    return true;
  }

  private hash(key: string, create: boolean): Map<string, string> | undefined {
    const entry = this.live(key);
    if (entry && entry.type !== 'hash') throw wrongType(key);
    if (entry) return entry.value;
    if (!create) return undefined;
    const value = new Map<string, string>();
    this.entries.set(key, { type: 'hash', value, expiresAt: NEVER });
    return value;
  }

  hget(key: string, field: string): string | null {
    return this.hash(key, false)?.get(field) ?? null;
  }

  hset(key: string, field: string, value: string): void {
    this.hash(key, true)!.set(field, value);
  }

  hincrBy(key: string, field: string, by: number): number {
    const hash = this.hash(key, true)!;
    const next = toInteger(key, hash.get(field)) + by;
    hash.set(field, String(next));
    return next;
  }

  hdel(key: string, field: string): number {
    const hash = this.hash(key, false);
    if (!hash?.delete(field)) return 0;
    if (hash.size === 0) this.entries.delete(key);
    return 1;
  }

  hgetall(key: string): Record<string, string> {
    return Object.fromEntries(this.hash(key, false) ?? []);
  }

  private members(key: string, create: boolean): Set<string> | undefined {
    const entry = this.live(key);
    if (entry && entry.type !== 'set') throw wrongType(key);
    if (entry) return entry.value;
    if (!create) return undefined;
    const value = new Set<string>();
    this.entries.set(key, { type: 'set', value, expiresAt: NEVER });
    return value;
  }

  sadd(key: string, member: string): number {
    const set = this.members(key, true)!;
    if (set.has(member)) return 0;
    set.add(member);
    return 1;
  }

  srem(key: string, member: string): number {
    const set = this.members(key, false);
    if (!set?.delete(member)) return 0;
    if (set.size === 0) this.entries.delete(key);
    return 1;
  }

  sismember(key: string, member: string): boolean {
    return this.members(key, false)?.has(member) ?? false;
  }

  scard(key: string): number {
    return this.members(key, false)?.size ?? 0;
  }

  /** Drops expired keys so a long-running process does not keep them (lazy expiry alone would). */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
