import type { z } from 'zod';
import type { CampaignKind } from '../campaign/campaign.schema.js';
import {
  FlashSaleOfferSchema,
  GiftOfferSchema,
  GroupBuyOfferSchema,
  MemberOfferSchema,
  NewUserOfferSchema,
  PercentOffOfferSchema,
  ThresholdOffOfferSchema,
  type ThresholdOffOffer,
} from '../campaign/offer.schema.js';
import type { GraphProblem } from './graph-problem.js';
import { issueProblems } from './issue-problems.js';

const OFFER_SCHEMA_BY_KIND: Record<CampaignKind, z.ZodType> = {
  threshold_off: ThresholdOffOfferSchema,
  percent_off: PercentOffOfferSchema,
  gift: GiftOfferSchema,
  flash_sale: FlashSaleOfferSchema,
  group_buy: GroupBuyOfferSchema,
  new_user: NewUserOfferSchema,
  member: MemberOfferSchema,
};

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

function tierProblems(nodeId: string, offer: ThresholdOffOffer): GraphProblem[] {
  if (offer.mode === 'every') {
    if (offer.off < offer.every) return [];
    return [
      {
        code: 'every_off_exceeds_every',
        nodeId,
        field: 'offer.off',
        message: {
          zh: `每满 ¥${yuan(offer.every)} 减 ¥${yuan(offer.off)}：减免不能达到门槛`,
          en: `Every ¥${yuan(offer.every)} off ¥${yuan(offer.off)}: the discount must be below the step`,
        },
      },
    ];
  }
  const problems: GraphProblem[] = [];
  offer.tiers.forEach((tier, i) => {
    const field = `offer.tiers.${i}`;
    if (tier.off >= tier.minSpend) {
      problems.push({
        code: 'tier_off_exceeds_spend',
        nodeId,
        field: `${field}.off`,
        message: {
          zh: `第 ${i + 1} 档：减 ¥${yuan(tier.off)} 不能达到门槛 ¥${yuan(tier.minSpend)}`,
          en: `Tier ${i + 1}: ¥${yuan(tier.off)} off must be below its threshold ¥${yuan(tier.minSpend)}`,
        },
      });
    }
    const previous = offer.tiers[i - 1];
    if (!previous) return;
    if (tier.minSpend === previous.minSpend) {
      problems.push({
        code: 'tier_duplicate',
        nodeId,
        field: `${field}.minSpend`,
        message: {
          zh: `第 ${i} 档和第 ${i + 1} 档的门槛相同（¥${yuan(tier.minSpend)}）`,
          en: `Tiers ${i} and ${i + 1} have the same threshold (¥${yuan(tier.minSpend)})`,
        },
      });
    } else if (tier.minSpend < previous.minSpend) {
      problems.push({
        code: 'tier_unsorted',
        nodeId,
        field: `${field}.minSpend`,
        message: {
          zh: `档位须按门槛从低到高排列：第 ${i + 1} 档 ¥${yuan(tier.minSpend)} 低于上一档 ¥${yuan(previous.minSpend)}`,
          en: `Tiers must go up by threshold: tier ${i + 1} (¥${yuan(tier.minSpend)}) is below tier ${i} (¥${yuan(previous.minSpend)})`,
        },
      });
    } else if (tier.off <= previous.off) {
      problems.push({
        code: 'tier_not_increasing',
        nodeId,
        field: `${field}.off`,
        message: {
          zh: `第 ${i + 1} 档门槛更高，减免 ¥${yuan(tier.off)} 却不高于上一档 ¥${yuan(previous.off)}`,
          en: `Tier ${i + 1} has a higher threshold but ¥${yuan(tier.off)} off is not more than tier ${i}'s ¥${yuan(previous.off)}`,
        },
      });
    }
  });
  return problems;
}

/**
 * Problems of an offer node's `offer` for a campaign of `kind`: kind mismatch, then the fields of
 * its own kind's schema (precise paths rather than a union error), then the tier rules of 满减.
 */
export function offerProblems(nodeId: string, offer: unknown, kind: CampaignKind): GraphProblem[] {
  const offerKind = typeof offer === 'object' && offer !== null ? (offer as { kind?: unknown }).kind : undefined;
  if (typeof offerKind !== 'string' || !(offerKind in OFFER_SCHEMA_BY_KIND)) {
    return [
      {
        code: 'bad_args',
        nodeId,
        field: 'offer.kind',
        message: { zh: '优惠缺少有效的类型 (kind)', en: 'The offer needs a valid kind' },
      },
    ];
  }
  if (offerKind !== kind) {
    return [
      {
        code: 'offer_kind_mismatch',
        nodeId,
        field: 'offer.kind',
        message: {
          zh: `优惠类型 ${offerKind} 与活动类型 ${kind} 不一致`,
          en: `Offer kind ${offerKind} does not match the campaign kind ${kind}`,
        },
      },
    ];
  }
  const parsed = OFFER_SCHEMA_BY_KIND[kind].safeParse(offer);
  if (!parsed.success) return issueProblems(nodeId, parsed.error.issues, ['offer']);
  return kind === 'threshold_off' ? tierProblems(nodeId, parsed.data as ThresholdOffOffer) : [];
}
