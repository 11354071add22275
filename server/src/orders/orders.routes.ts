import type { RouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { CommitRequestSchema } from '../pricing/quote-request.schema.js';
import { OrderParamsSchema, OrderResponseSchema } from './order.schema.js';
import type { OrderService } from './order.service.js';
import type { OrderObserver } from './order-observer.js';
import { AppError } from '../app/app-error.js';
import { QuoteResultSchema } from '@promo/shared';

/** Commit and cancel of an order's promotions (store API key, scope `orders`). */
export function addOrderRoutes(routes: RouteBuilder, orders: OrderService, observer?: OrderObserver): void {
  const tags = ['orders'];
  routes.add(
    {
      method: 'post',
      path: '/orders',
      auth: { kind: 'apiKey', scope: 'orders' },
      doc: {
        summary: 'Commit an order: re-price, consume limits and coupons atomically (idempotent by orderId; 409 with details.repriced)',
        tags,
        body: CommitRequestSchema,
        response: OrderResponseSchema,
      },
    },
    async (req, res) => {
      const request = parseInput(CommitRequestSchema, req.body);
      try {
        const order = await orders.commit(request);
        res.json(order);
        if (order.status === 'committed') observer?.committed(order, request);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') observer?.failed(targetedCampaigns(err.details));
        throw err;
      }
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/orders/:orderId/cancel',
      auth: { kind: 'apiKey', scope: 'orders' },
      doc: { summary: 'Cancel an order: release everything its commit consumed (idempotent)', tags, params: OrderParamsSchema, response: OrderResponseSchema },
    },
    async (req, res) => {
      const { orderId } = parseInput(OrderParamsSchema, req.params, 'params');
      const order = await orders.cancel(orderId);
      res.json(order);
      if (order.status === 'cancelled') observer?.cancelled(order);
    },
  );
}

/** The campaigns a refused commit targeted, from the re-priced result in the 409's details. */
function targetedCampaigns(details: unknown): string[] {
  const repriced = QuoteResultSchema.safeParse((details as { repriced?: unknown } | undefined)?.repriced);
  if (!repriced.success) return [];
  return [...new Set([...repriced.data.applied, ...repriced.data.notApplied].map((c) => c.campaignId))];
}
