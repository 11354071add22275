import { logBeta, regularizedBeta, regularizedGammaQ } from './special-functions.js';

/**
 * Standard normal CDF Φ(x), via erfc(t) = Q(1/2, t²) (the regularized upper incomplete gamma),
 * accurate to ~1e-15 absolute and keeping relative precision far into the lower tail.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const tail = 0.5 * regularizedGammaQ(0.5, (x * x) / 2);
  return x < 0 ? tail : 1 - tail;
}

/** Two-sided tail probability P(|Z| ≥ |z|) of a standard normal, without the 1 − Φ cancellation. */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return regularizedGammaQ(0.5, (z * z) / 2);
}

// Acklam's rational approximation of the normal quantile (relative error 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0);
}

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(C, q) / (polynomial(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -polynomial(C, q) / (polynomial(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(A, r) * q) / (polynomial(B, r) * r + 1);
}

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/**
 * Inverse standard normal CDF Φ⁻¹(p) for 0 < p < 1 (±Infinity at 0 and 1): Acklam's
 * approximation refined by Halley steps on {@link normalCdf}, so Φ⁻¹(0.975) = 1.959963984540054.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x = acklam(p);
  for (let i = 0; i < 3; i++) {
    const error = normalCdf(x) - p;
    const u = error * SQRT_TWO_PI * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
}

/** Two-sided tail P(|T| ≥ |t|) of Student's t with `df` (> 0, not necessarily whole) degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // P(|T| ≥ |t|) = I_x(df/2, 1/2) with x = df/(df + t²); 1 − x passed exactly for small t.
  return regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** Student's t CDF P(T ≤ t) with `df` (> 0) degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * studentTTwoSidedP(t, df);
  return t < 0 ? tail : 1 - tail;
}

function studentTDensity(t: number, df: number): number {
  const logDensity = -0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logDensity);
}

/**
 * Quantile of Student's t: the t with P(T ≤ t) = p, for 0 < p < 1 and df > 0. Newton steps on
 * {@link studentTCdf} from the normal quantile, kept inside a bisection bracket so it always
 * converges (t₀.₉₇₅,₁₀ = 2.228138851986…).
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile needs 0 < p < 1, got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = Math.max(1, normalQuantile(p));
  while (studentTCdf(high, df) < p) {
    low = high;
    high *= 2;
  }
  let x = (low + high) / 2;
  for (let i = 0; i < 200; i++) {
    const error = studentTCdf(x, df) - p;
    if (error === 0) return x;
    if (error > 0) high = x;
    else low = x;
    const newton = x - error / studentTDensity(x, df);
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** Upper tail P(X ≥ x) of the chi-square distribution with `df` (> 0) degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  checkDf(df);
  if (!(x >= 0)) throw new RangeError(`chi-square statistic must be >= 0, got ${x}`);
  return regularizedGammaQ(df / 2, x / 2);
}
