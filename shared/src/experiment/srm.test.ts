import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from './srm.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// References: Pearson's χ² computed exactly and its upper tail Q(df/2, χ²/2) with mpmath 1.3 at
// 30 digits (the same as R's chisq.test(x, p = w / sum(w))).
describe('sampleRatioMismatch', () => {
  it('flags nothing for 50,000 vs 51,000 on a 50/50 split (p ≈ 0.0017 is above 0.001)', () => {
    const result = sampleRatioMismatch([50_000, 51_000], [5000, 5000]);
    expectRelative(result.chiSquare, 9.900990099009901, 1e-12);
    expect(result.df).toBe(1);
    expectRelative(result.pValue, 0.001651898732357363, 1e-10);
    expect(result.expectedCounts).toEqual([50_500, 50_500]);
    expect(result.mismatch).toBe(false);
  });

  it('flags 50,000 vs 51,500 on a 50/50 split as a mismatch', () => {
    const result = sampleRatioMismatch([50_000, 51_500], [1, 1]);
    expectRelative(result.chiSquare, 22.167487684729064, 1e-12);
    expectRelative(result.pValue, 2.498695214678605e-06, 1e-9);
    expect(result.mismatch).toBe(true);
  });

  it('checks a holdout and two variants against their basis-point weights', () => {
    const result = sampleRatioMismatch([1000, 4600, 4400], [1000, 4500, 4500]);
    expectRelative(result.chiSquare, 4.444444444444445, 1e-12);
    expect(result.df).toBe(2);
    expectRelative(result.pValue, 0.10836802322189587, 1e-10);
    expect(result.mismatch).toBe(false);
  });

  it('treats users in a zero-weight arm as a certain mismatch', () => {
    const result = sampleRatioMismatch([0, 5000, 5003], [0, 5000, 5000]);
    expect(result.df).toBe(1);
    expect(result.mismatch).toBe(false);
    expect(sampleRatioMismatch([3, 5000, 5000], [0, 5000, 5000])).toMatchObject({ chiSquare: Infinity, pValue: 0, mismatch: true });
  });

  it('cannot mismatch with a single arm or no users', () => {
    expect(sampleRatioMismatch([1234], [10_000])).toMatchObject({ df: 0, pValue: 1, mismatch: false });
    expect(sampleRatioMismatch([0, 0], [1, 1])).toMatchObject({ chiSquare: 0, pValue: 1, mismatch: false });
  });

  it('rejects mismatched lengths and negative counts', () => {
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([-1, 2], [1, 1])).toThrow(RangeError);
  });
});
