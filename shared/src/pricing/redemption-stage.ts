import type { MemberOffer, Offer } from '../campaign/offer.schema.js';
import type { RedemptionRequest } from '../cart/cart.schema.js';
import { reasonMessage } from '../i18n/reason-messages.js';
import type { CampaignIndex, IndexedCampaign } from './candidate-index.js';
import { counterEntry } from './counters.schema.js';
import { createGiftLine, type LineState } from './line-state.js';
import type { PricingEnv } from './pricing-env.js';
import type { RedemptionOutcome } from './quote.schema.js';
import type { BaseReasonCode } from './reason.js';

type Reward = MemberOffer['pointsRedemption'][number];

/** The member offer a request names (its `offerNodeId`, else the campaign's first member offer). */
function memberOffer(entry: IndexedCampaign, request: RedemptionRequest, variantKey: string | null): { nodeId: string; offer: MemberOffer } | null {
  for (const [nodeId, offer] of entry.offersFor(variantKey) as ReadonlyMap<string, Offer>) {
    if (offer.kind !== 'member') continue;
    if (request.offerNodeId === undefined || request.offerNodeId === nodeId) return { nodeId, offer };
  }
  return null;
}

/**
 * The reward a request may have, or why not: the campaign is indexed, in its window (schedule and
 * recurrence), the user is not in its holdout and has the offer's member level. The graph's other
 * conditions and the campaign's money limits do not apply: an exchange is paid with points.
 */
function resolve(request: RedemptionRequest, index: CampaignIndex, env: PricingEnv): { nodeId: string; reward: Reward; minLevel: number } | BaseReasonCode {
  const entry = index.byId.get(request.campaignId);
  if (entry?.kind !== 'member') return 'redemption_invalid';
  if (!entry.schedule.isActive(env.nowMs)) return 'outside_window';
  let variantKey: string | null = null;
  if (entry.experiment !== null) {
    const assignment = env.assignVariant(entry.experiment.id, env.user.userId, entry.experiment);
    if (assignment.inHoldout) return 'in_holdout';
    variantKey = assignment.variantKey;
  }
  const found = memberOffer(entry, request, variantKey);
  const reward = found?.offer.pointsRedemption[request.index];
  if (!found || !reward) return 'redemption_invalid';
  return { nodeId: found.nodeId, reward, minLevel: found.offer.minLevel };
}

function refused(request: RedemptionRequest, reason: BaseReasonCode, known?: { nodeId: string; reward: Reward }): RedemptionOutcome {
  return {
    campaignId: request.campaignId,
    offerNodeId: known?.nodeId ?? request.offerNodeId ?? null,
    index: request.index,
    points: known?.reward.points ?? 0,
    reward: known === undefined ? null : known.reward.reward.type === 'item' ? { type: 'item', sku: known.reward.reward.sku, lineId: null } : known.reward.reward,
    reason,
    message: reasonMessage(reason),
  };
}

/**
 * Points exchanges (积分兑换), after the order stage: each granted request takes its points from
 * the balance (in request order; one that no longer fits is refused with `insufficient_points`) and
 * an item reward becomes a gift line at 0 (subject to gift stock, like gifts). Returns the outcomes
 * and the points taken, which the points stage may no longer spend.
 */
/** Units of a gift SKU still in stock for this cart: the counter less what earlier stages already gave as gift lines. */
function giftStockLeft(lines: readonly LineState[], env: PricingEnv, sku: string): number {
  const stock = counterEntry(env.counters.giftStock, sku);
  if (stock === undefined) return Infinity;
  let given = 0;
  for (const l of lines) if (l.gift && l.line.sku === sku) given += l.line.quantity;
  return stock - given;
}

export function runRedemptionStage(lines: LineState[], index: CampaignIndex, env: PricingEnv): { outcomes: RedemptionOutcome[]; points: number } {
  const balance = env.counters.pointsBalance ?? env.user.points;
  let left = balance;
  const stockLeft = new Map<string, number>();

  function grant(request: RedemptionRequest, n: number): RedemptionOutcome {
    const resolved = resolve(request, index, env);
    if (typeof resolved === 'string') return refused(request, resolved);
    const { reward, nodeId, minLevel } = resolved;
    if (env.user.memberLevel < minLevel) return refused(request, 'member_level_too_low', resolved);
    if (reward.points > left) return refused(request, 'insufficient_points', resolved);
    let granted: RedemptionOutcome['reward'];
    if (reward.reward.type === 'coupon') granted = reward.reward;
    else {
      const { sku } = reward.reward;
      const stock = stockLeft.get(sku) ?? giftStockLeft(lines, env, sku);
      if (stock <= 0) return refused(request, 'out_of_stock', resolved);
      stockLeft.set(sku, stock - 1);
      const gift = createGiftLine(`redeem:${request.campaignId}`, sku, 1, `redeem:${request.campaignId}:${request.index}:${n + 1}`);
      lines.push(gift);
      granted = { type: 'item', sku, lineId: gift.line.lineId };
    }
    left -= reward.points;
    return { campaignId: request.campaignId, offerNodeId: nodeId, index: request.index, points: reward.points, reward: granted, reason: null, message: null };
  }

  const outcomes = (env.cart.redemptions ?? []).map(grant);
  return { outcomes, points: balance - left };
}
