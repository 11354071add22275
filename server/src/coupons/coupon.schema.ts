import { CouponSchema, CouponValueSchema, ScopeSchema } from '@promo/shared';
import { z } from 'zod';

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
const UserId = z.string().min(1).max(64);

/** How long an issued coupon is valid: N days from issue, or a fixed window. */
export const CouponValiditySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('days'), days: z.number().int().positive().max(3650) }),
  z.object({ type: z.literal('window'), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
]);

/** `POST /coupon-templates`. */
export const CreateCouponTemplateSchema = z
  .object({
    id: Id.optional(),
    name: z.string().min(1).max(120),
    nameEn: z.string().max(120).optional(),
    value: CouponValueSchema,
    scope: ScopeSchema.default({ type: 'storewide', skus: [], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] }),
    stackable: z.boolean().default(false),
    validity: CouponValiditySchema,
    /** Coupons that may ever be issued from this template; absent: unlimited. */
    totalQuantity: z.number().int().positive().max(100_000_000).optional(),
    /** Coupons of this template one user may hold in total; absent: unlimited. */
    perUserLimit: z.number().int().positive().max(1000).optional(),
  })
  .refine((t) => t.validity.type !== 'window' || Date.parse(t.validity.from) < Date.parse(t.validity.to), {
    message: 'validity.from must be before validity.to',
    path: ['validity', 'to'],
  });
export type CreateCouponTemplate = z.infer<typeof CreateCouponTemplateSchema>;

export const CouponTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  value: CouponValueSchema,
  scope: ScopeSchema,
  stackable: z.boolean(),
  validity: CouponValiditySchema,
  totalQuantity: z.number().int().nullable(),
  issuedCount: z.number().int(),
  perUserLimit: z.number().int().nullable(),
  createdAt: z.number().int(),
  createdBy: z.string(),
});
export type CouponTemplate = z.infer<typeof CouponTemplateSchema>;

export const TemplateParamsSchema = z.object({ id: Id });
export const UserParamsSchema = z.object({ userId: UserId });

/** `POST /coupon-templates/{id}/issue`: one coupon per listed user (a user listed twice gets two). */
export const IssueCouponsSchema = z.object({ userIds: z.array(UserId).min(1).max(1000) });

export const IssueResultSchema = z.object({
  issued: z.array(z.object({ userId: z.string(), couponId: z.string() })),
  skipped: z.array(z.object({ userId: z.string(), reason: z.literal('user_limit_reached') })),
});
export type IssueResult = z.infer<typeof IssueResultSchema>;

/** A wallet entry: the engine's coupon plus its name and what it was used for. */
export const WalletCouponSchema = CouponSchema.extend({
  name: z.string(),
  nameEn: z.string().optional(),
  usedOrderId: z.string().nullable(),
});
export type WalletCoupon = z.infer<typeof WalletCouponSchema>;

export const WalletQuerySchema = z.object({ status: z.enum(['available', 'used', 'expired']).optional() });
export const WalletResponseSchema = z.object({ coupons: z.array(WalletCouponSchema) });
