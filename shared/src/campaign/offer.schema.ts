import { z } from 'zod';
import { BasisPointsSchema, FenSchema } from '../money/money.js';

const Sku = z.string().min(1).max(64);
const Positive = z.number().int().positive();

/** 满减: highest tier reached, or "every X off Y" with an optional cap. */
export const ThresholdOffOfferSchema = z.discriminatedUnion('mode', [
  z.object({
    kind: z.literal('threshold_off'),
    mode: z.literal('tiers'),
    tiers: z.array(z.object({ minSpend: FenSchema, off: FenSchema })).min(1).max(20),
  }),
  z.object({
    kind: z.literal('threshold_off'),
    mode: z.literal('every'),
    every: FenSchema.positive(),
    off: FenSchema.positive(),
    cap: FenSchema.optional(),
  }),
]);

/** 折扣: pay `payRate` bp of the price on the campaign scope, optionally capped per order. */
export const PercentOffOfferSchema = z.object({
  kind: z.literal('percent_off'),
  payRate: BasisPointsSchema,
  maxDiscount: FenSchema.optional(),
});

/** 赠品: buy N of set A get M of set B (cheapest first), or spend X get gift SKUs. */
export const GiftOfferSchema = z.discriminatedUnion('mode', [
  z.object({
    kind: z.literal('gift'),
    mode: z.literal('buy_n_get_m'),
    buySkus: z.array(Sku).min(1),
    buyQuantity: Positive,
    getSkus: z.array(Sku).min(1),
    getQuantity: Positive,
    repeatable: z.boolean().default(true),
    maxRepeats: Positive.optional(),
  }),
  z.object({
    kind: z.literal('gift'),
    mode: z.literal('spend_get_gift'),
    minSpend: FenSchema,
    gifts: z
      .array(
        z.object({
          sku: Sku,
          quantity: Positive,
          /** List price of one gift unit: what the gift is worth to the customer and costs the budget. */
          value: FenSchema.optional(),
        }),
      )
      .min(1)
      .max(10),
  }),
]);

/** A daily time slot in the campaign's time zone, `HH:mm`–`HH:mm`. */
export const TimeSlotSchema = z.object({
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/),
});

/** 秒杀: per-SKU special price, stock and per-user limit, in daily slots. Needs a reservation. */
export const FlashSaleOfferSchema = z.object({
  kind: z.literal('flash_sale'),
  slots: z.array(TimeSlotSchema).min(1).max(24),
  items: z
    .array(z.object({ sku: Sku, price: FenSchema, stock: z.number().int().nonnegative(), perUserLimit: Positive.default(1) }))
    .min(1)
    .max(500),
  reservationMinutes: Positive.max(120).default(15),
});

/** 拼团: group price per SKU for a group of N filled within T hours. Needs a group id. */
export const GroupBuyOfferSchema = z.object({
  kind: z.literal('group_buy'),
  items: z.array(z.object({ sku: Sku, groupPrice: FenSchema })).min(1).max(500),
  groupSize: z.number().int().min(2).max(100),
  fillHours: z.number().positive().max(24 * 7),
  leaderDiscount: FenSchema.optional(),
  virtualFill: z.boolean().default(false),
});

/** 新用户专享: a first-order discount and a coupon pack issued on registration. */
export const NewUserOfferSchema = z.object({
  kind: z.literal('new_user'),
  firstOrder: z.discriminatedUnion('type', [
    z.object({ type: z.literal('fixed'), off: FenSchema, minSpend: FenSchema.default(0) }),
    z.object({ type: z.literal('percent'), payRate: BasisPointsSchema, maxDiscount: FenSchema.optional() }),
  ]),
  couponPack: z.array(z.object({ templateId: z.string().min(1), quantity: Positive.max(20) })).max(20).default([]),
});

/** 会员专属: member-day price or percent for level ≥ L, and points redemption. */
export const MemberOfferSchema = z.object({
  kind: z.literal('member'),
  minLevel: z.number().int().min(0).max(10),
  benefit: z.discriminatedUnion('type', [
    z.object({ type: z.literal('percent'), payRate: BasisPointsSchema }),
    z.object({ type: z.literal('price'), items: z.array(z.object({ sku: Sku, price: FenSchema })).min(1) }),
  ]),
  pointsRedemption: z
    .array(
      z.object({
        points: Positive,
        reward: z.discriminatedUnion('type', [
          z.object({ type: z.literal('item'), sku: Sku }),
          z.object({ type: z.literal('coupon'), templateId: z.string().min(1) }),
        ]),
      }),
    )
    .max(20)
    .default([]),
});

/** What a campaign gives, one shape per kind (the `kind` field matches the campaign's kind). */
export const OfferSchema = z.union([
  ThresholdOffOfferSchema,
  PercentOffOfferSchema,
  GiftOfferSchema,
  FlashSaleOfferSchema,
  GroupBuyOfferSchema,
  NewUserOfferSchema,
  MemberOfferSchema,
]);
export type Offer = z.infer<typeof OfferSchema>;
export type ThresholdOffOffer = z.infer<typeof ThresholdOffOfferSchema>;
export type PercentOffOffer = z.infer<typeof PercentOffOfferSchema>;
export type GiftOffer = z.infer<typeof GiftOfferSchema>;
export type FlashSaleOffer = z.infer<typeof FlashSaleOfferSchema>;
export type GroupBuyOffer = z.infer<typeof GroupBuyOfferSchema>;
export type NewUserOffer = z.infer<typeof NewUserOfferSchema>;
export type MemberOffer = z.infer<typeof MemberOfferSchema>;
