import { z } from 'zod';

/** Money in fen (1 CNY = 100 fen): a non-negative safe integer. No floats anywhere in pricing. */
export const FenSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export type Fen = number;

/** Basis points (1/10,000). A pay rate of 8500 bp = 8.5折 = the customer pays 85%. */
export const BasisPointsSchema = z.number().int().min(0).max(10_000);
export type BasisPoints = number;

/**
 * `numerator / denominator` rounded half-up to an integer (both non-negative integers).
 * Integer arithmetic only, so `roundHalfUpDiv(1999 * 8500, 10000)` is exact.
 */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** `amount × bp / 10000`, half-up to a fen. */
export function applyBasisPoints(amount: Fen, bp: BasisPoints): Fen {
  return roundHalfUpDiv(amount * bp, 10_000);
}

/**
 * Splits `total` over `weights` proportionally by the largest-remainder method: the parts are
 * integers, add up exactly to `total`, and each part is within 1 fen of its exact share.
 * Ties in remainder go to the earlier index, so the split is deterministic.
 * All weights zero: the whole goes to the first weight (or nothing when there are no weights).
 */
export function allocateByLargestRemainder(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((acc, w) => acc + w, 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((acc, p) => acc + p, 0);
  const order = weights
    .map((w, i) => ({ i, rem: total * w - (parts[i] ?? 0) * sum }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** `¥12.30` from 1230 fen (for messages; the studio formats with Intl). */
export function formatYuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
