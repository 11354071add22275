import type { AppDeps } from '../app/deps.js';
import { recordOrderCancelled, recordOrderCommitted, recordOrderFailed } from '../live/order-hooks.js';
import { liveRuntimeOf } from '../live/live-runtime.js';
import type { CommitRequest } from '../pricing/quote-request.schema.js';
import { findOrderOrigin } from './order.repo.js';
import type { OrderResponse } from './order.schema.js';

/** What happens around an order besides its own bookkeeping: the war room's aggregates and alerts. */
export interface OrderObserver {
  committed(order: OrderResponse, request: CommitRequest): void;
  cancelled(order: OrderResponse): void;
  failed(campaignIds: readonly string[]): void;
}

/**
 * Feeds the live war room. Fire-and-forget: the hooks never throw and a commit's answer must not
 * wait for dashboards. Replays are deduped by order id inside the hooks.
 */
export function createLiveOrderObserver(deps: AppDeps): OrderObserver {
  return {
    committed(order, request) {
      void recordOrderCommitted(deps, { order, channel: request.channel, region: request.region });
    },
    cancelled(order) {
      void (async () => {
        // The cancel must decrement the splits the commit incremented: where the order came from is on
        // its row (any instance reads it at once); orders older than that column have only their fact.
        const origin = await findOrderOrigin(deps.db, order.orderId);
        const fact = origin ? { channel: origin.channel, region: origin.province } : (liveRuntimeOf(deps)?.writer.queuedFact(order.orderId) ?? (await deps.db('order_facts').where({ order_id: order.orderId }).first<{ channel: string; region: string } | undefined>()));
        await recordOrderCancelled(deps, {
          order,
          channel: fact?.channel ?? 'unknown',
          region: fact?.region ? { province: fact.region } : undefined,
          cancelledAt: order.cancelledAt ?? deps.clock.now(),
        });
      })().catch((err: unknown) => deps.logger.warn({ err, orderId: order.orderId }, 'live: cancel lookup failed'));
    },
    failed(campaignIds) {
      void recordOrderFailed(deps, { campaignIds, at: deps.clock.now() });
    },
  };
}
