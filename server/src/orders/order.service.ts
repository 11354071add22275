import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { AppError } from '../app/app-error.js';
import type { Clock } from '../app/deps.js';
import { markUsed, releaseForOrder, revokeIssued } from '../coupons/coupon.repo.js';
import type { CouponService } from '../coupons/coupon.service.js';
import type { LimitsStore } from '../limits/limits-store.js';
import type { LimitPlan } from '../limits/limit-plan.schema.js';
import { isUniqueViolation, withTxRetry } from '../db/sql-errors.js';
import { applyOrderPoints, createKnownMembers, prepareOrderPoints, reverseOrderPoints } from '../members/order-points.js';
import type { MemberService } from '../members/member.service.js';
import { pointsEarned } from '../members/points-policy.js';
import type { InventoryReader } from '../pricing/inventory-reader.js';
import type { Pricing, PricingService } from '../pricing/pricing.service.js';
import type { CommitRequest } from '../pricing/quote-request.schema.js';
import type { UserProfiles } from '../users/user-profile.service.js';
import { buildLimitPlan, exchangedCoupons, exchangedPoints, giftSkusIn, needsAgreement } from './commit-plan.js';
import { deleteClaim, finalizeOrder, findOrder, insertClaim, markCancelled, savePendingPlan, type PromotionRecord } from './order.repo.js';
import type { OrderResponse } from './order.schema.js';

const SETTLE_POLL_MS = 15;
const SETTLE_TIMEOUT_MS = 10_000;

class CouponTaken extends Error {}
class PointsShort extends Error {}
class ExchangeCouponsGone extends Error {}

/** The `source` of coupons a points exchange of `orderId` issued (cancel withdraws them). */
function exchangeSource(orderId: string): string {
  return `redeem:${orderId}`;
}

export interface OrderService {
  /** Re-prices and consumes atomically; idempotent by order id (the same id answers the same order). */
  commit(request: CommitRequest): Promise<OrderResponse>;
  /** Releases everything the commit consumed; idempotent. */
  cancel(orderId: string): Promise<OrderResponse>;
}

export interface OrderDeps {
  db: Knex;
  clock: Clock;
  logger: Logger;
  limits: LimitsStore;
  pricing: PricingService;
  inventory: InventoryReader;
  profiles: UserProfiles;
  members: Pick<MemberService, 'invalidate'>;
  /** Issues the coupons of points exchanges inside the commit transaction. */
  coupons: Pick<CouponService, 'getTemplate' | 'issueInTx'>;
  /** Points earned per full ¥1 paid (default `POINTS_EARNED_PER_YUAN`). */
  pointsPerYuanPaid?: number;
}

function repricedConflict(message: string, pricing: Pricing, extra: Record<string, unknown> = {}): AppError {
  return new AppError('conflict', message, { repriced: pricing.result, ...extra });
}

