import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, line, makeCampaign, quote, reasonOf, userOf } from '../testing/campaign-factory.js';

const fixed = makeCampaign({ id: 'nu', offer: { kind: 'new_user', firstOrder: { type: 'fixed', off: 2_000, minSpend: 5_000 } } });
const percent = makeCampaign({ id: 'nup', offer: { kind: 'new_user', firstOrder: { type: 'percent', payRate: 7_000, maxDiscount: 3_000 } } });

describe('new_user (新用户专享)', () => {
  it.each([
    { name: 'new user at the minimum spend gets the fixed discount', isNewUser: true, subtotal: 5_000, off: 2_000, reason: undefined },
    { name: 'new user below the minimum spend', isNewUser: true, subtotal: 4_999, off: 0, reason: 'below_threshold' },
    { name: 'returning user gets nothing', isNewUser: false, subtotal: 9_000, off: 0, reason: 'not_new_user' },
  ])('$name', ({ isNewUser, subtotal, off, reason }) => {
    const result = quote([fixed], cartOf([line('A', subtotal)]), { user: userOf({ isNewUser }) });
    expect(appliedAmount(result, 'nu')).toBe(off);
    expect(reasonOf(result, 'nu')).toBe(reason);
  });

  it.each([
    { subtotal: 3_333, off: 1_000 },
    { subtotal: 20_000, off: 3_000 },
  ])('percent first order on $subtotal takes $off (30% off, capped at ¥30)', ({ subtotal, off }) => {
    expect(appliedAmount(quote([percent], cartOf([line('A', subtotal)]), { user: userOf({ isNewUser: true }) }), 'nup')).toBe(off);
  });

  it('a new_user graph condition reports not_new_user for a returning user', () => {
    const gated = makeCampaign({ id: 'g', conditions: [{ type: 'new_user' }], offer: { kind: 'new_user', firstOrder: { type: 'fixed', off: 100, minSpend: 0 } } });
    expect(reasonOf(quote([gated], cartOf([line('A', 1_000)])), 'g')).toBe('not_new_user');
  });
});
