import { z } from 'zod';
import { AppError } from '../app/app-error.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { currentUser } from '../auth/auth.middleware.js';
import type { Role } from '../auth/roles.js';
import { ThemeDetailSchema, ThemeDocSchema, ThemeUpdateSchema, ThemeWriteSchema } from './theme.schema.js';
import { createThemeService } from './theme.service.js';

const READERS: Role[] = ['planner', 'approver', 'analyst', 'screen'];
const EDITORS: Role[] = ['planner'];
const IdParamSchema = z.object({ id: z.string().min(1).max(64) });
const DeleteQuerySchema = z.object({ baseVersion: z.coerce.number().int().nonnegative().optional() });

/** 节日主题 CRUD; a theme's detail lists the campaigns it groups and their budgets. */
export const themesModule: ModuleFactory = (deps, ctx) => {
  const themes = createThemeService(deps);
  const routes = createRouteBuilder(ctx.openapi);
  const tags = ['themes'];

  routes.add(
    { method: 'get', path: '/themes', auth: { kind: 'user', roles: READERS }, doc: { summary: 'List themes, newest window first', tags, response: z.object({ themes: z.array(ThemeDocSchema) }) } },
    async (_req, res) => {
      res.json({ themes: await themes.list() });
    },
  );

  routes.add(
    { method: 'post', path: '/themes', auth: { kind: 'user', roles: EDITORS }, doc: { summary: 'Create a theme', tags, body: ThemeWriteSchema, response: ThemeDocSchema, status: 201 } },
    async (req, res) => {
      res.status(201).json(await themes.create(parseInput(ThemeWriteSchema, req.body), currentUser(res).username));
    },
  );

  routes.add(
    { method: 'get', path: '/themes/:id', auth: { kind: 'user', roles: READERS }, doc: { summary: 'A theme with the campaigns it groups', tags, params: IdParamSchema, response: ThemeDetailSchema } },
    async (req, res) => {
      res.json(await themes.detail(parseInput(IdParamSchema, req.params, 'params').id));
    },
  );

  routes.add(
    { method: 'put', path: '/themes/:id', auth: { kind: 'user', roles: EDITORS }, doc: { summary: 'Save a theme edited from `baseVersion`; 409 with the server copy when stale', tags, params: IdParamSchema, body: ThemeUpdateSchema, response: ThemeDocSchema } },
    async (req, res) => {
      const { id } = parseInput(IdParamSchema, req.params, 'params');
      const { baseVersion, ...body } = parseInput(ThemeUpdateSchema, req.body);
      if (body.id !== undefined && body.id !== id) throw new AppError('bad_request', 'id: does not match the path', { issues: [{ field: 'id', message: 'does not match the path' }] });
      const result = await themes.save({ ...body, id }, baseVersion, currentUser(res).username);
      if (result.status === 'conflict') throw new AppError('conflict', `theme ${id} changed since version ${baseVersion}`, { server: result.server, serverVersion: result.serverVersion });
      res.json(result.doc);
    },
  );

  routes.add(
    { method: 'delete', path: '/themes/:id', auth: { kind: 'user', roles: EDITORS }, doc: { summary: 'Delete a theme that groups no campaign', tags, params: IdParamSchema, query: DeleteQuerySchema, status: 204 } },
    async (req, res) => {
      const { id } = parseInput(IdParamSchema, req.params, 'params');
      const { baseVersion } = parseInput(DeleteQuerySchema, req.query, 'query');
      const result = await themes.remove(id, baseVersion, currentUser(res).username);
      if (result.status === 'conflict') throw new AppError('conflict', `theme ${id} changed`, { server: result.server, serverVersion: result.serverVersion });
      res.status(204).end();
    },
  );

  return { name: 'themes', router: routes.router, routeTable: routes.routeTable };
};
