import { describe, expect, it } from 'vitest';
import { summarize } from './welch-t-test.js';
import { summarizeVariant, VariantMetricsSchema } from './variant-summary.js';

describe('summarizeVariant', () => {
  it('derives conversion, revenue per user, per conversion and ROI', () => {
    const summary = summarizeVariant({ exposures: 1000, conversions: 120, revenue: 600_000, discountCost: 120_000 });
    expect(summary).toMatchObject({
      conversionRate: 0.12,
      revenuePerUser: 600,
      revenuePerConversion: 5000,
      discountCostPerUser: 120,
      roi: 4,
      revenueVariance: null,
    });
  });

  it('computes the per-user revenue variance from the sum of squares, counting non-buyers as 0', () => {
    const perUser = [0, 0, 0, 1999, 0, 4550, 0, 0, 12_000, 0];
    const revenue = perUser.reduce((a, b) => a + b, 0);
    const revenueSumSquares = perUser.reduce((a, b) => a + b * b, 0);
    const summary = summarizeVariant({ exposures: perUser.length, conversions: 3, revenue, discountCost: 900, revenueSumSquares });
    expect(summary.revenueVariance).toBeCloseTo(summarize(perUser).variance, 6);
  });

  it('leaves rates null where their denominator is zero', () => {
    expect(summarizeVariant({ exposures: 0, conversions: 0, revenue: 0, discountCost: 0 })).toMatchObject({
      conversionRate: null,
      revenuePerUser: null,
      revenuePerConversion: null,
      discountCostPerUser: null,
      roi: null,
    });
  });

  it('reports a holdout without discount cost as having no ROI', () => {
    expect(summarizeVariant({ exposures: 500, conversions: 40, revenue: 200_000, discountCost: 0 }).roi).toBeNull();
  });

  it('rejects more conversions than exposures', () => {
    expect(() => summarizeVariant({ exposures: 5, conversions: 6, revenue: 0, discountCost: 0 })).toThrow(RangeError);
    expect(VariantMetricsSchema.safeParse({ exposures: 5, conversions: 6, revenue: 0, discountCost: 0 }).success).toBe(false);
  });

  it('accepts integer fen only at the edge', () => {
    expect(VariantMetricsSchema.safeParse({ exposures: 5, conversions: 1, revenue: 10.5, discountCost: 0 }).success).toBe(false);
    expect(VariantMetricsSchema.safeParse({ exposures: 5, conversions: 1, revenue: 1050, discountCost: 0 }).success).toBe(true);
  });
});
