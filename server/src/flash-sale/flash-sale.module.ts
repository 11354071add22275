import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AppDeps } from '../app/deps.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createApiKeyCheck } from './api-key-check.js';
import { flashSaleRoutes } from './flash-sale.routes.js';
import type { FlashConfig } from './flash.config.js';
import { acquireFlashStock, releaseFlashStock } from './flash-stock.registry.js';
import type { FlashStockStore } from './flash-stock.store.js';
import { createFlashSaleService, SOLD_OUT_CHANNEL, type FlashSaleService } from './flash-sale.service.js';
import { installFastConnections } from './fast-connection.js';
import { createFlashFastPath, installFastPath } from './fast-path.js';
import { createReconciler, type ItemDrift } from './reconciler.js';
import { startPersisterThread } from './persister-thread/persister-thread.js';
import { createReservationPersister } from './reservation-persister.js';
import { createReservationRoute } from './reservation-route.js';
import { soldInSql } from './reservations.repo.js';
import { createSaleCatalog, type CampaignSource, type SaleCatalog } from './sale-catalog.js';
import { createStockWarmer } from './stock-warmer.js';
import { createTokenBuckets } from './token-buckets.js';
import { z } from 'zod';

/** What tests and operators can drive directly, instead of waiting for the timers. */
export interface FlashSaleRuntime {
  service: FlashSaleService;
  stock: FlashStockStore;
  catalog: SaleCatalog;
  /** Persists every logged event; returns how many were written. */
  drain(): Promise<number>;
  /** Claims events another (dead) consumer read but never acked, idle for `idleMs`, and persists them. */
  claimStale(idleMs?: number): Promise<number>;
  sweep(): Promise<number>;
  reconcile(): Promise<ItemDrift[]>;
}

const runtimes = new WeakMap<AppDeps, FlashSaleRuntime>();

/** The flash-sale runtime of the app built from `deps` (undefined when the module is not mounted). */
export function flashSaleRuntime(deps: AppDeps): FlashSaleRuntime | undefined {
  return runtimes.get(deps);
}

export interface FlashSaleModuleOptions {
  /** Overrides of `deps.config`'s FLASH_* settings for this module (tests, benchmarks). */
  config?: Partial<FlashConfig>;
  /** Campaigns to sell from (tests, benchmarks); default: the app's shared `ctx.liveCampaigns()`. Started and closed by this module. */
  campaigns?: CampaignSource & { start?(): Promise<void>; close?(): Promise<void> };
}

const SoldOutMessageSchema = z.object({ id: z.string(), soldOut: z.boolean() });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function every(ms: number, logger: Logger, what: string, job: () => Promise<unknown>): () => Promise<void> {
  if (ms <= 0) return async () => undefined;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = job()
      .catch((err: unknown) => logger.error({ err }, `${what} failed`))
      .finally(() => {
        running = null;
      });
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Flash sales (秒杀): reservations on Redis (or in-process), the node:http fast path, warm-up and
 * rebuild, expiry sweeps, the log → SQL persister and the reconciler. See
 * docs/adr/flash-sale-hot-path.md.
 */
export function flashSaleModule(options: FlashSaleModuleOptions = {}): ModuleFactory {
  return (deps, ctx) => {
    const config: FlashConfig = { ...deps.config, ...options.config };
    const logger = deps.logger.child({ module: 'flash-sale' });
    const campaigns = options.campaigns ?? ctx.liveCampaigns();
    const stock = acquireFlashStock(deps.stores, { autoPipelining: config.FLASH_AUTO_PIPELINING, onError: (err) => logger.warn({ err: err.message }, 'flash redis connection error') });
    const catalog = createSaleCatalog(campaigns);
    const persisterThread =
      config.FLASH_PERSIST_THREAD && deps.stores.redis && deps.config.REDIS_URL
        ? startPersisterThread({ config: deps.config, consumerName: `flash-persist-${randomUUID().slice(0, 8)}`, clock: deps.clock, logger, requestDb: deps.db })
        : null;
    const persister = persisterThread ?? createReservationPersister({ db: deps.db, stock, clock: deps.clock, logger });
    const warmer = createStockWarmer({ db: deps.db, stores: deps.stores, stock, logger, drainItem: async (item) => void (await persister.drain([item])) });
    const service = createFlashSaleService({ db: deps.db, stores: deps.stores, clock: deps.clock, logger, stock, catalog, warmer });
    const reconciler = createReconciler({
      stock,
      metrics: ctx.metrics,
      soldInSql: persisterThread ? (items) => persisterThread.soldInSql(items) : (items) => Promise.all(items.map((item) => soldInSql(deps.db, item))),
    });
    const keys = createApiKeyCheck({ db: deps.db, clock: deps.clock, pubsub: deps.stores.pubsub, ttlMs: deps.config.AUTH_CACHE_MS });
    const runtime: FlashSaleRuntime = {
      service,
      stock,
      catalog,
      drain: () => persister.drain(catalog.all()),
      claimStale: (idleMs) => persister.claimStale(catalog.all(), idleMs),
      sweep: () => service.sweep(),
      async reconcile() {
        await persister.drain(catalog.all());
        return reconciler.reconcile(catalog.all());
      },
    };
    runtimes.set(deps, runtime);
    const { router, routeTable } = flashSaleRoutes(service, ctx.openapi);
    if (config.FLASH_FAST_PATH) {
      const limits = {
        ...(config.FLASH_RATE_LIMIT_IP_PER_SEC > 0 ? { perIp: createTokenBuckets({ perSec: config.FLASH_RATE_LIMIT_IP_PER_SEC }) } : {}),
        ...(config.FLASH_RATE_LIMIT_KEY_PER_SEC > 0 ? { perKey: createTokenBuckets({ perSec: config.FLASH_RATE_LIMIT_KEY_PER_SEC }) } : {}),
      };
      const route = createReservationRoute({ service, keys, logger, limits });
      installFastPath(ctx.httpServer, createFlashFastPath(route, ctx.clientIp));
      if (config.FLASH_FAST_CONNECTIONS) installFastConnections(ctx.httpServer, route, ctx.clientIp);
    }

    const stops: (() => Promise<void>)[] = [];
    let unsubscribe: (() => Promise<void>) | null = null;
    return {
      name: 'flash-sale',
      router,
      routeTable,
      async start() {
        await options.campaigns?.start?.();
        await keys.start();
        unsubscribe = await deps.stores.pubsub.subscribe(SOLD_OUT_CHANNEL, (message) => {
          const parsed = SoldOutMessageSchema.safeParse(parseJson(message));
          if (parsed.success) service.applySoldOutMessage(parsed.data.id, parsed.data.soldOut);
        });
        stops.push(every(config.FLASH_SWEEP_MS, logger, 'flash sweep', runtime.sweep));
        stops.push(every(config.FLASH_PERSIST_MS, logger, 'flash persist', () => persister.tick(catalog.all())));
        stops.push(every(config.FLASH_PERSIST_MS * 50, logger, 'flash claim', () => runtime.claimStale()));
        stops.push(every(config.FLASH_RECONCILE_MS, logger, 'flash reconcile', runtime.reconcile));
      },
      async close() {
        for (const stop of stops.splice(0)) await stop();
        await runtime.drain().catch((err: unknown) => logger.error({ err }, 'final flash drain failed'));
        await persisterThread?.close();
        await unsubscribe?.();
        await keys.close();
        await options.campaigns?.close?.();
        await releaseFlashStock(deps.stores);
      },
    };
  };
}
