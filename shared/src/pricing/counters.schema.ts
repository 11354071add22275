import { z } from 'zod';
import { FenSchema } from '../money/money.js';

const Count = z.number().int().nonnegative();

/** Live counters of one campaign, read by the server before quoting. Absent = nothing used yet. */
export const CampaignCountersSchema = z.object({
  /** Discount money left; absent = the whole `limits.budget`. */
  budgetLeft: FenSchema.optional(),
  /** Orders the campaign may still apply to; absent = the whole `limits.usageCap`. */
  usageLeft: Count.optional(),
  /** This user's uses of the campaign, overall and today (in the campaign's time zone). */
  userTotal: Count.default(0),
  userToday: Count.default(0),
  /** Units of each SKU (by SKU) this user already bought under the campaign, for `perSkuPerUser`. */
  skuUser: z.record(z.string(), Count).default({}),
});
export type CampaignCounters = z.infer<typeof CampaignCountersSchema>;

/** A valid (unexpired, unconfirmed) flash-sale reservation held by this user. */
export const FlashReservationSchema = z.object({
  campaignId: z.string().min(1).max(64),
  sku: z.string().min(1).max(64),
  quantity: z.number().int().positive(),
  /** The flash price locked when the reservation was made. */
  price: FenSchema,
});
export type FlashReservation = z.infer<typeof FlashReservationSchema>;

/**
 * A group seat of this user: the campaign of the group, and whether the user leads it (the leader
 * gets the offer's `leaderDiscount`). A bare campaign id (the original shape) means a plain member.
 */
export const GroupSeatSchema = z.union([
  z.string(),
  z.object({ campaignId: z.string(), isLeader: z.boolean().default(false) }),
]);
export type GroupSeat = z.infer<typeof GroupSeatSchema>;

/**
 * Everything stateful the engine needs, passed in (the engine never reads a store).
 * Keys: `campaigns` by campaign id, `giftStock` by SKU (absent = unlimited),
 * `flashStock` by `${campaignId}:${sku}` (absent = unknown, treated as available),
 * `flashReservations` by token, `groups` by group id → {@link GroupSeat}.
 */
export const PricingCountersSchema = z.object({
  campaigns: z.record(z.string(), CampaignCountersSchema).default({}),
  giftStock: z.record(z.string(), Count).default({}),
  flashStock: z.record(z.string(), Count).default({}),
  flashReservations: z.record(z.string(), FlashReservationSchema).default({}),
  groups: z.record(z.string(), GroupSeatSchema).default({}),
  /** The user's points balance; absent = `user.points`. */
  pointsBalance: Count.optional(),
});
export type PricingCounters = z.infer<typeof PricingCountersSchema>;

/** Own-property lookup, so keys such as `constructor` never hit `Object.prototype`. */
export function counterEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  const value = record[key];
  return value !== undefined && Object.hasOwn(record, key) ? value : undefined;
}
