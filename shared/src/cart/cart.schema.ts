import { z } from 'zod';
import { FenSchema } from '../money/money.js';

export const ChannelSchema = z.enum(['app', 'mini_program', 'web', 'pos']);
export type Channel = z.infer<typeof ChannelSchema>;

/** One cart line as the engine sees it: catalog facts (price, category, cost) already attached. */
export const CartLineSchema = z.object({
  lineId: z.string().min(1).max(64),
  sku: z.string().min(1).max(64),
  quantity: z.number().int().positive().max(9999),
  /** List price per unit. */
  unitPrice: FenSchema,
  /** Category ids from the leaf up to the root, so "contains category" matches ancestors too. */
  categoryIds: z.array(z.string().min(1).max(64)).max(10).default([]),
  /** Unit cost, for the margin floor. */
  unitCost: FenSchema.optional(),
  /** A flash-sale reservation token for this line (the flash price needs a valid one). */
  reservationToken: z.string().max(128).optional(),
  /** A group-buy group id for this line (the group price needs one). */
  groupId: z.string().max(128).optional(),
});
export type CartLine = z.infer<typeof CartLineSchema>;

/**
 * A points exchange (积分兑换) the customer asks for: reward `index` of the `pointsRedemption` list of
 * a member campaign's offer (`offerNodeId`, default its first offer). An item reward becomes a line
 * at 0; a coupon reward is issued at commit. Points are consumed at commit.
 */
export const RedemptionRequestSchema = z.object({
  campaignId: z.string().min(1).max(64),
  offerNodeId: z.string().min(1).max(64).optional(),
  index: z.number().int().nonnegative().max(19),
});
export type RedemptionRequest = z.infer<typeof RedemptionRequestSchema>;

export const CartSchema = z.object({
  lines: z.array(CartLineSchema).min(1).max(200),
  couponIds: z.array(z.string().min(1).max(64)).max(10).default([]),
  /** Points the customer wants to spend on this order. */
  pointsToRedeem: z.number().int().nonnegative().default(0),
  /** Points exchanges, in the order they are charged against the balance (absent = none). */
  redemptions: z.array(RedemptionRequestSchema).max(10).optional(),
});
export type Cart = z.infer<typeof CartSchema>;

export const RegionSchema = z.object({
  province: z.string().max(16).optional(),
  city: z.string().max(16).optional(),
});

/** Who is buying, where and how. Segments are computed by the server (new, dormant_30, high_value...). */
export const UserContextSchema = z.object({
  userId: z.string().min(1).max(64),
  tags: z.array(z.string().max(64)).max(100).default([]),
  segments: z.array(z.string().max(64)).max(50).default([]),
  memberLevel: z.number().int().min(0).max(10).default(0),
  isNewUser: z.boolean().default(false),
  points: z.number().int().nonnegative().default(0),
  region: RegionSchema.default({}),
  channel: ChannelSchema.default('app'),
});
export type UserContext = z.infer<typeof UserContextSchema>;
