import { z } from 'zod';
import { AppError } from '../app/app-error.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { currentUser } from '../auth/auth.middleware.js';
import type { Role } from '../auth/roles.js';
import { createLifecycleService } from './campaign-lifecycle.service.js';
import {
  CampaignDocSchema,
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignUpdateSchema,
  CampaignVersionListSchema,
  CampaignVersionSchema,
  CampaignWriteSchema,
  IdParamSchema,
  LifecycleActionSchema,
  ValidationResultSchema,
  VersionParamSchema,
  type LifecycleAction,
} from './campaign.schema.js';
import { createCampaignService } from './campaign.service.js';

const READERS: Role[] = ['planner', 'approver', 'analyst'];
const EDITORS: Role[] = ['planner'];
const OPERATORS: Role[] = ['planner', 'approver'];
const DeleteQuerySchema = z.object({ baseVersion: z.coerce.number().int().nonnegative().optional() });
const LiveSummarySchema = z.object({
  campaigns: z.array(CampaignDocSchema.pick({ id: true, name: true, nameEn: true, kind: true, status: true, themeId: true, schedule: true })),
});

/** Campaign documents (CRUD with compare-and-set) and lifecycle actions. */
export const campaignsModule: ModuleFactory = (deps, ctx) => {
  const campaigns = createCampaignService(deps);
  const lifecycle = createLifecycleService(deps);
  const routes = createRouteBuilder(ctx.openapi);
  const tags = ['campaigns'];
  // With approval required only an approver (or admin) publishes; otherwise planners may too.
  const publishers: Role[] = deps.config.REQUIRE_APPROVAL ? ['approver'] : ['planner', 'approver'];

  routes.add(
    { method: 'get', path: '/campaigns', auth: { kind: 'user', roles: READERS }, doc: { summary: 'List campaigns (filters: kind, status, theme, date range, text; keyset paged by id)', tags, query: CampaignListQuerySchema, response: CampaignPageSchema } },
    async (req, res) => {
      res.json(await campaigns.list(parseInput(CampaignListQuerySchema, req.query, 'query')));
    },
  );

  routes.add(
    { method: 'post', path: '/campaigns', auth: { kind: 'user', roles: EDITORS }, doc: { summary: 'Create a draft campaign', tags, body: CampaignWriteSchema, response: CampaignDocSchema, status: 201 } },
    async (req, res) => {
      const body = parseInput(CampaignWriteSchema, req.body);
      res.status(201).json(await campaigns.create(body, currentUser(res).username));
    },
  );

  routes.add(
    { method: 'get', path: '/campaigns/live', auth: { kind: 'user', roles: [...READERS, 'screen'] }, doc: { summary: 'Campaigns live now (for war-room screens)', tags, response: LiveSummarySchema } },
    async (_req, res) => {
      const page = await campaigns.list({ status: 'live', limit: 500 });
      res.json({ campaigns: page.campaigns.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, kind: c.kind, status: c.status, themeId: c.themeId, schedule: c.schedule })) });
    },
  );

  routes.add(
    { method: 'get', path: '/campaigns/:id', auth: { kind: 'user', roles: READERS }, doc: { summary: 'One campaign (the working copy)', tags, params: IdParamSchema, response: CampaignDocSchema } },
    async (req, res) => {
      res.json(await campaigns.get(parseInput(IdParamSchema, req.params, 'params').id));
    },
  );

  routes.add(
    { method: 'put', path: '/campaigns/:id', auth: { kind: 'user', roles: EDITORS }, doc: { summary: 'Save a campaign edited from `baseVersion`; 409 with the server copy when stale', tags, params: IdParamSchema, body: CampaignUpdateSchema, response: CampaignDocSchema } },
    async (req, res) => {
      const { id } = parseInput(IdParamSchema, req.params, 'params');
      const { baseVersion, ...body } = parseInput(CampaignUpdateSchema, req.body);
      if (body.id !== undefined && body.id !== id) throw new AppError('bad_request', 'id: does not match the path', { issues: [{ field: 'id', message: 'does not match the path' }] });
      const result = await campaigns.save({ ...body, id }, baseVersion, currentUser(res).username);
      if (result.status === 'conflict') throw new AppError('conflict', `campaign ${id} changed since version ${baseVersion}`, { server: result.server, serverVersion: result.serverVersion });
      if (!result.doc) throw new AppError('internal', 'save returned no document');
      res.json(result.doc);
    },
  );

  routes.add(
    { method: 'delete', path: '/campaigns/:id', auth: { kind: 'user', roles: EDITORS }, doc: { summary: 'Delete a draft, ended or archived campaign (tombstone for sync)', tags, params: IdParamSchema, query: DeleteQuerySchema, status: 204 } },
    async (req, res) => {
      const { id } = parseInput(IdParamSchema, req.params, 'params');
      const { baseVersion } = parseInput(DeleteQuerySchema, req.query, 'query');
      const result = await campaigns.remove(id, baseVersion, currentUser(res).username);
      if (result.status === 'conflict') throw new AppError('conflict', `campaign ${id} changed`, { server: result.server, serverVersion: result.serverVersion });
      res.status(204).end();
    },
  );

  routes.add(
    { method: 'post', path: '/campaigns/:id/validate', auth: { kind: 'user', roles: READERS }, doc: { summary: 'Validate the working copy (problems name their node or field)', tags, params: IdParamSchema, response: ValidationResultSchema } },
    async (req, res) => {
      const problems = await campaigns.validate(parseInput(IdParamSchema, req.params, 'params').id);
      res.json({ valid: problems.length === 0, problems });
    },
  );

  routes.add(
    { method: 'get', path: '/campaigns/:id/versions', auth: { kind: 'user', roles: READERS }, doc: { summary: 'Published versions of a campaign, newest first (version history)', tags, params: IdParamSchema, response: CampaignVersionListSchema } },
    async (req, res) => {
      res.json({ versions: await campaigns.versions(parseInput(IdParamSchema, req.params, 'params').id) });
    },
  );

  routes.add(
    { method: 'get', path: '/campaigns/:id/versions/:version', auth: { kind: 'user', roles: READERS }, doc: { summary: 'One published version with the document frozen at publish', tags, params: VersionParamSchema, response: CampaignVersionSchema } },
    async (req, res) => {
      const { id, version } = parseInput(VersionParamSchema, req.params, 'params');
      res.json(await campaigns.version(id, version));
    },
  );

  const summaries: Record<LifecycleAction, string> = {
    publish: 'Validate, freeze a version and schedule or start the campaign (approver when approval is required)',
    pause: 'Pause a live or scheduled campaign',
    resume: 'Resume a paused campaign',
    end: 'End a campaign now',
    archive: 'Archive a draft or ended campaign',
  };
  for (const action of LifecycleActionSchema.options) {
    routes.add(
      { method: 'post', path: `/campaigns/:id/${action}`, auth: { kind: 'user', roles: action === 'publish' ? publishers : OPERATORS }, doc: { summary: summaries[action], tags, params: IdParamSchema, response: CampaignDocSchema } },
      async (req, res) => {
        const { id } = parseInput(IdParamSchema, req.params, 'params');
        res.json(await lifecycle.apply(id, action, currentUser(res).username));
      },
    );
  }

  return { name: 'campaigns', router: routes.router, routeTable: routes.routeTable };
};
