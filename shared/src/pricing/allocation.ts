import { allocateByLargestRemainder } from '../money/money.js';

/**
 * Splits an order-level `amount` over lines by `weights` (largest remainder, exact), then cuts each
 * part to the line's `headroom` (amount above its floor). What a line cannot take is not moved to
 * other lines: a cut means the customer saves less, never that another line pays for the floor.
 */
export function allocateWithHeadroom(
  amount: number,
  weights: readonly number[],
  headroom: readonly number[],
): { parts: number[]; cut: boolean[] } {
  const raw = allocateByLargestRemainder(amount, weights);
  const parts = raw.map((part, i) => Math.min(part, Math.max(0, headroom[i] ?? 0)));
  return { parts, cut: raw.map((part, i) => part > (parts[i] ?? 0)) };
}
