import type { CartLine } from '../cart/cart.schema.js';

/**
 * The lowest total a line may reach under a campaign with `minMargin` (bp): unit cost × quantity ×
 * (1 + minMargin), rounded up so the floor is never undercut by a fen. 0 without cost or margin.
 */
export function marginFloor(line: CartLine, minMargin: number | undefined): number {
  if (minMargin === undefined || line.unitCost === undefined) return 0;
  const numerator = line.unitCost * line.quantity * (10_000 + minMargin);
  return Math.floor((numerator + 9_999) / 10_000);
}

/** How much of `wanted` a line at `amount` can take without going below `floor` (nor below 0). */
export function guardedDiscount(amount: number, floor: number, wanted: number): { amount: number; capped: boolean } {
  const headroom = Math.max(0, amount - floor);
  if (wanted <= headroom) return { amount: Math.max(0, wanted), capped: false };
  return { amount: headroom, capped: floor > 0 };
}
