import { nextTransition, type CampaignStatus } from '@promo/shared';
import type { AppDeps } from '../app/deps.js';
import { CAMPAIGNS_CHANGED } from '../campaigns/campaign-events.js';
import { scheduleStatus } from '../campaigns/campaign-lifecycle.js';
import { createLifecycleService, type LifecycleService } from '../campaigns/campaign-lifecycle.service.js';
import { loadPublished } from '../campaigns/campaign.repo.js';

/** Longest sleep between checks, so a missed message or clock jump is caught within a minute. */
const MAX_SLEEP_MS = 60_000;
const LOCK_TTL_MS = 10_000;

export interface Scheduler {
  /** Moves every campaign whose schedule says so at `clock.now()`; returns the moves this instance made. */
  tick(): Promise<{ moved: { id: string; from: CampaignStatus; to: CampaignStatus }[]; nextAt: number | null }>;
  /** Subscribes to changes, ticks once and then sleeps until the next transition. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The status the scheduler wants for a published campaign, or null to leave it alone. */
export function scheduledTarget(status: CampaignStatus, target: 'live' | 'scheduled' | 'ended'): CampaignStatus | null {
  if (status === 'paused') return target === 'ended' ? 'ended' : null;
  if (status === 'live' || status === 'scheduled') return target === status ? null : target;
  return null;
}

/**
 * Starts and ends published campaigns on the second. Everything it needs is recomputed from SQL at
 * each tick (no in-memory-only state, so a restart loses nothing); with several instances, a lock
 * per campaign plus the compare-and-set status write make each transition happen once.
 */
export function createScheduler(deps: Pick<AppDeps, 'db' | 'clock' | 'stores' | 'logger'>, lifecycle: LifecycleService = createLifecycleService(deps)): Scheduler {
  const logger = deps.logger.child({ module: 'scheduler' });
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => Promise<void>) | null = null;
  let ticking: Promise<unknown> | null = null;
  let stopped = false;
  let rerun = false;

  async function tick() {
    const now = deps.clock.now();
    const published = await loadPublished(deps.db, ['scheduled', 'live', 'paused']);
    const moved: { id: string; from: CampaignStatus; to: CampaignStatus }[] = [];
    let nextAt: number | null = null;
    for (const { campaign, status } of published) {
      let to: CampaignStatus | null = null;
      try {
        to = scheduledTarget(status, scheduleStatus(campaign.schedule, now));
        const next = nextTransition(campaign.schedule, now);
        if (next !== null && (nextAt === null || next < nextAt)) nextAt = next;
      } catch (err) {
        logger.error({ err, campaignId: campaign.id }, 'unusable schedule');
        continue;
      }
      if (to === null) continue;
      const lock = await deps.stores.locks.acquire(`scheduler:${campaign.id}`, LOCK_TTL_MS);
      if (!lock) continue;
      try {
        if (await lifecycle.scheduleMove(campaign.id, status, to, now)) moved.push({ id: campaign.id, from: status, to });
      } finally {
        await lock.release();
      }
    }
    if (moved.length > 0) logger.info({ moved }, 'campaigns moved by schedule');
    return { moved, nextAt };
  }

  function arm(nextAt: number | null): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const wait = nextAt === null ? MAX_SLEEP_MS : Math.min(Math.max(nextAt - deps.clock.now(), 0), MAX_SLEEP_MS);
    timer = setTimeout(run, wait);
    timer.unref();
  }

  function run(): void {
    if (stopped) return;
    if (ticking) {
      rerun = true;
      return;
    }
    rerun = false;
    ticking = tick()
      .then((result) => arm(result.nextAt))
      .catch((err: unknown) => {
        logger.error({ err }, 'scheduler tick failed');
        arm(null);
      })
      .finally(() => {
        ticking = null;
        if (rerun) run();
      });
  }

  return {
    tick,
    async start() {
      if (unsubscribe) return;
      stopped = false;
      // A publish may bring an earlier transition than the one we sleep towards.
      unsubscribe = await deps.stores.pubsub.subscribe(CAMPAIGNS_CHANGED, run);
      run();
    },
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await unsubscribe?.();
      unsubscribe = null;
      await ticking;
    },
  };
}
