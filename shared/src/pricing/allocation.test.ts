import { describe, expect, it } from 'vitest';
import { allocateWithHeadroom } from './allocation.js';
import { guardedDiscount, marginFloor } from './guards.js';

describe('allocateWithHeadroom', () => {
  it.each([
    { amount: 100, weights: [1, 1, 1], headroom: [100, 100, 100], parts: [34, 33, 33], cut: [false, false, false] },
    { amount: 1_000, weights: [3_333, 3_333, 3_334], headroom: [9_999, 9_999, 9_999], parts: [333, 333, 334], cut: [false, false, false] },
    { amount: 1, weights: [5, 5], headroom: [10, 10], parts: [1, 0], cut: [false, false] },
    { amount: 100, weights: [50, 50], headroom: [10, 100], parts: [10, 50], cut: [true, false] },
    { amount: 100, weights: [50, 50], headroom: [0, 0], parts: [0, 0], cut: [true, true] },
  ])('splits $amount over $weights within $headroom', ({ amount, weights, headroom, parts, cut }) => {
    expect(allocateWithHeadroom(amount, weights, headroom)).toEqual({ parts, cut });
  });
});

describe('guards', () => {
  it.each([
    { cost: 5_000, qty: 1, margin: 1_000, floor: 5_500 },
    { cost: 333, qty: 3, margin: 1_500, floor: 1_149 },
    { cost: 1, qty: 1, margin: 1, floor: 2 },
  ])('margin floor of cost $cost × $qty at $margin bp is $floor (rounded up)', ({ cost, qty, margin, floor }) => {
    expect(marginFloor({ lineId: 'l', sku: 's', quantity: qty, unitPrice: 99_999, unitCost: cost, categoryIds: [] }, margin)).toBe(floor);
  });

  it('has no floor without a cost or a margin', () => {
    expect(marginFloor({ lineId: 'l', sku: 's', quantity: 1, unitPrice: 100, categoryIds: [] }, 1_000)).toBe(0);
    expect(marginFloor({ lineId: 'l', sku: 's', quantity: 1, unitPrice: 100, unitCost: 50, categoryIds: [] }, undefined)).toBe(0);
  });

  it.each([
    { amount: 1_000, floor: 0, wanted: 300, result: { amount: 300, capped: false } },
    { amount: 1_000, floor: 800, wanted: 300, result: { amount: 200, capped: true } },
    { amount: 1_000, floor: 0, wanted: 5_000, result: { amount: 1_000, capped: false } },
    { amount: 700, floor: 800, wanted: 100, result: { amount: 0, capped: true } },
  ])('guardedDiscount($amount, floor $floor, wanted $wanted)', ({ amount, floor, wanted, result }) => {
    expect(guardedDiscount(amount, floor, wanted)).toEqual(result);
  });
});
