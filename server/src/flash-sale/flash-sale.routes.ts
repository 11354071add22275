import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Response } from 'express';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import type { FlashReply } from './flash-outcome.js';
import type { FlashSaleService } from './flash-sale.service.js';
import { ConfirmBodySchema, ConfirmParamsSchema, ConfirmResponseSchema, ReservationParamsSchema, ReservationResponseSchema, ReserveBodySchema } from './reservation.schema.js';

function reply(res: Response, out: FlashReply): void {
  if (out.retryAfterSec !== undefined) res.setHeader('Retry-After', String(out.retryAfterSec));
  res.status(out.status).json(out.body);
}

/**
 * The flash-sale routes on Express. Reservations are normally answered by the fast path before
 * Express sees them; this route serves the same service when the fast path is off (and documents it).
 */
export function flashSaleRoutes(service: FlashSaleService, openapi: OpenAPIRegistry) {
  const routes = createRouteBuilder(openapi);
  const tags = ['flash-sale'];
  routes.add(
    {
      method: 'post',
      path: '/flash-sales/:campaignId/reservations',
      auth: { kind: 'apiKey', scope: 'flash' },
      doc: { summary: 'Reserve flash-sale stock (201; 409 sold_out, insufficient_stock or ended; 425 not_started; 429 user_limit; 503 while restoring)', tags, params: ReservationParamsSchema, body: ReserveBodySchema, response: ReservationResponseSchema, status: 201 },
    },
    async (req, res) => {
      const { campaignId } = parseInput(ReservationParamsSchema, req.params, 'path');
      reply(res, await service.reserve(campaignId, parseInput(ReserveBodySchema, req.body)));
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/flash-sales/:campaignId/reservations/:token/confirm',
      auth: { kind: 'apiKey', scope: 'flash' },
      doc: { summary: 'Confirm a reservation as sold to an order (idempotent per order; 409 expired or conflict)', tags, params: ConfirmParamsSchema, body: ConfirmBodySchema, response: ConfirmResponseSchema },
    },
    async (req, res) => {
      const { campaignId, token } = parseInput(ConfirmParamsSchema, req.params, 'path');
      const { orderId } = parseInput(ConfirmBodySchema, req.body);
      reply(res, await service.confirm(campaignId, token, orderId));
    },
  );
  return { router: routes.router, routeTable: routes.routeTable };
}
