import type { AuthService } from '../auth/auth.service.js';
import type { IncomingMessage, Server } from 'node:http';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Role, Scope } from '../auth/roles.js';
import type { LiveCampaigns } from '../campaigns/live-campaigns.js';
import type { AppDeps } from './deps.js';

/**
 * Who may call a route: anyone, a logged-in studio user with one of `roles` (admin always), or a
 * store API key with `scope` (any active key when `scope` is absent).
 */
export type RouteAuth =
  | { kind: 'public' }
  | { kind: 'user'; roles: readonly Role[] }
  | { kind: 'apiKey'; scope?: Scope };

/**
 * One row of a module's route table. `path` is relative to `/api/v1`, Express style (`/campaigns/:id`).
 * The generic auth test walks every row: user routes must answer 401 without a token and 403 for a
 * role outside `roles`; API-key routes 401 without a key and 403 for a key lacking `scope`.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  auth: RouteAuth;
}

/** What createApp hands every module factory besides the deps. */
export interface ModuleContext {
  /** Register paths here; `/api/v1/openapi.json` is generated from it. */
  openapi: OpenAPIRegistry;
  /** The app's Prometheus registry (one per app instance, never the global default). */
  metrics: Registry;
  /** `deps.logger.child({ module: name })` is the module's own to make; this is the root logger. */
  logger: Logger;
  /** The HTTP server the app will listen on (socket.io attaches here). */
  httpServer: Server;
  /**
   * The app's one set of live campaigns (one SQL reload per `campaigns:changed`, one safety timer),
   * made on the first call. Call it in the factory: createApp starts it before any module starts
   * and closes it after every module closed, so modules never start or close it themselves.
   */
  liveCampaigns(): LiveCampaigns;
  /** The client address of a raw request under TRUST_PROXY, as Express's `req.ip` (for routes in front of Express). */
  clientIp(req: Pick<IncomingMessage, 'headers' | 'socket'>): string;
  /** The app's auth service (sessions cached and evicted across instances on logout). */
  auth: AuthService;
}

/** A mounted capability. `router` is mounted under `/api/v1`, `pageRouter` at the root. */
export interface AppModule {
  name: string;
  router?: Router;
  /** Pages outside `/api/v1` (the war-room kiosk), mounted before the studio's web build. */
  pageRouter?: Router;
  /** Every route the router serves, for the generic auth test and documentation. */
  routeTable?: readonly RouteSpec[];
  /**
   * Larger JSON bodies for some paths (relative to `/api/v1`, prefix match), e.g. catalog import.
   * Everything else gets `JSON_BODY_LIMIT`.
   */
  bodyLimits?: readonly { path: string; limit: string }[];
  /** Called once after every module is created, before listening (timers, subscriptions). */
  start?(): Promise<void>;
  /** Called on shutdown in reverse order. */
  close?(): Promise<void>;
}

export type ModuleFactory = (deps: AppDeps, ctx: ModuleContext) => AppModule;
