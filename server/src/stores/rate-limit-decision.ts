import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitDecision } from './stores.types.js';

/** rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with an Error on a store failure. */
export async function consumeWith(limiter: RateLimiterAbstract, key: string, points: number): Promise<RateLimitDecision> {
  try {
    const res = await limiter.consume(key, points);
    return { allowed: true, remaining: res.remainingPoints, retryAfterMs: 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, remaining: rejection.remainingPoints, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
    }
    throw rejection;
  }
}
