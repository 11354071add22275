import { describe, expect, it } from 'vitest';
import { bpToPercentText, evenWeights, parsePercentToBp, weightBalance } from './percent.js';

describe('variant weights', () => {
  it('parses percentages into basis points exactly', () => {
    expect(parsePercentToBp('33.33')).toBe(3333);
    expect(parsePercentToBp('50%')).toBe(5000);
    expect(parsePercentToBp('0.5')).toBe(50);
    expect(parsePercentToBp('100')).toBe(10_000);
    expect(parsePercentToBp('100.01')).toBeNull();
    expect(parsePercentToBp('-1')).toBeNull();
    expect(parsePercentToBp('1.234')).toBeNull();
  });

  it('shows basis points as short percentages', () => {
    expect(bpToPercentText(3333)).toBe('33.33');
    expect(bpToPercentText(5000)).toBe('50');
    expect(bpToPercentText(50)).toBe('0.5');
  });

  it('requires variants plus holdout to make exactly 100%', () => {
    expect(weightBalance([4500, 4500], 1000)).toEqual({ total: 10_000, remaining: 0 });
    expect(weightBalance([5000, 4000], 0).remaining).toBe(1000);
    expect(weightBalance([6000, 5000], 0).remaining).toBe(-1000);
  });

  it('splits traffic evenly to the basis point', () => {
    expect(evenWeights(3, 1000)).toEqual([3000, 3000, 3000]);
    expect(evenWeights(3, 0)).toEqual([3334, 3333, 3333]);
    expect(evenWeights(3, 0).reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});
