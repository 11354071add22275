/**
 * Why a campaign that targeted the cart did not apply. `excluded_by:<campaignId>` is built with
 * {@link excludedBy}. Every code has a zh/en message in `reason-messages.ts`.
 */
export const REASON_CODES = [
  'outside_window',
  'below_threshold',
  'quantity_too_low',
  'category_missing',
  'region_mismatch',
  'channel_mismatch',
  'tag_mismatch',
  'segment_mismatch',
  'member_level_too_low',
  'not_new_user',
  'not_in_variant',
  'in_holdout',
  'condition_not_met',
  'not_in_scope',
  'no_reservation',
  'no_group',
  'user_limit_reached',
  'sku_limit_reached',
  'budget_exhausted',
  'usage_cap_reached',
  'out_of_stock',
  'not_best_offer',
  'coupon_invalid',
  'coupon_not_stackable',
  'insufficient_points',
  'redemption_invalid',
] as const;
export type BaseReasonCode = (typeof REASON_CODES)[number];
export type ReasonCode = BaseReasonCode | `excluded_by:${string}`;

export function excludedBy(campaignId: string): ReasonCode {
  return `excluded_by:${campaignId}`;
}
