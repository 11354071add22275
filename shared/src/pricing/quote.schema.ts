import { z } from 'zod';
import { FenSchema } from '../money/money.js';
import { CampaignKindSchema } from '../campaign/campaign.schema.js';

const LocalizedTextSchema = z.object({ zh: z.string(), en: z.string() });

/** Where an order-level amount on a line came from; allocations let refunds split exactly. */
export const AllocationSchema = z.object({
  source: z.enum(['campaign', 'coupon', 'points']),
  /** Campaign id, coupon id, or `points`. */
  id: z.string(),
  amount: FenSchema,
});
export type Allocation = z.infer<typeof AllocationSchema>;

/** One priced line. `final = subtotal - itemDiscount - orderDiscount - couponDiscount - pointsDiscount`. */
export const QuoteLineSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: FenSchema,
  subtotal: FenSchema,
  itemDiscount: FenSchema,
  /**
   * Item-stage discounts by campaign, in the order they applied, with the units each discounted
   * (what per-SKU per-user limits count; absent in results stored before it was reported).
   */
  itemAdjustments: z.array(z.object({ campaignId: z.string(), amount: FenSchema, units: z.number().int().nonnegative().optional() })),
  orderDiscount: FenSchema,
  couponDiscount: FenSchema,
  pointsDiscount: FenSchema,
  /** Order-stage, coupon and points amounts on this line. */
  allocations: z.array(AllocationSchema),
  final: FenSchema,
  /** A gift line added by a gift campaign, priced at 0. */
  gift: z.boolean(),
  /** Set when a discount on this line was cut to keep it at its price floor. */
  capped: z.literal('margin_floor').nullable(),
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

export const QuoteTotalsSchema = z.object({
  subtotal: FenSchema,
  itemDiscount: FenSchema,
  orderDiscount: FenSchema,
  couponDiscount: FenSchema,
  pointsDiscount: FenSchema,
  /** Everything the customer saves: item + order + coupon + points. */
  discount: FenSchema,
  total: FenSchema,
});
export type QuoteTotals = z.infer<typeof QuoteTotalsSchema>;

export const AppliedCampaignSchema = z.object({
  campaignId: z.string(),
  kind: CampaignKindSchema,
  stage: z.enum(['item', 'order']),
  /** Money taken off (for gifts: the declared value of the gift lines). */
  amount: FenSchema,
  /** The offer node that won when several fired. */
  offerNodeId: z.string(),
  /** The A/B variant the user is in, or null. */
  variant: z.string().nullable(),
  capped: z.literal('margin_floor').nullable(),
});
export type AppliedCampaign = z.infer<typeof AppliedCampaignSchema>;

export const NotAppliedCampaignSchema = z.object({
  campaignId: z.string(),
  kind: CampaignKindSchema,
  /** A {@link ReasonCode}: a base code or `excluded_by:<campaignId>`. */
  reason: z.string(),
  message: LocalizedTextSchema,
});
export type NotAppliedCampaign = z.infer<typeof NotAppliedCampaignSchema>;

export const CouponOutcomeSchema = z.object({
  applied: z.array(z.object({ couponId: z.string(), amount: FenSchema })),
  rejected: z.array(z.object({ couponId: z.string(), reason: z.string(), message: LocalizedTextSchema })),
});
export type CouponOutcome = z.infer<typeof CouponOutcomeSchema>;

export const PointsOutcomeSchema = z.object({
  requested: z.number().int().nonnegative(),
  used: z.number().int().nonnegative(),
  amount: FenSchema,
  reason: z.string().nullable(),
});
export type PointsOutcome = z.infer<typeof PointsOutcomeSchema>;

/** The outcome of one requested points exchange, in request order. `reason` null = granted. */
export const RedemptionOutcomeSchema = z.object({
  campaignId: z.string(),
  offerNodeId: z.string().nullable(),
  index: z.number().int().nonnegative(),
  /** Points it costs (consumed at commit); 0 when refused before the reward was known. */
  points: z.number().int().nonnegative(),
  /**
   * An item: the line added at 0 (`lineId`, null when refused); a coupon: issued from `templateId`
   * at commit. Null when the request names no reward.
   */
  reward: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('item'), sku: z.string(), lineId: z.string().nullable() }),
      z.object({ type: z.literal('coupon'), templateId: z.string() }),
    ])
    .nullable(),
  reason: z.string().nullable(),
  message: LocalizedTextSchema.nullable(),
});
export type RedemptionOutcome = z.infer<typeof RedemptionOutcomeSchema>;

/** 凑单: how much more to spend for the next tier or gift. */
export const UpsellHintSchema = z.object({
  campaignId: z.string(),
  type: z.enum(['discount', 'gift']),
  shortfall: FenSchema,
  /** The extra discount the next tier gives (0 for a gift). */
  reward: FenSchema,
  message: LocalizedTextSchema,
});
export type UpsellHint = z.infer<typeof UpsellHintSchema>;

/** The result of pricing one cart. A quote changes nothing; committing is the server's job. */
export const QuoteResultSchema = z.object({
  lines: z.array(QuoteLineSchema),
  totals: QuoteTotalsSchema,
  applied: z.array(AppliedCampaignSchema),
  notApplied: z.array(NotAppliedCampaignSchema),
  coupons: CouponOutcomeSchema,
  points: PointsOutcomeSchema,
  upsell: z.array(UpsellHintSchema),
  /** Points exchanges requested by `cart.redemptions` (absent in results stored before they existed). */
  redemptions: z.array(RedemptionOutcomeSchema).optional(),
});
export type QuoteResult = z.infer<typeof QuoteResultSchema>;
