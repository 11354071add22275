import { applyBasisPoints } from '../money/money.js';
import type { BaseReasonCode } from '../pricing/reason.js';
import type { CouponValue } from './coupon.schema.js';

/** What a coupon takes off a basis (the amount still payable on its scope lines), or why nothing. */
export function couponDiscount(value: CouponValue, basis: number): { amount: number } | { reason: BaseReasonCode } {
  if (basis < value.minSpend) return { reason: 'below_threshold' };
  if (value.type === 'percent') {
    const off = Math.min(basis - applyBasisPoints(basis, value.payRate), value.maxDiscount ?? Infinity);
    return { amount: off };
  }
  return { amount: Math.min(value.off, basis) };
}
