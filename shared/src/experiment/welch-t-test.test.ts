import { describe, expect, it } from 'vitest';
import { summarize, welchTTest } from './welch-t-test.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

function testSamples(a: number[], b: number[]) {
  const sa = summarize(a);
  const sb = summarize(b);
  return welchTTest({ meanA: sa.mean, varA: sa.variance, nA: sa.n, meanB: sb.mean, varB: sb.variance, nB: sb.n });
}

// Samples: the three worked examples of Wikipedia's "Welch's t-test" article (signs here are B − A).
// Full-precision references: mpmath 1.3 at 30 digits from the Welch–Satterthwaite formulas,
// agreeing with SciPy 1.17 `ttest_ind(b, a, equal_var=False)` and its `confidence_interval()`.
describe('welchTTest', () => {
  it('reproduces example 1 (equal sizes, unequal variances)', () => {
    const result = testSamples(
      [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
      [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
    );
    expectRelative(result.t, 2.455356398286005, 1e-12);
    expectRelative(result.df, 24.988529290231416, 1e-12);
    expectRelative(result.pValue, 0.021378001462867034, 1e-10);
    expectRelative(result.confidenceInterval.low, 0.34923706619240524, 1e-10);
    expectRelative(result.confidenceInterval.high, 3.984096267140928, 1e-10);
  });

  it('reproduces example 2 (unequal sizes, df below 10)', () => {
    const result = testSamples(
      [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8],
      [21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8],
    );
    expectRelative(result.t, 1.5654335235985053, 1e-12);
    expectRelative(result.df, 9.90474124865083, 1e-12);
    expectRelative(result.pValue, 0.14884169660532798, 1e-10);
    expectRelative(result.confidenceInterval.low, -0.6484213253751654, 1e-10);
    expectRelative(result.confidenceInterval.high, 3.698421325375165, 1e-10);
  });

  it('reproduces example 3 (the larger arm has the larger variance)', () => {
    const result = testSamples(
      [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0],
      [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 24.0, 13.2],
    );
    expectRelative(result.t, 2.219240915823625, 1e-12);
    expectRelative(result.df, 24.49622312420124, 1e-12);
    expectRelative(result.pValue, 0.03597227102979672, 1e-10);
    expectRelative(result.confidenceInterval.low, 0.15760646449535434, 1e-9);
  });

  it('tests revenue per user from summary statistics of large arms', () => {
    const result = welchTTest({ meanA: 12.5, varA: 900, nA: 5000, meanB: 13.4, varB: 1000, nB: 5200 });
    expectRelative(result.t, 1.4749982490534501, 1e-12);
    expectRelative(result.df, 10196.155832957738, 1e-12);
    expectRelative(result.pValue, 0.14024389042928836, 1e-10);
    expectRelative(result.confidenceInterval.low, -0.29605362828187276, 1e-10);
    expectRelative(result.confidenceInterval.high, 2.0960536282818727, 1e-10);
    expectRelative(result.relativeLift!, 0.072, 1e-12);
  });

  it('treats a difference without variance as certain', () => {
    expect(welchTTest({ meanA: 5, varA: 0, nA: 10, meanB: 6, varB: 0, nB: 10 })).toMatchObject({ t: Infinity, pValue: 0, df: 18 });
    expect(welchTTest({ meanA: 5, varA: 0, nA: 10, meanB: 5, varB: 0, nB: 10 })).toMatchObject({ t: 0, pValue: 1 });
  });

  it('rejects arms with fewer than two users', () => {
    expect(() => welchTTest({ meanA: 5, varA: 1, nA: 1, meanB: 6, varB: 1, nB: 10 })).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('returns the mean, the n − 1 sample variance and the count', () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, variance: 32 / 7, n: 8 });
  });

  it('keeps the variance of large values with a small spread', () => {
    const result = summarize([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(result.variance).toBeCloseTo(30, 9);
  });

  it('gives a single sample zero variance and rejects no samples', () => {
    expect(summarize([42])).toEqual({ mean: 42, variance: 0, n: 1 });
    expect(() => summarize([])).toThrow(RangeError);
  });
});
