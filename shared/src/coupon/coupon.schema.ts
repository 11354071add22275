import { z } from 'zod';
import { BasisPointsSchema, FenSchema } from '../money/money.js';
import { ScopeSchema } from '../campaign/campaign.schema.js';

const Id = z.string().min(1).max(64);

export const CouponStatusSchema = z.enum(['available', 'locked', 'used', 'expired', 'revoked']);
export type CouponStatus = z.infer<typeof CouponStatusSchema>;

/** What a coupon takes off: a fixed amount, a percentage, or 满X减Y. */
export const CouponValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), off: FenSchema, minSpend: FenSchema.default(0) }),
  z.object({
    type: z.literal('percent'),
    payRate: BasisPointsSchema,
    maxDiscount: FenSchema.optional(),
    minSpend: FenSchema.default(0),
  }),
  z.object({ type: z.literal('threshold'), minSpend: FenSchema, off: FenSchema }),
]);
export type CouponValue = z.infer<typeof CouponValueSchema>;

/** One coupon in a user's wallet, as the pricing engine sees it. */
export const CouponSchema = z.object({
  id: Id,
  templateId: Id,
  value: CouponValueSchema,
  scope: ScopeSchema.default({ type: 'storewide', skus: [], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] }),
  /** Stackable coupons combine with another coupon; at most one non-stackable coupon per order. */
  stackable: z.boolean().default(false),
  validFrom: z.iso.datetime({ offset: true }),
  validTo: z.iso.datetime({ offset: true }),
  status: CouponStatusSchema.default('available'),
});
export type Coupon = z.infer<typeof CouponSchema>;
export type CouponInput = z.input<typeof CouponSchema>;
