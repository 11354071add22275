import { describe, expect, it } from 'vitest';
import { summarizeNode } from './node-summary.js';

describe('node summaries', () => {
  it('describes an offer node with its preview line', () => {
    const args = { offer: { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10000, off: 1000 }] } };
    expect(summarizeNode('offer', args, 'zh')).toEqual(['满100减10']);
  });

  it('lists condition arguments with their registry labels', () => {
    expect(summarizeNode('region', { mode: 'include', provinces: ['31', '44'], cities: [] }, 'en')).toEqual(['Mode: include', 'Province codes: 31, 44']);
    expect(summarizeNode('cart_subtotal', { minSpend: 9900 }, 'zh')[0]).toContain('¥99.00');
  });
});
