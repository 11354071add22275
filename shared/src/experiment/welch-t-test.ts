import { studentTQuantile, studentTTwoSidedP } from './distributions.js';

/** Mean, sample variance (n − 1 denominator) and size of one arm's per-user values. */
export interface SampleSummary {
  mean: number;
  variance: number;
  n: number;
}

/** Summary statistics of arm A (the baseline) and arm B (the challenger). */
export interface WelchInput {
  meanA: number;
  varA: number;
  nA: number;
  meanB: number;
  varB: number;
  nB: number;
}

/** Result of Welch's t-test. Differences are B − A, so positive means B is higher. */
export interface WelchResult {
  /** meanB − meanA. */
  difference: number;
  /** (meanB − meanA) / meanA; `null` when meanA is 0. */
  relativeLift: number | null;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (not a whole number in general). */
  df: number;
  /** Two-sided p-value from Student's t with `df` degrees of freedom. */
  pValue: number;
  /** Confidence interval of the difference, using the t quantile with `df` degrees of freedom. */
  confidenceInterval: { low: number; high: number; level: number };
}

/**
 * Mean, sample variance and count of raw per-user values, by Welford's update so large revenue
 * values do not lose their variance to cancellation. A single value has variance 0.
 */
export function summarize(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new RangeError('summarize needs at least one sample');
  let mean = 0;
  let squares = 0;
  samples.forEach((value, i) => {
    const delta = value - mean;
    mean += delta / (i + 1);
    squares += delta * (value - mean);
  });
  return { mean, variance: samples.length > 1 ? squares / (samples.length - 1) : 0, n: samples.length };
}

/**
 * Welch's unequal-variances t-test of meanB − meanA from summary statistics:
 * t = (meanB − meanA) / √(varA/nA + varB/nB), df by Welch–Satterthwaite, two-sided p from the
 * Student t CDF (regularized incomplete beta) and the interval from its inverse. Each arm needs
 * n ≥ 2. When both variances are 0 the difference is certain: t = ±Infinity (p = 0), or t = 0
 * (p = 1) for equal means, with df = nA + nB − 2.
 */
export function welchTTest(input: WelchInput, confidenceLevel = 0.95): WelchResult {
  const { meanA, varA, nA, meanB, varB, nB } = input;
  if (!Number.isInteger(nA) || !Number.isInteger(nB) || nA < 2 || nB < 2) throw new RangeError('each arm needs n >= 2');
  if (!(varA >= 0) || !(varB >= 0)) throw new RangeError('variances must be >= 0');
  if (!Number.isFinite(meanA) || !Number.isFinite(meanB)) throw new RangeError('means must be finite');
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new RangeError('confidenceLevel must be between 0 and 1');
  const difference = meanB - meanA;
  const relativeLift = meanA === 0 ? null : difference / meanA;
  const shareA = varA / nA;
  const shareB = varB / nB;
  const se = Math.sqrt(shareA + shareB);
  if (se === 0) {
    const t = difference === 0 ? 0 : Math.sign(difference) * Infinity;
    return {
      difference,
      relativeLift,
      t,
      df: nA + nB - 2,
      pValue: difference === 0 ? 1 : 0,
      confidenceInterval: { low: difference, high: difference, level: confidenceLevel },
    };
  }
  const t = difference / se;
  const df = (shareA + shareB) ** 2 / (shareA ** 2 / (nA - 1) + shareB ** 2 / (nB - 1));
  const margin = studentTQuantile(1 - (1 - confidenceLevel) / 2, df) * se;
  return {
    difference,
    relativeLift,
    t,
    df,
    pValue: studentTTwoSidedP(t, df),
    confidenceInterval: { low: difference - margin, high: difference + margin, level: confidenceLevel },
  };
}
