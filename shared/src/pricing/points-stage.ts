import { allocateByLargestRemainder } from '../money/money.js';
import type { LineState } from './line-state.js';
import type { PricingEnv } from './pricing-env.js';
import type { PointsOutcome } from './quote.schema.js';

/**
 * Points stage (last): `pointsPerYuan` points pay ¥1, up to `pointsMaxShareBp` of what is left to
 * pay, out of the balance less `reservedPoints` (taken by points exchanges). Points are a means of
 * payment, not a price cut, so they ignore margin floors.
 */
export function runPointsStage(lines: LineState[], env: PricingEnv, reservedPoints = 0): PointsOutcome {
  const requested = env.cart.pointsToRedeem;
  if (requested === 0) return { requested, used: 0, amount: 0, reason: null };
  // Points exchanges granted earlier in this quote are charged first.
  const balance = (env.counters.pointsBalance ?? env.user.points) - reservedPoints;
  if (requested > balance) return { requested, used: 0, amount: 0, reason: 'insufficient_points' };
  const { pointsPerYuan, pointsMaxShareBp } = env.options;
  const payable = lines.map((l) => (l.gift ? 0 : l.amount));
  const total = payable.reduce((sum, a) => sum + a, 0);
  const amount = Math.min(Math.floor((requested * 100) / pointsPerYuan), Math.floor((total * pointsMaxShareBp) / 10_000));
  if (amount <= 0) return { requested, used: 0, amount: 0, reason: null };
  const parts = allocateByLargestRemainder(amount, payable);
  parts.forEach((part, i) => {
    if (part <= 0) return;
    const state = lines[i]!;
    state.amount -= part;
    state.pointsDiscount += part;
    state.allocations.push({ source: 'points', id: 'points', amount: part });
  });
  return { requested, used: Math.ceil((amount * pointsPerYuan) / 100), amount, reason: null };
}
