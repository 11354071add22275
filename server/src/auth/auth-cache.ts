/**
 * A small time-bounded cache for authenticated tokens and keys, so a hot store route does not hit
 * SQL on every request. Entries live `ttlMs` (AUTH_CACHE_MS); evictions are also broadcast so
 * logouts and revocations reach other instances at once (see docs/adr/auth-tokens-and-api-keys.md).
 */
export class AuthCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private readonly pending = new Map<string, Promise<V | null>>();
  // Bumped by every eviction, so a load that was running across one does not cache what it read.
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /**
   * The cached value, or the result of `loader`, run once for all callers that miss the same key
   * together (an expiry under load sends one query, not one per request). Null results are not
   * cached, nor is a value read while an eviction happened (it may be what was evicted).
   */
  load(key: string, loader: () => Promise<V | null>): Promise<V | null> {
    const hit = this.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.pending.get(key);
    if (running) return running;
    const epoch = this.epoch;
    const promise = loader()
      .then((value) => {
        if (value !== null && epoch === this.epoch) this.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
      });
    this.pending.set(key, promise);
    return promise;
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.epoch += 1;
    this.entries.delete(key);
    this.pending.delete(key);
  }

  deleteWhere(match: (value: V) => boolean): void {
    this.epoch += 1;
    for (const [key, entry] of this.entries) if (match(entry.value)) this.entries.delete(key);
    // A running load's value is unknown yet: later callers start a new one.
    this.pending.clear();
  }
}
