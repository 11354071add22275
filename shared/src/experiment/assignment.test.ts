import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../campaign/campaign.schema.js';
import { ASSIGNMENT_BUCKETS, assignBucket, assignmentBucket, assignVariant, bucketLayout } from './assignment.js';

function experiment(holdout: number, weights: number[]): Experiment {
  return { id: 'exp', holdout, variants: weights.map((weight, i) => ({ key: `v${i}`, weight, overrides: {} })) };
}

/** Index of the arm owning `bucket` in layout order: 0 = holdout, i + 1 = variant i, past the end = variants + 1. */
function armIndex(bucket: number, exp: Experiment): number {
  const a = assignBucket(bucket, exp);
  if (a.inHoldout) return 0;
  if (a.variantKey === null) return exp.variants.length + 1;
  return exp.variants.findIndex((v) => v.key === a.variantKey) + 1;
}

describe('assignmentBucket', () => {
  // Fixed forever; computed with an independent Python port: mmh3(user, seed=mmh3(exp)) % 10000.
  it.each([
    ['exp-1', 'user-1', 2784],
    ['exp-1', 'user-2', 7172],
    ['exp-2', 'user-1', 3020],
    ['spring-festival-2026', 'u_0001', 5401],
    ['双十一-满减', '用户42', 253],
    ['e', '', 3612],
  ])('puts user %s of experiment %s in the fixed bucket', (experimentId, userId, bucket) => {
    expect(assignmentBucket(experimentId, userId)).toBe(bucket);
  });

  it('is stable across calls', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (experimentId, userId) => {
        const first = assignmentBucket(experimentId, userId);
        expect(assignmentBucket(experimentId, userId)).toBe(first);
        expect(first >= 0 && first < ASSIGNMENT_BUCKETS && Number.isInteger(first)).toBe(true);
      }),
    );
  });

  it('spreads 100,000 synthetic users uniformly over the 10,000 buckets (chi-square)', () => {
    const counts = new Array<number>(ASSIGNMENT_BUCKETS).fill(0);
    const users = 100_000;
    for (let i = 0; i < users; i++) counts[assignmentBucket('uniformity-check', `user-${i}`)]! += 1;
    const expected = users / ASSIGNMENT_BUCKETS;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    const df = ASSIGNMENT_BUCKETS - 1;
    // Chi-square with 9,999 df is close to normal(df, sqrt(2 df)); 4 sd either side is p < 1e-4.
    expect(Math.abs(chiSquare - df)).toBeLessThan(4 * Math.sqrt(2 * df));
  });

  it('gives independent buckets in different experiments', () => {
    let same = 0;
    for (let i = 0; i < 20_000; i++) {
      if (assignmentBucket('exp-a', `user-${i}`) < 5000 === assignmentBucket('exp-b', `user-${i}`) < 5000) same += 1;
    }
    // Independent halves agree half the time: 10,000 ± 4 sd (sd = 70.7).
    expect(Math.abs(same - 10_000)).toBeLessThan(283);
  });
});

describe('bucketLayout', () => {
  it('puts the holdout first, then the variants in order by weight', () => {
    expect(bucketLayout(experiment(1000, [4500, 4500]))).toEqual([
      { variantKey: null, start: 0, end: 1000 },
      { variantKey: 'v0', start: 1000, end: 5500 },
      { variantKey: 'v1', start: 5500, end: 10_000 },
    ]);
  });

  it('cuts an over-full layout at 10,000 buckets', () => {
    expect(bucketLayout(experiment(0, [8000, 8000]))[2]).toEqual({ variantKey: 'v1', start: 8000, end: 10_000 });
  });
});

describe('assignVariant', () => {
  it('returns the bucket with the arm that owns it', () => {
    const exp = experiment(1000, [4500, 4500]);
    expect(assignVariant('exp-1', 'user-1', exp)).toEqual({ variantKey: 'v0', inHoldout: false, bucket: 2784 });
    expect(assignVariant('exp-1', 'user-2', exp)).toEqual({ variantKey: 'v1', inHoldout: false, bucket: 7172 });
    expect(assignBucket(999, exp)).toEqual({ variantKey: null, inHoldout: true, bucket: 999 });
    expect(assignBucket(1000, exp).variantKey).toBe('v0');
    expect(assignBucket(5499, exp).variantKey).toBe('v0');
    expect(assignBucket(5500, exp).variantKey).toBe('v1');
  });

  it('puts buckets past an under-full layout in no arm', () => {
    expect(assignBucket(9000, experiment(0, [5000, 3000]))).toEqual({ variantKey: null, inHoldout: false, bucket: 9000 });
  });

  it('splits 100,000 users by the weights within chi-square tolerance', () => {
    const exp = experiment(1000, [2000, 3000, 4000]);
    const counts = new Map<string, number>();
    const users = 100_000;
    for (let i = 0; i < users; i++) {
      const a = assignVariant('split-check', `member:${i}`, exp);
      const key = a.inHoldout ? 'holdout' : (a.variantKey ?? 'none');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const shares: [string, number][] = [['holdout', 0.1], ['v0', 0.2], ['v1', 0.3], ['v2', 0.4]];
    const chiSquare = shares.reduce((sum, [key, share]) => sum + ((counts.get(key) ?? 0) - users * share) ** 2 / (users * share), 0);
    expect(counts.get('none')).toBeUndefined();
    // 16.27 is the 0.999 quantile of chi-square with 3 df.
    expect(chiSquare).toBeLessThan(16.27);
  });

  it('only moves users between an old and a new range boundary when weights change', () => {
    const weightsArb = fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 6 })
      .filter((parts) => parts.some((p) => p > 0))
      .map((parts) => {
        const sum = parts.reduce((a, b) => a + b, 0);
        const bp = parts.map((p) => Math.floor((p * ASSIGNMENT_BUCKETS) / sum));
        bp[0]! += ASSIGNMENT_BUCKETS - bp.reduce((a, b) => a + b, 0);
        return bp;
      });
    fc.assert(
      fc.property(weightsArb, fc.nat(), fc.nat(), fc.integer({ min: -10_000, max: 10_000 }), (bp, from, to, delta) => {
        const [holdout, ...weights] = bp as [number, ...number[]];
        const i = from % bp.length;
        const j = to % bp.length;
        const next = [...bp];
        const moved = Math.max(-next[i]!, Math.min(delta, next[j]!));
        next[i]! += moved;
        next[j]! -= moved;
        const [nextHoldout, ...nextWeights] = next as [number, ...number[]];
        const before = experiment(holdout, weights);
        const after = experiment(nextHoldout, nextWeights);
        const oldEnds = bucketLayout(before).map((r) => r.end);
        const newEnds = bucketLayout(after).map((r) => r.end);
        let changed = 0;
        for (let b = 0; b < ASSIGNMENT_BUCKETS; b++) {
          if (armIndex(b, before) === armIndex(b, after)) continue;
          changed += 1;
          const nearABoundary = oldEnds.some((end, k) => b >= Math.min(end, newEnds[k]!) && b < Math.max(end, newEnds[k]!));
          expect(nearABoundary).toBe(true);
        }
        // Moving weight between neighbouring arms moves exactly that many users.
        if (Math.abs(i - j) === 1) expect(changed).toBe(Math.abs(moved));
      }),
      { numRuns: 60 },
    );
  });
});
