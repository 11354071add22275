import { z } from 'zod';
import { AppError } from '../app/app-error.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { createApiKey, listApiKeys } from './api-keys.repo.js';
import { currentApiKey, currentUser, limitLogin } from './auth.middleware.js';
import {
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
  IdParamsSchema,
  LoginBodySchema,
  LoginResponseSchema,
  UserSchema,
} from './auth.schema.js';
import { authServiceOf } from './auth.service.js';
import { ROLES } from './roles.js';

const EVERY_ROLE = ROLES;

/** Login/logout/me for the studio, and store API key administration (admin). */
export const authModule: ModuleFactory = (deps, ctx) => {
  const routes = createRouteBuilder(ctx.openapi);
  const tags = ['auth'];

  routes.add(
    { method: 'post', path: '/auth/login', auth: { kind: 'public' }, doc: { summary: 'Log in and receive a bearer token', tags, body: LoginBodySchema, response: LoginResponseSchema } },
    async (req, res) => {
      const body = parseInput(LoginBodySchema, req.body);
      await limitLogin(req, res, body.username);
      const result = await authServiceOf(req.app).login(body.username, body.password);
      if (!result) throw new AppError('unauthorized', 'wrong username or password');
      res.json(result);
    },
  );

  routes.add(
    { method: 'post', path: '/auth/logout', auth: { kind: 'user', roles: EVERY_ROLE }, doc: { summary: 'End this session', tags, status: 204 } },
    async (req, res) => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (token) await authServiceOf(req.app).logout(token);
      res.status(204).end();
    },
  );

  routes.add(
    { method: 'get', path: '/auth/me', auth: { kind: 'user', roles: EVERY_ROLE }, doc: { summary: 'The logged-in user', tags, response: z.object({ user: UserSchema }) } },
    (_req, res) => {
      res.json({ user: currentUser(res) });
    },
  );

  routes.add(
    { method: 'get', path: '/auth/api-key', auth: { kind: 'apiKey' }, doc: { summary: 'The calling store API key (to check a key and its scopes)', tags, response: z.object({ apiKey: ApiKeySchema }) } },
    (_req, res) => {
      res.json({ apiKey: currentApiKey(res) });
    },
  );

  const keyTags = ['api-keys'];
  routes.add(
    { method: 'post', path: '/api-keys', auth: { kind: 'user', roles: ['admin'] }, doc: { summary: 'Create a store API key (the key is shown once)', tags: keyTags, body: CreateApiKeyBodySchema, response: CreatedApiKeySchema, status: 201 } },
    async (req, res) => {
      const body = parseInput(CreateApiKeyBodySchema, req.body);
      const created = await createApiKey(deps.db, body, deps.clock.now());
      deps.logger.info({ apiKeyId: created.id, prefix: created.prefix, by: currentUser(res).username }, 'api key created');
      res.status(201).json(created);
    },
  );

  routes.add(
    { method: 'get', path: '/api-keys', auth: { kind: 'user', roles: ['admin'] }, doc: { summary: 'List store API keys (never the keys themselves)', tags: keyTags, response: ApiKeyListSchema } },
    async (_req, res) => {
      res.json({ apiKeys: await listApiKeys(deps.db) });
    },
  );

  routes.add(
    { method: 'delete', path: '/api-keys/:id', auth: { kind: 'user', roles: ['admin'] }, doc: { summary: 'Revoke a store API key', tags: keyTags, params: IdParamsSchema, status: 204 } },
    async (req, res) => {
      const { id } = parseInput(IdParamsSchema, req.params, 'params');
      if (!(await authServiceOf(req.app).revokeApiKey(id))) throw new AppError('not_found', `no active API key ${id}`);
      deps.logger.info({ apiKeyId: id, by: currentUser(res).username }, 'api key revoked');
      res.status(204).end();
    },
  );

  return { name: 'auth', router: routes.router, routeTable: routes.routeTable };
};
