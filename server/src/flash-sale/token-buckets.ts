/** Buckets kept at most; beyond this the oldest is dropped (it restarts full, see the ADR). */
const MAX_BUCKETS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface TokenBuckets {
  /** Takes one token from `id`'s bucket: 0 when allowed, else the milliseconds until one is back (≥ 1). */
  take(id: string): number;
}

/**
 * In-memory token buckets, one per id (API key or client IP), refilled at `perSec` per second up to
 * a burst of one second's worth. Per process: N instances admit up to N × `perSec` together, which
 * is the price of keeping the flash hot path to one Redis call (docs/adr/flash-sale-hot-path.md).
 * `now` is a monotonic millisecond clock (real time: limits protect real capacity, not sale time).
 */
export function createTokenBuckets(options: { perSec: number; now?: () => number; maxBuckets?: number }): TokenBuckets {
  const { perSec } = options;
  const now = options.now ?? (() => performance.now());
  const maxBuckets = options.maxBuckets ?? MAX_BUCKETS;
  const perMs = perSec / 1000;
  const buckets = new Map<string, Bucket>();
  return {
    take(id) {
      const t = now();
      let bucket = buckets.get(id);
      if (!bucket) {
        // Maps iterate in insertion order: the first key is the oldest bucket.
        if (buckets.size >= maxBuckets) buckets.delete(buckets.keys().next().value as string);
        bucket = { tokens: perSec, at: t };
        buckets.set(id, bucket);
      } else {
        bucket.tokens = Math.min(perSec, bucket.tokens + (t - bucket.at) * perMs);
        bucket.at = t;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs));
    },
  };
}
