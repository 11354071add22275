import { DateTime } from 'luxon';
import type { Coupon } from '../coupon/coupon.schema.js';
import { couponDiscount } from '../coupon/coupon-discount.js';
import { reasonMessage } from '../i18n/reason-messages.js';
import { allocateWithHeadroom } from './allocation.js';
import type { LineState } from './line-state.js';
import type { PricingEnv } from './pricing-env.js';
import type { CouponOutcome } from './quote.schema.js';
import type { BaseReasonCode } from './reason.js';
import { createScopeMatcher } from './scope-matcher.js';

interface ValidCoupon {
  coupon: Coupon;
  basis: number[];
  amount: number;
}

function basisOf(coupon: Coupon, lines: readonly LineState[]): number[] {
  const scope = createScopeMatcher(coupon.scope);
  const basis: number[] = [];
  lines.forEach((state, i) => {
    if (!state.gift && scope.matches(state.line)) basis.push(i);
  });
  return basis;
}

function check(couponId: string, lines: readonly LineState[], env: PricingEnv): ValidCoupon | { reason: BaseReasonCode } {
  const coupon = env.coupons.find((c) => c.id === couponId);
  if (!coupon || coupon.status !== 'available') return { reason: 'coupon_invalid' };
  const from = DateTime.fromISO(coupon.validFrom, { setZone: true }).toMillis();
  const to = DateTime.fromISO(coupon.validTo, { setZone: true }).toMillis();
  if (!(env.nowMs >= from && env.nowMs < to)) return { reason: 'outside_window' };
  const basis = basisOf(coupon, lines);
  if (basis.length === 0) return { reason: 'not_in_scope' };
  const outcome = couponDiscount(coupon.value, basis.reduce((sum, i) => sum + lines[i]!.amount, 0));
  if ('reason' in outcome) return outcome;
  return { coupon, basis, amount: outcome.amount };
}

/** Takes the coupon's discount (re-computed on the current amounts) off its basis lines, within floors. */
function redeem(valid: ValidCoupon, lines: LineState[]): number {
  const weights = valid.basis.map((i) => lines[i]!.amount);
  const outcome = couponDiscount(valid.coupon.value, weights.reduce((sum, w) => sum + w, 0));
  if ('reason' in outcome) return 0;
  const headroom = valid.basis.map((i) => lines[i]!.amount - lines[i]!.floor);
  const { parts, cut } = allocateWithHeadroom(outcome.amount, weights, headroom);
  let given = 0;
  valid.basis.forEach((i, k) => {
    const state = lines[i]!;
    const part = parts[k]!;
    if (cut[k] && state.floor > 0) state.capped = true;
    if (part <= 0) return;
    state.amount -= part;
    state.couponDiscount += part;
    state.allocations.push({ source: 'coupon', id: valid.coupon.id, amount: part });
    given += part;
  });
  return given;
}

/**
 * Coupon stage (design §2 step 3, after campaigns): the best non-stackable coupon the cart selected,
 * then every stackable one. Coupons respect the price floors campaigns set on their lines.
 */
export function runCouponStage(lines: LineState[], env: PricingEnv): CouponOutcome {
  const outcome: CouponOutcome = { applied: [], rejected: [] };
  const reject = (couponId: string, reason: BaseReasonCode): void => {
    outcome.rejected.push({ couponId, reason, message: reasonMessage(reason) });
  };
  const exclusive: ValidCoupon[] = [];
  const stackable: ValidCoupon[] = [];
  for (const couponId of new Set(env.cart.couponIds)) {
    const valid = check(couponId, lines, env);
    if ('reason' in valid) reject(couponId, valid.reason);
    else (valid.coupon.stackable ? stackable : exclusive).push(valid);
  }
  const best = exclusive.reduce<ValidCoupon | null>((top, c) => (top === null || c.amount > top.amount ? c : top), null);
  for (const c of exclusive) if (c !== best) reject(c.coupon.id, 'coupon_not_stackable');
  for (const valid of best ? [best, ...stackable] : stackable) {
    const amount = redeem(valid, lines);
    if (amount > 0) outcome.applied.push({ couponId: valid.coupon.id, amount });
    else reject(valid.coupon.id, 'not_best_offer');
  }
  return outcome;
}
