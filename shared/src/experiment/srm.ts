import { chiSquareSurvival } from './distributions.js';

/** Result of a sample-ratio-mismatch check. */
export interface SampleRatioResult {
  /** Pearson's χ² = Σ (observed − expected)² / expected. */
  chiSquare: number;
  /** Arms with a positive weight, minus one. */
  df: number;
  pValue: number;
  /** Users expected in each arm for the observed total. */
  expectedCounts: number[];
  /** `pValue < SRM_P_THRESHOLD`: the split is broken and the experiment's results cannot be trusted. */
  mismatch: boolean;
}

/**
 * The p-value under which a split counts as broken. Deliberately strict (the usual choice in
 * online experimentation): SRM is checked on every report refresh, so a 5% threshold would flag
 * healthy experiments all the time.
 */
export const SRM_P_THRESHOLD = 0.001;

/**
 * Sample-ratio-mismatch check: a χ² goodness-of-fit test of the users counted per arm against the
 * arms' configured weights (any scale, e.g. basis points). An arm with weight 0 is left out when it
 * has no users; if it has users, the split is certainly wrong (χ² = Infinity, p = 0). Fewer than two
 * arms with a positive weight cannot mismatch (df = 0, p = 1).
 */
export function sampleRatioMismatch(observedCounts: readonly number[], expectedWeights: readonly number[]): SampleRatioResult {
  if (observedCounts.length !== expectedWeights.length) throw new RangeError('one weight per observed count is needed');
  if (observedCounts.some((c) => !Number.isInteger(c) || c < 0)) throw new RangeError('counts must be non-negative integers');
  if (expectedWeights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and >= 0');
  const totalWeight = expectedWeights.reduce((sum, w) => sum + w, 0);
  if (totalWeight === 0) throw new RangeError('at least one weight must be positive');
  const total = observedCounts.reduce((sum, c) => sum + c, 0);
  const expectedCounts = expectedWeights.map((w) => (total * w) / totalWeight);
  let chiSquare = 0;
  let arms = 0;
  observedCounts.forEach((observed, i) => {
    const expected = expectedCounts[i]!;
    if (expectedWeights[i] === 0) {
      if (observed > 0) chiSquare = Infinity;
      return;
    }
    arms += 1;
    if (expected > 0) chiSquare += (observed - expected) ** 2 / expected;
  });
  const df = arms - 1;
  const pValue = chiSquare === Infinity ? 0 : df < 1 ? 1 : chiSquareSurvival(chiSquare, df);
  return { chiSquare, df, pValue, expectedCounts, mismatch: pValue < SRM_P_THRESHOLD };
}
