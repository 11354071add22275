import { describe, expect, it } from 'vitest';
import { describeOffer, zheOf } from './offer-preview.js';

describe('offer preview line', () => {
  const tiers = { kind: 'threshold_off' as const, mode: 'tiers' as const, tiers: [{ minSpend: 20000, off: 3000 }, { minSpend: 10000, off: 1000 }] };

  it('reads tiers in order in Chinese and English', () => {
    expect(describeOffer(tiers, 'zh')).toBe('满100减10, 满200减30');
    expect(describeOffer(tiers, 'en')).toBe('¥10 off ¥100, ¥30 off ¥200');
  });

  it('keeps fen in non-whole amounts', () => {
    expect(describeOffer({ kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 9990, off: 550 }] }, 'zh')).toBe('满99.90减5.50');
  });

  it('describes repeating thresholds with a cap', () => {
    const every = { kind: 'threshold_off' as const, mode: 'every' as const, every: 30000, off: 5000, cap: 50000 };
    expect(describeOffer(every, 'zh')).toBe('每满300减50，最多减500');
    expect(describeOffer(every, 'en')).toBe('¥50 off every ¥300, up to ¥500');
  });

  it('describes percent offers as 折 and as % off', () => {
    expect(describeOffer({ kind: 'percent_off', payRate: 8500 }, 'zh')).toBe('8.5折');
    expect(describeOffer({ kind: 'percent_off', payRate: 8500 }, 'en')).toBe('15% off');
    expect(zheOf(9000)).toBe('9');
  });

  it('describes member and new-user offers', () => {
    expect(describeOffer({ kind: 'member', minLevel: 2, benefit: { type: 'percent', payRate: 9000 }, pointsRedemption: [] }, 'zh')).toBe('2级以上会员9折');
    expect(describeOffer({ kind: 'new_user', firstOrder: { type: 'fixed', off: 1000, minSpend: 0 }, couponPack: [] }, 'en')).toBe('¥10 off the first order');
  });
});
