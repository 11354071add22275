import type { Campaign, QuoteResult } from '@promo/shared';
import { limitKeys } from '../limits/limit-keys.js';
import type { LimitEntry, LimitPlan } from '../limits/limit-plan.schema.js';
import { campaignDay, perUserTotalOf } from '../pricing/campaign-limits.js';

const TWO_DAYS_MS = 2 * 86_400_000;

/** Notes why a campaign did not apply that a limit, not the cart, decided. */
export const LIMIT_REASONS: ReadonlySet<string> = new Set(['budget_exhausted', 'usage_cap_reached', 'user_limit_reached', 'sku_limit_reached', 'out_of_stock']);

/**
 * A limit kept a campaign out, or a requested coupon, the requested points or a points exchange cannot be used: the customer would pay more
 * than they were likely quoted, so commit answers 409 unless the total was agreed.
 */
export function needsAgreement(result: QuoteResult): boolean {
  return (
    result.coupons.rejected.length > 0 ||
    result.points.reason !== null ||
    (result.redemptions ?? []).some((r) => r.reason !== null) ||
    result.notApplied.some((n) => LIMIT_REASONS.has(n.reason))
  );
}

/**
 * Units of each SKU a campaign discounted in the result (for per-SKU per-user limits): the units the
 * engine reports per item-stage adjustment (results stored before it reported them: at most
 * `perSkuPerOrder` of the line), the whole line for an order-stage campaign.
 */
function unitsBySku(result: QuoteResult, campaign: Campaign): Map<string, number> {
  const units = new Map<string, number>();
  const perOrder = campaign.limits.perSkuPerOrder ?? Infinity;
  for (const line of result.lines) {
    if (line.gift) continue;
    const adjustment = line.itemAdjustments.find((a) => a.campaignId === campaign.id);
    const orderStage = line.allocations.some((a) => a.source === 'campaign' && a.id === campaign.id);
    const counted = adjustment ? (adjustment.units ?? Math.min(line.quantity, perOrder)) : orderStage ? line.quantity : 0;
    if (counted > 0) units.set(line.sku, (units.get(line.sku) ?? 0) + counted);
  }
  return units;
}

function campaignEntries(campaign: Campaign, amount: number, result: QuoteResult, userId: string, nowMs: number): LimitEntry[] {
  const { limits, id } = campaign;
  const entries: LimitEntry[] = [{ key: limitKeys.usage(id), amount: 1, cap: limits.usageCap ?? null }];
  if (amount > 0) entries.push({ key: limitKeys.budget(id), amount, cap: limits.budget ?? null });
  const perUserTotal = perUserTotalOf(campaign);
  if (perUserTotal !== undefined) entries.push({ key: limitKeys.userTotal(id, userId), amount: 1, cap: perUserTotal });
  if (limits.perUserDaily !== undefined) {
    const key = limitKeys.userDay(id, userId, campaignDay(campaign, nowMs));
    entries.push({ key, amount: 1, cap: limits.perUserDaily, ttlMs: TWO_DAYS_MS });
  }
  if (limits.perSkuPerUser !== undefined) {
    for (const [sku, units] of unitsBySku(result, campaign)) {
      entries.push({ key: limitKeys.skuUser(id, sku, userId), amount: units, cap: limits.perSkuPerUser });
    }
  }
  return entries;
}

/**
 * Every counter one order consumes: per applied campaign its usage, budget, per-user and per-SKU
 * counts; gift units per SKU against catalog inventory. `attemptId` keys the consume so a retried
 * call counts once (docs/adr/commit-atomicity.md).
 */
export function buildLimitPlan(input: {
  attemptId: string;
  result: QuoteResult;
  campaignsById: ReadonlyMap<string, Campaign>;
  /** Stock on hand per gift SKU (absent: uncapped). */
  giftStock: ReadonlyMap<string, number>;
  themeBudgets: ReadonlyMap<string, number>;
  userId: string;
  nowMs: number;
}): LimitPlan {
  const entries: LimitEntry[] = [];
  for (const applied of input.result.applied) {
    const campaign = input.campaignsById.get(applied.campaignId);
    if (!campaign) continue;
    entries.push(...campaignEntries(campaign, applied.amount, input.result, input.userId, input.nowMs));
    const themeBudget = campaign.themeId !== undefined ? input.themeBudgets.get(campaign.themeId) : undefined;
    if (themeBudget !== undefined && applied.amount > 0) entries.push({ key: limitKeys.themeBudget(campaign.themeId!), amount: applied.amount, cap: themeBudget });
  }
  for (const line of input.result.lines) {
    if (!line.gift) continue;
    entries.push({ key: limitKeys.giftStock(line.sku), amount: line.quantity, cap: input.giftStock.get(line.sku) ?? null });
  }
  return { orderId: input.attemptId, entries };
}

/** Points the result's granted points exchanges cost (consumed at commit beside the points paid). */
export function exchangedPoints(result: QuoteResult): number {
  return (result.redemptions ?? []).reduce((sum, r) => sum + (r.reason === null ? r.points : 0), 0);
}

/** Coupon templates the result's granted points exchanges issue from, one entry per coupon. */
export function exchangedCoupons(result: QuoteResult): string[] {
  return (result.redemptions ?? []).flatMap((r) => (r.reason === null && r.reward?.type === 'coupon' ? [r.reward.templateId] : []));
}

/** Gift SKUs of a result (their catalog inventory caps the gift counters). */
export function giftSkusIn(result: QuoteResult): string[] {
  return [...new Set(result.lines.filter((l) => l.gift).map((l) => l.sku))];
}
