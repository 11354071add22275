import type { QuoteResult } from '@promo/shared';
import { liveRoomName } from '@promo/shared';
import type { AppDeps } from '../app/deps.js';
import { splitKey, type OrderFact, type RoomShare } from './live-aggregates.js';
import { liveAggregatesFor } from './live-aggregates.registry.js';
import { liveRuntimeOf } from './live-runtime.js';

/** What the orders module hands the war room about one order (its commit response plus where it came from). */
export interface OrderLiveInput {
  order: { orderId: string; userId: string; result: Pick<QuoteResult, 'applied' | 'lines' | 'totals'>; createdAt: number };
  channel: string;
  region?: { province?: string; city?: string };
}

/** An order is counted once per direction for this long (a replayed hook is ignored). */
const ORDER_DEDUPE_MS = 7 * 24 * 3600_000;

function roomsWithoutDirectory(result: Pick<QuoteResult, 'applied'>): RoomShare[] {
  const shares = new Map<string, number>();
  for (const a of result.applied) {
    const room = liveRoomName({ kind: 'campaign', id: a.campaignId });
    shares.set(room, (shares.get(room) ?? 0) + a.amount);
  }
  return [...shares].map(([room, discount]) => ({ room, discount }));
}

async function record(deps: AppDeps, input: OrderLiveInput, sign: 1 | -1, at: number): Promise<void> {
  const runtime = liveRuntimeOf(deps);
  const aggregates = runtime?.aggregates ?? liveAggregatesFor(deps.stores, deps.clock);
  const { order } = input;
  const [first] = await aggregates.firstSeen([`order:${sign > 0 ? 'c' : 'x'}:${order.orderId}`], ORDER_DEDUPE_MS);
  if (!first) return;
  const rooms = runtime ? runtime.directory.roomsOf(order.result) : roomsWithoutDirectory(order.result);
  const fact: OrderFact = {
    orderId: order.orderId,
    userId: order.userId,
    at,
    channel: splitKey(input.channel),
    region: splitKey(input.region?.province),
    total: order.result.totals.total,
    lines: order.result.lines.filter((l) => !l.gift).map((l) => ({ sku: l.sku, quantity: l.quantity })),
    rooms,
    sign,
  };
  const spent = rooms.length > 0 ? await aggregates.recordOrder(fact) : new Map<string, number>();
  if (!runtime) return;
  if (sign > 0) {
    const { totals } = order.result;
    runtime.writer.enqueueOrderFact({ order_id: order.orderId, user_id: order.userId, channel: fact.channel, region: fact.region, subtotal: totals.subtotal, discount: totals.discount, total: totals.total, committed_at: at });
  } else {
    runtime.writer.enqueueCancel(order.orderId, at);
  }
  await runtime.alerts.afterOrder(spent, sign);
}

/**
 * Hook for the orders module: call once a commit is durable (not for idempotent replays, though a
 * replay is ignored). Feeds the live aggregates of the order's campaign and theme rooms, the order
 * facts in SQL and the budget alerts. Never throws: the war room must not fail a commit.
 */
export async function recordOrderCommitted(deps: AppDeps, input: OrderLiveInput): Promise<void> {
  try {
    await record(deps, input, 1, input.order.createdAt);
  } catch (err) {
    deps.logger.warn({ err, orderId: input.order.orderId }, 'live: recording a commit failed');
  }
}

/** Hook for the orders module: call after a cancel of a committed order. Never throws. */
export async function recordOrderCancelled(deps: AppDeps, input: OrderLiveInput & { cancelledAt: number }): Promise<void> {
  try {
    await record(deps, input, -1, input.cancelledAt);
  } catch (err) {
    deps.logger.warn({ err, orderId: input.order.orderId }, 'live: recording a cancel failed');
  }
}

/**
 * Hook for the orders module: a commit that failed (409 limit/price conflict or an error), for the
 * war room's error rate and error-spike alert. `campaignIds` are the campaigns the cart targeted.
 */
export async function recordOrderFailed(deps: AppDeps, input: { campaignIds: readonly string[]; at: number }): Promise<void> {
  try {
    const runtime = liveRuntimeOf(deps);
    const aggregates = runtime?.aggregates ?? liveAggregatesFor(deps.stores, deps.clock);
    const rooms = new Set<string>();
    for (const id of input.campaignIds) {
      rooms.add(liveRoomName({ kind: 'campaign', id }));
      const themeId = runtime?.directory.themeOf(id);
      if (themeId) rooms.add(liveRoomName({ kind: 'theme', id: themeId }));
    }
    await aggregates.recordFailures([...rooms], input.at, 1);
  } catch (err) {
    deps.logger.warn({ err }, 'live: recording a failed commit failed');
  }
}
