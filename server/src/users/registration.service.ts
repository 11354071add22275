import { isScheduleActive, OfferSchema, type Campaign } from '@promo/shared';
import type { Knex } from 'knex';
import type { Clock } from '../app/deps.js';
import type { CouponService } from '../coupons/coupon.service.js';
import { isUniqueViolation, withTxRetry } from '../db/sql-errors.js';
import type { LiveCampaignsView } from '../pricing/pricing-ports.js';

export interface RegistrationResult {
  userId: string;
  /** False when the registration was already recorded (nothing issued this time). */
  firstTime: boolean;
  issued: { campaignId: string; templateId: string; couponIds: string[] }[];
}

/** Coupon packs of the new-user campaigns live now. */
function couponPacks(campaigns: readonly Campaign[], nowMs: number): { campaignId: string; templateId: string; quantity: number }[] {
  const packs: { campaignId: string; templateId: string; quantity: number }[] = [];
  for (const campaign of campaigns) {
    if (campaign.kind !== 'new_user' || campaign.status !== 'live' || !isScheduleActive(campaign.schedule, nowMs)) continue;
    for (const node of campaign.graph.nodes) {
      if (node.type !== 'offer') continue;
      const offer = OfferSchema.safeParse(node.args.offer);
      if (!offer.success || offer.data.kind !== 'new_user') continue;
      for (const pack of offer.data.couponPack) packs.push({ campaignId: campaign.id, templateId: pack.templateId, quantity: pack.quantity });
    }
  }
  return packs;
}

/**
 * `registered` events: the first one per user records the registration and issues the live
 * new-user campaigns' coupon packs in the same transaction; repeats change nothing.
 */
export function createRegistrationService(deps: { db: Knex; clock: Clock; live: LiveCampaignsView; coupons: CouponService }) {
  return {
    async register(userId: string): Promise<RegistrationResult> {
      const now = deps.clock.now();
      const packs = couponPacks(deps.live.snapshot().campaigns, now);
      const templates = new Map<string, Awaited<ReturnType<CouponService['getTemplate']>>>();
      for (const pack of packs) {
        if (!templates.has(pack.templateId)) {
          const template = await deps.coupons.getTemplate(pack.templateId).catch(() => null);
          if (template) templates.set(pack.templateId, template);
        }
      }
      try {
        return await withTxRetry(() =>
          deps.db.transaction(async (trx) => {
            await trx('user_registrations').insert({ user_id: userId, registered_at: now });
            const issued: RegistrationResult['issued'] = [];
            for (const pack of packs) {
              const template = templates.get(pack.templateId);
              if (!template) continue;
              const couponIds = await deps.coupons.issueInTx(trx, template, userId, pack.quantity, `registration:${pack.campaignId}`);
              issued.push({ campaignId: pack.campaignId, templateId: pack.templateId, couponIds });
            }
            return { userId, firstTime: true, issued };
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) return { userId, firstTime: false, issued: [] };
        throw error;
      }
    },
  };
}
export type RegistrationService = ReturnType<typeof createRegistrationService>;