/** See docs/adr/commit-atomicity.md for the sequence and its failure modes. */
export function createOrderService(deps: OrderDeps): OrderService {
  const { db, clock, limits } = deps;
  const inflight = new Map<string, Promise<OrderResponse>>();
  const knownMembers = createKnownMembers();

  async function waitSettled(orderId: string): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const order = await findOrder(db, orderId);
      if (order?.response.status !== 'pending') return;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
    throw new AppError('conflict', `order ${orderId} is being committed; retry`);
  }

  /** Returns the settled order, or null once this caller holds the pending claim. */
  async function claim(request: CommitRequest): Promise<OrderResponse | null> {
    for (;;) {
      const existing = await findOrder(db, request.orderId);
      if (existing) {
        const order = existing.response;
        if (order.status === 'pending') {
          await waitSettled(request.orderId);
          continue;
        }
        if (order.userId !== request.userId) throw new AppError('conflict', `order ${order.orderId} belongs to another user`);
        if (order.status === 'cancelled') throw new AppError('conflict', `order ${order.orderId} was cancelled`, { order });
        return order;
      }
      try {
        await insertClaim(db, request.orderId, request.userId, clock.now(), { channel: request.channel, province: request.region.province ?? null });
        return null;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  async function consume(plan: LimitPlan, request: CommitRequest): Promise<void> {
    if (plan.entries.length === 0) return;
    const outcome = await limits.consume(plan);
    // Attempt ids are unique, so a consumed duplicate means a counter restore already counted this
    // pending attempt from its saved plan: it is consumed either way.
    if (outcome.status === 'consumed' || (outcome.status === 'duplicate' && outcome.state === 'consumed')) return;
    const repriced = await deps.pricing.price(request, { fresh: true });
    throw repricedConflict('a limit was reached since the quote', repriced, { limit: outcome.status === 'rejected' ? outcome.key : outcome.status });
  }

  async function commitClaimed(request: CommitRequest): Promise<OrderResponse> {
    const pricing = await deps.pricing.price(request, { fresh: true });
    const { result } = pricing;
    const agreed = request.expectedTotal !== undefined ? request.expectedTotal === result.totals.total : !needsAgreement(result);
    if (!agreed) throw repricedConflict('the price changed since the quote', pricing);
    const giftSkus = giftSkusIn(result);
    const giftStock = giftSkus.length > 0 ? await deps.inventory.get(giftSkus, { fresh: true }) : new Map<string, number>();
    const exchangeTemplates = await Promise.all(
      exchangedCoupons(result).map((id) =>
        deps.coupons.getTemplate(id).catch(() => {
          throw new AppError('conflict', `the coupon template ${id} of a points exchange does not exist`);
        }),
      ),
    );
    const attemptId = `${request.orderId}:${randomBytes(6).toString('base64url')}`;
    const plan = buildLimitPlan({ attemptId, result, campaignsById: pricing.campaignsById, giftStock, themeBudgets: pricing.themeBudgets, userId: request.userId, nowMs: pricing.nowMs });
    await savePendingPlan(db, request.orderId, plan);
    await consume(plan, request);
    const couponIds = result.coupons.applied.map((c) => c.couponId);
    const records: PromotionRecord[] = result.applied.map((a) => ({
      user_id: request.userId,
      promotion_id: a.campaignId,
      order_id: request.orderId,
      create_time: pricing.nowMs,
      discount: a.amount,
      variant: a.variant,
    }));
    const redeem = result.points.used + exchangedPoints(result);
    const points = { userId: request.userId, orderId: request.orderId, redeem, earn: pointsEarned(result.totals.total, deps.pointsPerYuanPaid), now: pricing.nowMs };
    try {
      await prepareOrderPoints(db, points, knownMembers);
      await withTxRetry(() =>
        db.transaction(async (trx) => {
          if ((await markUsed(trx, request.userId, couponIds, request.orderId, pricing.nowMs)) !== couponIds.length) throw new CouponTaken();
          if (!(await applyOrderPoints(trx, points))) throw new PointsShort();
          for (const template of exchangeTemplates) {
            const issued = await deps.coupons.issueInTx(trx, template, request.userId, 1, exchangeSource(request.orderId));
            if (issued.length === 0) throw new ExchangeCouponsGone();
          }
          if (!(await finalizeOrder(trx, request.orderId, result, plan, records))) throw new Error(`claim of ${request.orderId} vanished`);
        }),
      );
    } catch (error) {
      // The durable write failed after the counters were consumed: give them back.
      if (plan.entries.length > 0) {
        await limits.release(plan).catch((releaseError: unknown) =>
          deps.logger.error({ err: releaseError, orderId: request.orderId, plan }, 'compensating release failed; counters stay consumed until reconciled'),
        );
      }
      if (error instanceof CouponTaken) throw repricedConflict('a coupon was used since the quote', await deps.pricing.price(request, { fresh: true }));
      if (error instanceof PointsShort) throw repricedConflict('the points were spent since the quote', await deps.pricing.price(request, { fresh: true }));
      if (error instanceof ExchangeCouponsGone) throw new AppError('conflict', 'a coupon of a points exchange is no longer available (template quantity or per-user limit)');
      throw error;
    }
    deps.profiles.invalidate(request.userId);
    deps.members.invalidate(request.userId);
    return { orderId: request.orderId, userId: request.userId, status: 'committed', result, createdAt: pricing.nowMs, cancelledAt: null };
  }

  async function commitOnce(request: CommitRequest): Promise<OrderResponse> {
    const settled = await claim(request);
    if (settled) return settled;
    try {
      const order = await commitClaimed(request);
      const stored = await findOrder(db, request.orderId);
      return stored?.response ?? order;
    } catch (error) {
      await deleteClaim(db, request.orderId);
      throw error;
    }
  }

  return {
    commit(request) {
      const running = inflight.get(request.orderId);
      if (running) return running;
      const promise = commitOnce(request).finally(() => inflight.delete(request.orderId));
      inflight.set(request.orderId, promise);
      return promise;
    },
    async cancel(orderId) {
      const order = await findOrder(db, orderId);
      if (!order) throw new AppError('not_found', `order ${orderId} not found`);
      if (order.response.status === 'pending') throw new AppError('conflict', `order ${orderId} is being committed; retry`);
      if (order.response.status === 'committed') {
        await withTxRetry(() =>
          db.transaction(async (trx) => {
            if (await markCancelled(trx, orderId, clock.now())) {
              await releaseForOrder(trx, orderId);
              await revokeIssued(trx, exchangeSource(orderId));
              await reverseOrderPoints(trx, orderId, clock.now());
            }
          }),
        );
      }
      // Always released (it is idempotent), so retrying a cancel repairs a release that failed before.
      if (order.plan.entries.length > 0) await limits.release(order.plan);
      deps.profiles.invalidate(order.response.userId);
      deps.members.invalidate(order.response.userId);
      const cancelled = await findOrder(db, orderId);
      return cancelled!.response;
    },
  };
}
