import type { Campaign, CampaignIndex, Cart, IndexedCampaign } from '@promo/shared';
import { DateTime } from 'luxon';
import { limitKeys } from '../limits/limit-keys.js';

/** The calendar day of `nowMs` in the campaign's time zone (per-day limits count by it). */
export function campaignDay(campaign: Campaign, nowMs: number): string {
  return DateTime.fromMillis(nowMs, { zone: campaign.schedule.timezone }).toISODate() ?? 'invalid';
}

/** New-user offers apply once per user even when the campaign sets no per-user limit. */
export function perUserTotalOf(campaign: Campaign): number | undefined {
  return campaign.limits.perUserTotal ?? (campaign.kind === 'new_user' ? 1 : undefined);
}

/** The counter keys one campaign's quote-time limits read, or none when it has no limits. */
export function quoteKeysOf(campaign: Campaign, userId: string, nowMs: number): string[] {
  const keys: string[] = [];
  if (campaign.limits.budget !== undefined) keys.push(limitKeys.budget(campaign.id));
  if (campaign.limits.usageCap !== undefined) keys.push(limitKeys.usage(campaign.id));
  if (perUserTotalOf(campaign) !== undefined) keys.push(limitKeys.userTotal(campaign.id, userId));
  if (campaign.limits.perUserDaily !== undefined) keys.push(limitKeys.userDay(campaign.id, userId, campaignDay(campaign, nowMs)));
  return keys;
}

/** Item rewards the cart's points exchanges may add (their stock is counted like gifts). */
export function redemptionSkusOf(index: CampaignIndex, cart: Cart): string[] {
  const skus = new Set<string>();
  for (const request of cart.redemptions ?? []) {
    const entry = index.byId.get(request.campaignId);
    for (const offer of entry?.offersFor(null).values() ?? []) {
      if (offer.kind !== 'member') continue;
      for (const r of offer.pointsRedemption) if (r.reward.type === 'item') skus.add(r.reward.sku);
    }
  }
  return [...skus];
}

/** Gift SKUs a spend-X-get-gift campaign may add (their stock is counted per SKU). */
export function giftSkusOf(entry: IndexedCampaign): string[] {
  if (entry.campaign.kind !== 'gift') return [];
  const skus = new Set<string>();
  for (const offer of entry.offersFor(null).values()) {
    if (offer.kind === 'gift' && offer.mode === 'spend_get_gift') for (const gift of offer.gifts) skus.add(gift.sku);
  }
  return [...skus];
}
