import { createCampaignIndex, type Campaign, type CampaignIndex } from '@promo/shared';
import type { AppDeps } from '../app/deps.js';
import { CAMPAIGNS_CHANGED } from './campaign-events.js';
import { loadPublished } from './campaign.repo.js';

/** What quotes price against: immutable, swapped whole on every change. */
export interface LiveCampaignsSnapshot {
  /** The frozen published documents of scheduled and live campaigns (status = current status). */
  campaigns: Campaign[];
  index: CampaignIndex;
  /** Increases with every rebuild (0 = not loaded yet). */
  version: number;
}

export interface LiveCampaigns {
  /** The current snapshot: no I/O, safe to call per quote. */
  snapshot(): LiveCampaignsSnapshot;
  /** Reloads from SQL and swaps the snapshot; concurrent calls coalesce into one extra reload. */
  refresh(): Promise<void>;
  /** Subscribes to `campaigns:changed`, then loads. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface LiveCampaignsOptions {
  /** Reload this often even without a message, in case one was lost (default 30 s; 0 = never). */
  safetyRefreshMs?: number;
}

/**
 * Live campaigns held in memory for pricing. Every instance subscribes to `campaigns:changed`
 * (sent after each publish / pause / resume / end / scheduler flip, by any instance) and rebuilds
 * the shared engine's index, so no quote reads campaigns from SQL.
 */
export function createLiveCampaigns(deps: Pick<AppDeps, 'db' | 'stores' | 'logger'>, options: LiveCampaignsOptions = {}): LiveCampaigns {
  const logger = deps.logger.child({ module: 'live-campaigns' });
  let current: LiveCampaignsSnapshot = { campaigns: [], index: createCampaignIndex([]), version: 0 };
  let running: Promise<void> | null = null;
  let again = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  async function load(): Promise<void> {
    const published = await loadPublished(deps.db, ['scheduled', 'live']);
    const campaigns = published.map((p) => p.campaign);
    current = { campaigns, index: createCampaignIndex(campaigns), version: current.version + 1 };
  }

  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again && !closed);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function refreshQuietly(): void {
    refresh().catch((err: unknown) => logger.error({ err }, 'live campaigns reload failed'));
  }

  return {
    snapshot: () => current,
    refresh,
    async start() {
      if (unsubscribe) return;
      unsubscribe = await deps.stores.pubsub.subscribe(CAMPAIGNS_CHANGED, refreshQuietly);
      await refresh();
      const every = options.safetyRefreshMs ?? 30_000;
      if (every > 0) {
        timer = setInterval(refreshQuietly, every);
        timer.unref();
      }
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await unsubscribe?.();
      unsubscribe = null;
      await running?.catch(() => undefined);
    },
  };
}
