import type { ConflictRecord } from '../db/studio-db.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import type { SyncEngine } from './sync-engine.js';
import { deriveSyncPhase, INITIAL_SYNC_STATE, type SyncState } from './sync-status.js';

export interface SyncRunnerDeps {
  engine: SyncEngine;
  nowMs: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Whether the browser thinks it is online (navigator.onLine); events call `setOnline`. */
  online: boolean;
  /** Periodic pull while idle. */
  intervalMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  /** Told about new conflicts (the shell shows an OS notification). */
  onConflicts?: (conflicts: ConflictRecord[]) => void;
  /** Whether an error means "unreachable" (offline) rather than "the server said no". */
  isNetworkError?: (error: unknown) => boolean;
}

export interface SyncRunner {
  getState(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
  /** Sync as soon as possible (after a local edit, on "Sync now", on coming back online). */
  requestSync(): void;
  setOnline(online: boolean): void;
  /** Recounts pending / conflicts after local changes (edits, resolutions). */
  refreshCounts(): Promise<void>;
  stop(): void;
}

/**
 * Drives the engine: one round at a time, periodic while idle, exponential backoff after
 * failures, nothing while the browser is offline. State changes go to subscribers.
 */
export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  const intervalMs = deps.intervalMs ?? 30_000;
  const listeners = new Set<(state: SyncState) => void>();
  let state: SyncState = {
    ...INITIAL_SYNC_STATE,
    online: deps.online,
    phase: deriveSyncPhase({ online: deps.online, running: false, pending: 0, conflicts: 0, lastError: null }),
  };
  let running = false;
  let again = false;
  let attempt = 0;
  let timer: unknown = null;
  let stopped = false;

  const emit = (patch: Partial<SyncState>): void => {
    const next = { ...state, ...patch };
    next.phase = deriveSyncPhase({ online: next.online && next.reachable, running, pending: next.pending, conflicts: next.conflicts, lastError: next.lastError });
    state = next;
    for (const listener of listeners) listener(state);
  };

  const schedule = (ms: number): void => {
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      void run();
    }, ms);
  };

  const run = async (): Promise<void> => {
    if (stopped || !state.online) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    emit({ retryAt: null });
    try {
      const report = await deps.engine.syncOnce();
      attempt = 0;
      const counts = await deps.engine.counts();
      running = false;
      emit({ ...counts, reachable: true, lastError: null, lastSyncedAt: deps.nowMs() });
      if (report.conflicts.length > 0) deps.onConflicts?.(report.conflicts);
      schedule(again ? 0 : intervalMs);
    } catch (error) {
      running = false;
      attempt += 1;
      const delay = backoffDelayMs(attempt, deps.backoff ?? DEFAULT_BACKOFF, deps.random);
      const counts = await deps.engine.counts();
      // Unreachable (although the browser may say online) shows as offline, not as an error.
      const network = deps.isNetworkError?.(error) ?? false;
      emit({
        ...counts,
        reachable: !network,
        lastError: network ? null : error instanceof Error ? error.message : String(error),
        retryAt: deps.nowMs() + delay,
      });
      schedule(delay);
    } finally {
      again = false;
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    requestSync() {
      attempt = 0;
      schedule(0);
    },
    setOnline(online) {
      emit({ online });
      if (online) {
        attempt = 0;
        schedule(0);
      } else if (timer !== null) {
        deps.clearTimer(timer);
        timer = null;
      }
    },
    async refreshCounts() {
      emit(await deps.engine.counts());
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      listeners.clear();
    },
  };
}
