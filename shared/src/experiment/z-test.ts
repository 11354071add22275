import { normalQuantile, normalTwoSidedP } from './distributions.js';

/** Conversions out of exposures for arm A (the baseline) and arm B (the challenger). */
export interface TwoProportionInput {
  conversionsA: number;
  exposuresA: number;
  conversionsB: number;
  exposuresB: number;
}

/** Result of a two-proportion z-test. Differences are B − A, so positive means B converts better. */
export interface TwoProportionResult {
  rateA: number;
  rateB: number;
  /** rateB − rateA. */
  difference: number;
  /** (rateB − rateA) / rateA; `null` when rateA is 0. */
  relativeLift: number | null;
  /** difference / pooled standard error (the test statistic under H0: equal rates). */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Confidence interval of the difference, with the unpooled standard error. */
  confidenceInterval: { low: number; high: number; level: number };
}

function checkArm(conversions: number, exposures: number, arm: string): void {
  if (!Number.isInteger(exposures) || exposures < 1) throw new RangeError(`exposures${arm} must be a positive integer`);
  if (!Number.isInteger(conversions) || conversions < 0 || conversions > exposures) {
    throw new RangeError(`conversions${arm} must be an integer from 0 to exposures${arm}`);
  }
}

/**
 * Two-proportion z-test of conversion rates (no continuity correction, as in R's
 * `prop.test(correct = FALSE)` whose X² is z²). The test uses the pooled standard error
 * √(p̂(1−p̂)(1/nA + 1/nB)); the interval uses the unpooled one √(pA(1−pA)/nA + pB(1−pB)/nB),
 * since the rates are not assumed equal there. When both arms have the same rate of 0% or 100%
 * there is no variance: z = 0 and p = 1.
 */
export function twoProportionZTest(input: TwoProportionInput, confidenceLevel = 0.95): TwoProportionResult {
  const { conversionsA, exposuresA, conversionsB, exposuresB } = input;
  checkArm(conversionsA, exposuresA, 'A');
  checkArm(conversionsB, exposuresB, 'B');
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new RangeError('confidenceLevel must be between 0 and 1');
  const rateA = conversionsA / exposuresA;
  const rateB = conversionsB / exposuresB;
  const difference = rateB - rateA;
  const pooled = (conversionsA + conversionsB) / (exposuresA + exposuresB);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / exposuresA + 1 / exposuresB));
  const z = pooledSe === 0 ? 0 : difference / pooledSe;
  const unpooledSe = Math.sqrt((rateA * (1 - rateA)) / exposuresA + (rateB * (1 - rateB)) / exposuresB);
  const margin = normalQuantile(1 - (1 - confidenceLevel) / 2) * unpooledSe;
  return {
    rateA,
    rateB,
    difference,
    relativeLift: rateA === 0 ? null : difference / rateA,
    z,
    pValue: normalTwoSidedP(z),
    confidenceInterval: { low: difference - margin, high: difference + margin, level: confidenceLevel },
  };
}
