import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByLargestRemainder, applyBasisPoints, formatYuan, roundHalfUpDiv } from './money.js';

describe('roundHalfUpDiv', () => {
  it.each([
    [5, 2, 3],
    [4, 2, 2],
    [7, 3, 2],
    [1999 * 8500, 10_000, 1699],
    [15, 10, 2],
    [14, 10, 1],
  ])('%i / %i rounds half-up to %i', (n, d, expected) => {
    expect(roundHalfUpDiv(n, d)).toBe(expected);
  });
});

describe('applyBasisPoints', () => {
  it('takes 8.5折 of ¥19.99 as ¥16.99 (16.9915 rounds down)', () => {
    expect(applyBasisPoints(1999, 8500)).toBe(1699);
  });
  it('rounds a half fen up', () => {
    expect(applyBasisPoints(1, 5000)).toBe(1);
  });
});

describe('allocateByLargestRemainder', () => {
  it('gives the leftover fen to the largest remainders', () => {
    expect(allocateByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateByLargestRemainder(1000, [3000, 2000, 1000])).toEqual([500, 333, 167]);
  });

  it('puts everything on the first part when all weights are zero', () => {
    expect(allocateByLargestRemainder(7, [0, 0])).toEqual([7, 0]);
  });

  it('always sums to the total with each part within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateByLargestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          if (sum > 0) {
            parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1));
          }
          parts.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});

describe('formatYuan', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(1230)).toBe('¥12.30');
    expect(formatYuan(5)).toBe('¥0.05');
  });
});
