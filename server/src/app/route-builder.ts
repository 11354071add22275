import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import type { ZodObject, ZodType } from 'zod';
import { requireApiKey, requireUser } from '../auth/auth.middleware.js';
import { API_KEY_SCHEME, BEARER_SCHEME, ErrorBodySchema } from '../openapi/openapi-registry.js';
import type { RouteAuth, RouteSpec } from './module.types.js';

/** Optional OpenAPI description of a route; the schemas should be the ones the handler parses with. */
export interface RouteDoc {
  summary: string;
  tags?: string[];
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  response?: ZodType;
  /** Success status (default 200). */
  status?: number;
}

export interface RouteDefinition extends RouteSpec {
  doc?: RouteDoc;
}

export interface RouteBuilder {
  readonly router: Router;
  readonly routeTable: RouteSpec[];
  /** Mounts `handlers` behind the middleware `auth` asks for, lists the route, documents it. */
  add(route: RouteDefinition, ...handlers: RequestHandler[]): void;
}

function authMiddleware(auth: RouteAuth): RequestHandler[] {
  if (auth.kind === 'user') return [requireUser(...auth.roles)];
  if (auth.kind === 'apiKey') return [requireApiKey(auth.scope)];
  return [];
}

function openApiPath(path: string): string {
  return `/api/v1${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorBodySchema } } };
}

function document(registry: OpenAPIRegistry, route: RouteDefinition, doc: RouteDoc): void {
  const security =
    route.auth.kind === 'user' ? [{ [BEARER_SCHEME]: [] }] : route.auth.kind === 'apiKey' ? [{ [API_KEY_SCHEME]: [] }] : [];
  const authNote = route.auth.kind === 'user' ? ` Roles: ${['admin', ...route.auth.roles].join(', ')}.` : route.auth.kind === 'apiKey' ? ` Scope: ${route.auth.scope ?? 'any'}.` : '';
  const config: RouteConfig = {
    method: route.method,
    path: openApiPath(route.path),
    summary: doc.summary,
    description: `${doc.summary}.${authNote}`,
    tags: doc.tags ?? [],
    security,
    request: {
      ...(doc.params ? { params: doc.params } : {}),
      ...(doc.query ? { query: doc.query } : {}),
      ...(doc.body ? { body: { content: { 'application/json': { schema: doc.body } } } } : {}),
    },
    responses: {
      [doc.status ?? 200]: doc.response ? { description: 'OK', content: { 'application/json': { schema: doc.response } } } : { description: 'OK' },
      400: errorResponse('Bad input (names the field)'),
      ...(route.auth.kind !== 'public' ? { 401: errorResponse('Missing or invalid credentials'), 403: errorResponse('Not allowed') } : {}),
      ...(route.path.includes(':') ? { 404: errorResponse('No such resource') } : {}),
      ...(route.auth.kind === 'apiKey' ? { 429: errorResponse('Rate limited (see Retry-After)') } : {}),
    },
  };
  registry.registerPath(config);
}

/**
 * Builds a module's router and its route table together, so the table the auth test walks is
 * exactly what is mounted. Pass the context's registry to document the routes in OpenAPI.
 */
export function createRouteBuilder(registry?: OpenAPIRegistry): RouteBuilder {
  const router = Router();
  const routeTable: RouteSpec[] = [];
  return {
    router,
    routeTable,
    add(route, ...handlers) {
      router[route.method](route.path, ...authMiddleware(route.auth), ...handlers);
      routeTable.push({ method: route.method, path: route.path, auth: route.auth });
      if (registry && route.doc) document(registry, route, route.doc);
    },
  };
}
