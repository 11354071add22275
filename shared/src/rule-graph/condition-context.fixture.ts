import type { CartLine } from '../cart/cart.schema.js';
import type { ConditionContext } from './evaluator.types.js';

/** Test fixture: a 11.11 Shanghai evening, one app user in Shanghai with a two-line cart. */
export function makeContext(overrides: Partial<Omit<ConditionContext, 'user'>> & { user?: Partial<ConditionContext['user']> } = {}): ConditionContext {
  const lines: CartLine[] = [
    { lineId: 'l1', sku: 'apple', quantity: 2, unitPrice: 1500, categoryIds: ['fruit', 'produce'] },
    { lineId: 'l2', sku: 'milk', quantity: 1, unitPrice: 2000, categoryIds: ['dairy'] },
  ];
  const { user, ...rest } = overrides;
  return {
    cart: { lines, couponIds: [], pointsToRedeem: 0 },
    nowMs: 1_794_398_400_000, // 2026-11-11T20:00:00+08:00
    timezone: 'Asia/Shanghai',
    variantKey: null,
    scopeSubtotal: 5000,
    ...rest,
    user: {
      userId: 'u1',
      tags: ['vip'],
      segments: ['dormant_30'],
      memberLevel: 2,
      isNewUser: false,
      points: 0,
      region: { province: '31', city: '3101' },
      channel: 'app',
      ...user,
    },
  };
}
