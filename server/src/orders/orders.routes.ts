import type { RouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { CommitRequestSchema } from '../pricing/quote-request.schema.js';
import { OrderParamsSchema, OrderResponseSchema } from './order.schema.js';
import type { OrderService } from './order.service.js';

/** Commit and cancel of an order's promotions (store API key, scope `orders`). */
export function addOrderRoutes(routes: RouteBuilder, orders: OrderService): void {
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
      res.json(await orders.commit(request));
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
      res.json(await orders.cancel(orderId));
    },
  );
}
