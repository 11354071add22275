import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from './distributions.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Reference values: mpmath 1.3 at 30 significant digits (ncdf, erfinv, betainc, gammainc);
// the t quantiles agree with the standard tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2:
// t0.975,10 = 2.228, t0.975,30 = 2.042) to every printed digit.
describe('normalCdf', () => {
  it.each([
    [-8, 6.220960574271784e-16],
    [-5, 2.866515718791939e-07],
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145705],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [3, 0.9986501019683699],
  ])('Φ(%d) matches the reference to 1e-12 relative', (x, expected) => {
    expectRelative(normalCdf(x), expected, 1e-12);
  });

  it('gives two-sided tails equal to 2Φ(−|z|)', () => {
    expectRelative(normalTwoSidedP(1.96), 2 * 0.024997895148220435, 1e-12);
    expectRelative(normalTwoSidedP(-5), 2 * 2.866515718791939e-07, 1e-12);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.975, 1.9599639845400543],
    [0.025, -1.9599639845400543],
    [0.95, 1.6448536269514726],
    [0.999, 3.0902323061678136],
    [1e-10, -6.361340902404057],
  ])('Φ⁻¹(%d) matches the reference to 1e-12 relative', (p, expected) => {
    expectRelative(normalQuantile(p), expected, 1e-12);
  });

  it('is 0 at the median and infinite at the ends', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('inverts normalCdf across the range', () => {
    for (let p = 0.001; p < 1; p += 0.0137) expectRelative(normalCdf(normalQuantile(p)), p, 1e-12);
  });
});

describe('Student t', () => {
  it.each([
    [2, 5, 0.10193947882985836],
    [1, 10, 0.34089313230205986],
    [-2.5, 23.7, 0.019752949013031505],
    [0.3, 3, 0.783763292039919],
    [4, 1, 0.15595826075473865],
    [10, 2, 0.00985245702332569],
    [2.5, 1e6, 0.012419489502163246],
    [0.5, 1e7, 0.617075088454015],
    [5, 1e7, 5.733128075008539e-07],
  ])('two-sided p for t = %d with %d df matches the reference', (t, df, expected) => {
    expectRelative(studentTTwoSidedP(t, df), expected, 1e-10);
  });

  it('has a symmetric CDF', () => {
    expectRelative(studentTCdf(-2, 5), 0.10193947882985836 / 2, 1e-12);
    expectRelative(studentTCdf(2, 5), 1 - 0.10193947882985836 / 2, 1e-12);
    expect(studentTCdf(0, 7)).toBe(0.5);
  });

  it.each([
    [1, 12.706204736174705],
    [2, 4.302652729749464],
    [5, 2.5705818356363155],
    [10, 2.228138851986275],
    [30, 2.042272456301238],
    [100, 1.9839715185235522],
    [1000, 1.9623390808264085],
  ])('t quantile 0.975 with %d df matches the table', (df, expected) => {
    expectRelative(studentTQuantile(0.975, df), expected, 1e-10);
    expectRelative(studentTQuantile(0.025, df), -expected, 1e-10);
  });

  it('keeps its precision for the ten-million df of a large experiment', () => {
    expectRelative(studentTQuantile(0.975, 1e7), 1.9599642217672055, 1e-10);
  });
});

describe('chiSquareSurvival', () => {
  it.each([
    [9.900990099009901, 1, 0.001651898732357363],
    [3.84, 1, 0.050043521248705106],
    [10, 3, 0.018566135463043233],
    [0.5, 2, 0.7788007830714049],
    [30, 10, 0.0008566412107753004],
    [100, 50, 3.454931382984864e-05],
  ])('P(χ² ≥ %d) with %d df matches the reference', (x, df, expected) => {
    expectRelative(chiSquareSurvival(x, df), expected, 1e-11);
  });

  it('rejects a non-positive df', () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});
