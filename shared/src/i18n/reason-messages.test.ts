import { describe, expect, it } from 'vitest';
import { REASON_CODES, excludedBy } from '../pricing/reason.js';
import { reasonMessage, spendMoreForDiscountMessage } from './reason-messages.js';

describe('reason messages', () => {
  it.each(REASON_CODES.map((code) => [code]))('%s has a zh and an en message', (code) => {
    const message = reasonMessage(code);
    expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(message.en).toMatch(/^[A-Z]/);
  });

  it('names the winning campaign in excluded_by messages', () => {
    expect(reasonMessage(excludedBy('mj-618'))).toEqual({
      zh: '与活动 mj-618 互斥，已选更优惠的活动',
      en: 'Cannot be combined with promotion mj-618, which saves you more',
    });
  });

  it('formats 凑单 hints in yuan with two decimals', () => {
    expect(spendMoreForDiscountMessage(1_200, 2_000)).toEqual({ zh: '再买¥12.00可减¥20.00', en: 'Spend ¥12.00 more to get ¥20.00 off' });
  });
});
