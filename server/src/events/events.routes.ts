import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import type { RouteSpec } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { currentApiKey } from '../auth/auth.middleware.js';
import type { LiveRuntime } from '../live/live-runtime.js';
import { EventBatchResponseSchema, EventBatchSchema } from './event.schema.js';
import { ingestEvents } from './event-ingest.service.js';

/** Events per second per API key, on top of the per-request limits every store route has. */
const EVENTS_PER_SEC_PER_KEY = 50_000;

/** `POST /events`: batches of ≤ 500 store events, 202 once counted (SQL is written behind). */
export function eventsRoutes(deps: AppDeps, runtime: LiveRuntime, openapi?: OpenAPIRegistry): { router: ReturnType<typeof createRouteBuilder>['router']; routeTable: RouteSpec[] } {
  const routes = createRouteBuilder(openapi);
  const limiter = deps.stores.rateLimiter.create({ name: 'events', points: EVENTS_PER_SEC_PER_KEY, durationSec: 1 });
  routes.add(
    { method: 'post', path: '/events', auth: { kind: 'apiKey', scope: 'events' }, doc: { summary: 'Send a batch of store events (impression, click, add_to_cart, share, order)', tags: ['events'], body: EventBatchSchema, response: EventBatchResponseSchema, status: 202 } },
    async (req, res) => {
      const { events } = parseInput(EventBatchSchema, req.body);
      const decision = await limiter.consume(currentApiKey(res).id, events.length);
      if (!decision.allowed) {
        res.setHeader('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
        throw new AppError('rate_limited', 'too many events', { retryAfterMs: decision.retryAfterMs });
      }
      if (!runtime.writer.hasRoom(events.length)) throw new AppError('unavailable', 'event queue is full; retry later');
      res.status(202).json(await ingestEvents(runtime, events, deps.clock.now()));
    },
  );
  return { router: routes.router, routeTable: routes.routeTable };
}
