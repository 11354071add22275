import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-buckets.js';

function manualClock(start = 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createTokenBuckets', () => {
  it('allows a burst of one second, then refuses with the wait until the next token', () => {
    const clock = manualClock();
    const buckets = createTokenBuckets({ perSec: 4, now: clock.now });
    expect([1, 2, 3, 4].map(() => buckets.take('k'))).toEqual([0, 0, 0, 0]);
    expect(buckets.take('k')).toBe(250);
    clock.advance(100);
    expect(buckets.take('k')).toBe(150);
    clock.advance(150);
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('k')).toBe(250);
  });

  it('keeps one bucket per id', () => {
    const clock = manualClock();
    const buckets = createTokenBuckets({ perSec: 1, now: clock.now });
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
    expect(buckets.take('b')).toBe(0);
  });

  it('refills no further than the burst after a long idle time', () => {
    const clock = manualClock();
    const buckets = createTokenBuckets({ perSec: 2, now: clock.now });
    buckets.take('k');
    clock.advance(60_000);
    expect([1, 2, 3].map(() => buckets.take('k'))).toEqual([0, 0, 500]);
  });

  it('drops the oldest bucket when full, so memory stays bounded under many ids', () => {
    const clock = manualClock();
    const buckets = createTokenBuckets({ perSec: 1, now: clock.now, maxBuckets: 2 });
    buckets.take('a');
    buckets.take('b');
    buckets.take('c');
    expect(buckets.take('b')).toBeGreaterThan(0);
    expect(buckets.take('a')).toBe(0);
  });
});
