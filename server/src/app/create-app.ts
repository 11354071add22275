import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import cors from 'cors';
import express from 'express';
import type { Registry } from 'prom-client';
import { attachAuthService, createAuthService } from '../auth/auth.service.js';
import { createLiveCampaigns, type LiveCampaigns } from '../campaigns/live-campaigns.js';
import { healthRouter } from '../health/health.routes.js';
import { createMetricsRegistry, httpMetrics } from '../health/http-metrics.js';
import { docsRouter } from '../openapi/docs.routes.js';
import { createOpenApiRegistry } from '../openapi/openapi-registry.js';
import { clientIpResolver } from './client-ip.js';
import type { AppDeps } from './deps.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import type { AppModule, ModuleContext, ModuleFactory, RouteSpec } from './module.types.js';
import { modules as defaultModules } from './modules.js';
import { securityHeaders } from './security-headers.js';
import { findStudioBuild, studioRouter } from './studio-static.js';

export const API_PREFIX = '/api/v1';
const DRAIN_TIMEOUT_MS = 10_000;

export interface AppOptions {
  /** Defaults to the list in modules.ts. */
  modules?: readonly ModuleFactory[];
  /** Shown in the OpenAPI document. */
  version?: string;
}

export interface AppHandle {
  app: express.Express;
  /** The HTTP server (not listening until `listen`). */
  server: Server;
  modules: readonly AppModule[];
  /** Every module's routes, with the full path (`/api/v1/...`). */
  routeTable: readonly (RouteSpec & { module: string })[];
  openapi: OpenAPIRegistry;
  metrics: Registry;
  /** The studio web build served at /studio, or undefined when there is none. */
  studioDir: string | undefined;
  /** Starts the modules (subscriptions, timers). Idempotent. */
  start(): Promise<void>;
  /** Starts (if needed) and listens; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Stops accepting, drains in-flight requests (bounded), closes modules in reverse order.
   * The db and stores belong to the caller and stay open.
   */
  close(): Promise<void>;
}

/** Builds the Express app and its HTTP server from plain dependencies (no I/O until start/listen). */
export async function createApp(deps: AppDeps, options: AppOptions = {}): Promise<AppHandle> {
  const { config, logger } = deps;
  const app = express();
  const server = createServer(app);
  const openapi = createOpenApiRegistry();
  const metrics = createMetricsRegistry();
  const auth = createAuthService(deps);
  attachAuthService(app, auth);

  let liveCampaigns: LiveCampaigns | undefined;
  app.set('trust proxy', config.TRUST_PROXY);
  const ctx: ModuleContext = {
    openapi,
    metrics,
    logger,
    httpServer: server,
    liveCampaigns: () => (liveCampaigns ??= createLiveCampaigns(deps)),
    clientIp: clientIpResolver(app),
    auth,
  };
  const modules = (options.modules ?? defaultModules).map((factory) => factory(deps, ctx));

  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders());
  app.use(cors({ origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false }));
  app.use(httpMetrics(metrics, logger));
  for (const module of modules) {
    for (const { path, limit } of module.bodyLimits ?? []) app.use(API_PREFIX + path, express.json({ limit }));
  }
  app.use(express.json({ limit: config.JSON_BODY_LIMIT }));
  app.use(healthRouter(deps, metrics));
  app.use(docsRouter(openapi, options.version ?? '1.0.0'));
  for (const module of modules) if (module.router) app.use(API_PREFIX, module.router);
  for (const module of modules) if (module.pageRouter) app.use(module.pageRouter);
  const studioDir = findStudioBuild(config.STUDIO_DIR);
  if (studioDir) app.use(studioRouter(studioDir));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));

  const routeTable = modules.flatMap((module) => (module.routeTable ?? []).map((route) => ({ ...route, path: API_PREFIX + route.path, module: module.name })));

  let started: Promise<void> | undefined;
  const start = () => {
    started ??= (async () => {
      await auth.start();
      await liveCampaigns?.start();
      for (const module of modules) await module.start?.();
    })();
    return started;
  };

  return {
    app,
    server,
    modules,
    routeTable,
    openapi,
    metrics,
    studioDir,
    start,
    async listen(port, host) {
      await start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return server.address() as AddressInfo;
    },
    async close() {
      if (server.listening) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // A keep-alive connection turns idle when its in-flight response ends; close it then
        // rather than after keepAliveTimeout.
        const reaper = setInterval(() => server.closeIdleConnections(), 50);
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
        await closed;
        clearInterval(reaper);
        clearTimeout(timer);
      }
      if (started) {
        await started.catch(() => undefined);
        for (const module of [...modules].reverse()) {
          try {
            await module.close?.();
          } catch (err) {
            logger.error({ err, module: module.name }, 'module close failed');
          }
        }
        await liveCampaigns?.close();
        await auth.close();
      }
    },
  };
}
