import { describe, expect, it } from 'vitest';
import { logBeta, logGamma, regularizedBeta, regularizedGammaP, regularizedGammaQ } from './special-functions.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-300));
}

// Reference values: mpmath 1.3 at 30 significant digits (loggamma, gammainc, betainc regularized).
describe('logGamma', () => {
  it.each([
    [0.5, 0.5723649429247001],
    [1.5, -0.12078223763524522],
    [3.7, 1.428072326665388],
    [10, 12.801827480081469],
    [100.25, 360.28455963776423],
    [1e6, 12815504.569147611],
  ])('ln Γ(%d) matches the reference', (x, expected) => {
    expectRelative(logGamma(x), expected, 1e-13);
  });

  it('is zero at 1 and 2', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });

  it('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('logBeta', () => {
  it.each([
    [5e8, 0.5, -9.442694385018532],
    [12.5, 0.5, -0.6805020408007404],
    [3, 4, -4.0943445622221],
    [1e6, 3.5, -47.15331772552351],
    [50, 60, -76.52272335335051],
  ])('ln B(%d, %d) keeps its digits even for huge arguments', (a, b, expected) => {
    expectRelative(logBeta(a, b), expected, 1e-12);
    expectRelative(logBeta(b, a), expected, 1e-12);
  });
});

describe('regularized incomplete gamma', () => {
  it.each([
    [0.5, 0.1, 0.345279153981423],
    [1, 2, 0.8646647167633873],
    [3, 2.5, 0.45618688411667047],
    [10, 15, 0.9301463393005902],
    [2.5, 1, 0.15085496391539036],
  ])('P(%d, %d) matches the reference on both sides of x = a + 1', (a, x, expected) => {
    expectRelative(regularizedGammaP(a, x), expected, 1e-12);
    expectRelative(regularizedGammaQ(a, x), 1 - expected, 1e-12);
  });

  it.each([
    [50, 49, 0.5378956063990598],
    [2e6, 2.001e6, 0.23971343905306375],
    [15, 10, 0.9165415270653372],
  ])('Q(%d, %d) matches the reference for large a', (a, x, expected) => {
    expectRelative(regularizedGammaQ(a, x), expected, 1e-10);
  });

  it('has exact limits at 0 and infinity', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });
});

describe('regularizedBeta', () => {
  it.each([
    [0.3, 2, 3, 0.3483],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.5, 10, 10, 0.5],
    [0.99, 50, 2, 0.9075091007063049],
    [0.2, 1, 1, 0.2],
  ])('I_%d(%d, %d) matches the reference', (x, a, b, expected) => {
    expectRelative(regularizedBeta(x, a, b), expected, 1e-12);
  });

  it('is exactly 0 and 1 at the ends', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it('rejects x outside [0, 1]', () => {
    expect(() => regularizedBeta(1.5, 2, 3)).toThrow(RangeError);
  });
});
