import type { LiveAlert } from '@promo/shared';
import type { AppDeps } from '../app/deps.js';
import { acquireFlashStock, releaseFlashStock } from '../flash-sale/flash-stock.registry.js';
import type { FlashStockStore } from '../flash-sale/flash-stock.store.js';
import { LIVE_ALERTS_CHANNEL } from '../flash-sale/flash-sale.service.js';
import type { CampaignSource } from '../flash-sale/sale-catalog.js';
import type { LiveAggregates } from './live-aggregates.js';
import { liveAggregatesFor } from './live-aggregates.registry.js';
import { createLiveAlerts, FlashAlertMessageSchema, type AlertSink, type LiveAlerts } from './live-alerts.js';
import { createLiveDirectory, type LiveDirectory } from './live-directory.js';
import { createLiveRollup } from './live-rollup.js';
import { createLiveSqlWriter, type LiveSqlWriter } from './live-sql-writer.js';

export interface LiveRuntimeOptions {
  /** How often queued events and order facts are written to SQL (default 500 ms). */
  flushMs?: number;
  /** How often minute buckets are rolled up into SQL (default 30 s; 0 = only on demand). */
  rollupMs?: number;
}

/** The war room's per-instance state: aggregates, campaign directory, alerts, SQL write-behind. */
export interface LiveRuntime {
  deps: AppDeps;
  aggregates: LiveAggregates;
  directory: LiveDirectory;
  alerts: LiveAlerts;
  writer: LiveSqlWriter;
  stock: FlashStockStore;
  rollup: ReturnType<typeof createLiveRollup>;
  /** The socket layer plugs in here once attached; alerts fired before that are dropped. */
  setSink(sink: AlertSink | null): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

const runtimes = new WeakMap<AppDeps, LiveRuntime>();

/** The live runtime of the app built from `deps` (undefined when the live module is not mounted). */
export function liveRuntimeOf(deps: AppDeps): LiveRuntime | undefined {
  return runtimes.get(deps);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `campaigns`: the app's shared live campaigns (`ModuleContext.liveCampaigns`). */
export function createLiveRuntime(deps: AppDeps, campaigns: CampaignSource, options: LiveRuntimeOptions = {}): LiveRuntime {
  const logger = deps.logger.child({ module: 'live' });
  const aggregates = liveAggregatesFor(deps.stores, deps.clock);
  const directory = createLiveDirectory(deps, campaigns);
  let sink: AlertSink | null = null;
  const alerts = createLiveAlerts({ aggregates, directory, now: () => deps.clock.now(), sink: { emit: (alert: LiveAlert) => sink?.emit(alert) } });
  const writer = createLiveSqlWriter({ db: deps.db, logger, flushMs: options.flushMs ?? 500 });
  const rollup = createLiveRollup({ db: deps.db, aggregates, locks: deps.stores.locks });
  let stock: FlashStockStore | null = null;
  let unsubscribe: (() => Promise<void>) | null = null;
  let rollupTimer: NodeJS.Timeout | null = null;

  const runtime: LiveRuntime = {
    deps,
    aggregates,
    directory,
    alerts,
    writer,
    rollup,
    get stock() {
      stock ??= acquireFlashStock(deps.stores, { autoPipelining: false });
      return stock;
    },
    setSink(next) {
      sink = next;
    },
    async start() {
      await directory.start();
      writer.start();
      unsubscribe = await deps.stores.pubsub.subscribe(LIVE_ALERTS_CHANNEL, (text) => {
        const parsed = FlashAlertMessageSchema.safeParse(parseJson(text));
        if (parsed.success) void alerts.onFlash(parsed.data).catch((err: unknown) => logger.warn({ err }, 'flash alert failed'));
      });
      const every = options.rollupMs ?? 30_000;
      if (every > 0) {
        rollupTimer = setInterval(() => void rollup.run(deps.clock.now()).catch((err: unknown) => logger.warn({ err }, 'live rollup failed')), every);
        rollupTimer.unref();
      }
    },
    async close() {
      if (rollupTimer) clearInterval(rollupTimer);
      await unsubscribe?.();
      await writer.close();
      await directory.close();
      if (stock) await releaseFlashStock(deps.stores);
      runtimes.delete(deps);
    },
  };
  runtimes.set(deps, runtime);
  return runtime;
}
