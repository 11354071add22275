import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { currentUser } from '../auth/auth.middleware.js';
import { createCampaignService } from '../campaigns/campaign.service.js';
import { createThemeService } from '../themes/theme.service.js';
import { PullQuerySchema, PullResponseSchema, PushBodySchema, PushResponseSchema } from './sync.schema.js';
import { createSyncService } from './sync.service.js';

/** The studio's offline sync: pull since a cursor, push with compare-and-set (docs/adr/campaign-versions-and-sync.md). */
export const syncModule: ModuleFactory = (deps, ctx) => {
  const sync = createSyncService(deps, createCampaignService(deps), createThemeService(deps));
  const routes = createRouteBuilder(ctx.openapi);
  const tags = ['sync'];

  routes.add(
    { method: 'get', path: '/sync/changes', auth: { kind: 'user', roles: ['planner', 'approver', 'analyst'] }, doc: { summary: 'Changes and tombstones after a cursor (keyset on the server-wide sequence)', tags, query: PullQuerySchema, response: PullResponseSchema } },
    async (req, res) => {
      const { since, limit } = parseInput(PullQuerySchema, req.query, 'query');
      res.json(await sync.pull(since, limit));
    },
  );

  routes.add(
    { method: 'post', path: '/sync/push', auth: { kind: 'user', roles: ['planner'] }, doc: { summary: 'Push edits; each is accepted (new version), a conflict (with the server copy) or rejected', tags, body: PushBodySchema, response: PushResponseSchema } },
    async (req, res) => {
      const { changes } = parseInput(PushBodySchema, req.body);
      res.json({ results: await sync.push(changes, currentUser(res).username) });
    },
  );

  return { name: 'sync', router: routes.router, routeTable: routes.routeTable, bodyLimits: [{ path: '/sync/push', limit: '8mb' }] };
};
