import { z } from 'zod';
import { FenSchema } from '../money/money.js';

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Raw totals of one experiment arm over the analysis window, as the server aggregates them from
 * exposure events and `promotion_records` / orders. Money in fen.
 */
export const VariantMetricsSchema = z
  .object({
    /** Users assigned to the arm who saw a priced cart (each user counted once). */
    exposures: Count,
    /** Exposed users who placed at least one order. */
    conversions: Count,
    /** What exposed users paid, after all discounts, in fen. */
    revenue: FenSchema,
    /** Discount money the campaign gave exposed users, in fen (0 for the holdout). */
    discountCost: FenSchema,
    /** Σ over exposed users of (that user's revenue in fen)²; needed for the revenue t-test. */
    revenueSumSquares: z.number().nonnegative().optional(),
  })
  .refine((m) => m.conversions <= m.exposures, { message: 'conversions cannot exceed exposures', path: ['conversions'] });
export type VariantMetrics = z.infer<typeof VariantMetricsSchema>;

/** Per-user rates of one arm, derived from {@link VariantMetrics}. Money per user in fen (fractional). */
export interface VariantSummary {
  exposures: number;
  conversions: number;
  revenue: number;
  discountCost: number;
  /** conversions / exposures; `null` without exposures. */
  conversionRate: number | null;
  /** revenue / exposures (non-buyers count as 0), fen; `null` without exposures. */
  revenuePerUser: number | null;
  /** revenue / conversions, fen; `null` without conversions. */
  revenuePerConversion: number | null;
  /** discountCost / exposures, fen; `null` without exposures. */
  discountCostPerUser: number | null;
  /** (revenue − discountCost) / discountCost; `null` when nothing was discounted. */
  roi: number | null;
  /** Sample variance (n − 1) of per-user revenue, fen²; `null` without `revenueSumSquares` or with < 2 users. */
  revenueVariance: number | null;
}

/**
 * Rates of one arm. ROI is defined as (revenue − discount cost) / discount cost: net revenue
 * brought in per fen of discount given, so 4 means every ¥1 of discount came with ¥4 of revenue
 * beyond it. It is a campaign-efficiency figure, not incremental profit; lift against the holdout
 * (compare revenue per user) is the causal figure.
 */
export function summarizeVariant(metrics: VariantMetrics): VariantSummary {
  const { exposures, conversions, revenue, discountCost, revenueSumSquares } = metrics;
  if (conversions > exposures) throw new RangeError('conversions cannot exceed exposures');
  const perUser = (value: number) => (exposures === 0 ? null : value / exposures);
  let revenueVariance: number | null = null;
  if (revenueSumSquares !== undefined && exposures >= 2) {
    // Σx² − n·mean² can dip a hair below 0 by rounding when every user paid the same.
    revenueVariance = Math.max(0, (revenueSumSquares - (revenue * revenue) / exposures) / (exposures - 1));
  }
  return {
    exposures,
    conversions,
    revenue,
    discountCost,
    conversionRate: perUser(conversions),
    revenuePerUser: perUser(revenue),
    revenuePerConversion: conversions === 0 ? null : revenue / conversions,
    discountCostPerUser: perUser(discountCost),
    roi: discountCost === 0 ? null : (revenue - discountCost) / discountCost,
    revenueVariance,
  };
}
