import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from './z-test.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Reference values computed with mpmath 1.3 (30 digits) from the textbook formulas (e.g. Agresti,
// "Categorical Data Analysis", §2.2 / §3.1); z² also equals the X² of R's
// prop.test(c(200, 250), c(1000, 1000), correct = FALSE) = 7.1685, p = 0.00742.
describe('twoProportionZTest', () => {
  it('tests 200/1000 against 250/1000 with the pooled standard error', () => {
    const result = twoProportionZTest({ conversionsA: 200, exposuresA: 1000, conversionsB: 250, exposuresB: 1000 });
    expectRelative(result.z, 2.6773977630083294, 1e-12);
    expectRelative(result.pValue, 0.0074196492610256745, 1e-10);
    expectRelative(result.difference, 0.05, 1e-12);
    expectRelative(result.relativeLift!, 0.25, 1e-12);
    expectRelative(result.confidenceInterval.low, 0.013463621687539845, 1e-10);
    expectRelative(result.confidenceInterval.high, 0.08653637831246015, 1e-10);
    expect(result.confidenceInterval.level).toBe(0.95);
  });

  it('gives a negative z and difference when B converts worse', () => {
    const result = twoProportionZTest({ conversionsA: 56, exposuresA: 1000, conversionsB: 48, exposuresB: 1000 });
    expectRelative(result.z, -0.8056921804549295, 1e-12);
    expectRelative(result.pValue, 0.4204203593590595, 1e-10);
    expectRelative(result.relativeLift!, -0.14285714285714285, 1e-12);
    expectRelative(result.confidenceInterval.low, -0.027458010724830353, 1e-10);
    expectRelative(result.confidenceInterval.high, 0.011458010724830353, 1e-10);
  });

  it('detects a 10% lift on 5% conversion with 24,000 users per arm', () => {
    const result = twoProportionZTest({ conversionsA: 1200, exposuresA: 24_000, conversionsB: 1320, exposuresB: 24_000 });
    expectRelative(result.z, 2.4557907902707408, 1e-12);
    expectRelative(result.pValue, 0.01405749691017705, 1e-10);
    expectRelative(result.confidenceInterval.low, 0.0010097560841652582, 1e-9);
  });

  it('is symmetric when the arms are swapped', () => {
    const ab = twoProportionZTest({ conversionsA: 30, exposuresA: 400, conversionsB: 52, exposuresB: 430 });
    const ba = twoProportionZTest({ conversionsA: 52, exposuresA: 430, conversionsB: 30, exposuresB: 400 });
    expect(ba.z).toBeCloseTo(-ab.z, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  });

  it('answers z = 0 and p = 1 when neither arm has variance', () => {
    const result = twoProportionZTest({ conversionsA: 0, exposuresA: 500, conversionsB: 0, exposuresB: 500 });
    expect(result.z).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.relativeLift).toBeNull();
  });

  it('widens the interval for a higher confidence level', () => {
    const input = { conversionsA: 200, exposuresA: 1000, conversionsB: 250, exposuresB: 1000 };
    const ci95 = twoProportionZTest(input).confidenceInterval;
    const ci99 = twoProportionZTest(input, 0.99).confidenceInterval;
    expect(ci99.low).toBeLessThan(ci95.low);
    expect(ci99.high).toBeGreaterThan(ci95.high);
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionZTest({ conversionsA: 11, exposuresA: 10, conversionsB: 1, exposuresB: 10 })).toThrow(RangeError);
    expect(() => twoProportionZTest({ conversionsA: 0, exposuresA: 0, conversionsB: 1, exposuresB: 10 })).toThrow(RangeError);
  });
});
