import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncEngine, SyncReport } from './sync-engine.js';
import { createSyncRunner } from './sync-runner.js';
import { backoffDelayMs } from './backoff.js';
import { deriveSyncPhase, type SyncState } from './sync-status.js';

const okReport: SyncReport = { pulled: 0, pushed: 0, rejected: [], conflicts: [] };

function fakeEngine(results: (SyncReport | Error)[], counts = { pending: 0, conflicts: 0 }): SyncEngine & { calls: number } {
  const engine = {
    calls: 0,
    syncOnce: vi.fn(async () => {
      const next = results[Math.min(engine.calls, results.length - 1)];
      engine.calls += 1;
      if (next instanceof Error) throw next;
      return next ?? okReport;
    }),
    counts: vi.fn(async () => counts),
  };
  return engine;
}

const networkError = new TypeError('Failed to fetch');

describe('sync runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function runner(engine: SyncEngine, online = true, onConflicts = vi.fn()) {
    return createSyncRunner({
      engine,
      online,
      nowMs: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      random: () => 1,
      intervalMs: 30_000,
      onConflicts,
      isNetworkError: (e) => e === networkError,
    });
  }

  it('reports synced after a successful round', async () => {
    const r = runner(fakeEngine([okReport]));
    const states: SyncState[] = [];
    r.subscribe((s) => states.push(s));
    r.requestSync();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.map((s) => s.phase)).toContain('syncing');
    expect(r.getState().phase).toBe('synced');
    r.stop();
  });

  it('backs off exponentially while the server is unreachable, then recovers', async () => {
    const engine = fakeEngine([networkError, networkError, networkError, okReport]);
    const r = runner(engine);
    r.requestSync();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.getState().phase).toBe('offline');
    await vi.advanceTimersByTimeAsync(999);
    expect(engine.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(engine.calls).toBe(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(engine.calls).toBe(4);
    expect(r.getState().phase).toBe('synced');
    r.stop();
  });

  it('does nothing while the browser is offline and syncs as soon as it is back', async () => {
    const engine = fakeEngine([okReport]);
    const r = runner(engine, false);
    r.requestSync();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engine.calls).toBe(0);
    expect(r.getState().phase).toBe('offline');
    r.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.calls).toBe(1);
    r.stop();
  });

  it('surfaces server errors and conflicts', async () => {
    const conflict = { key: 'campaign:c1', entityType: 'campaign' as const, entityId: 'c1', mine: {}, theirs: {}, serverVersion: 2, detectedAt: 0 };
    const onConflicts = vi.fn();
    const r = runner(fakeEngine([new Error('boom'), { ...okReport, conflicts: [conflict] }], { pending: 0, conflicts: 1 }), true, onConflicts);
    r.requestSync();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.getState()).toMatchObject({ lastError: 'boom' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.getState().phase).toBe('conflict');
    expect(onConflicts).toHaveBeenCalledWith([conflict]);
    r.stop();
  });

  it('pulls periodically while idle', async () => {
    const engine = fakeEngine([okReport]);
    const r = runner(engine);
    r.requestSync();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(engine.calls).toBe(2);
    r.stop();
  });
});

describe('sync status and backoff', () => {
  it('ranks conflict over offline over error over work', () => {
    expect(deriveSyncPhase({ online: false, running: false, pending: 3, conflicts: 1, lastError: null })).toBe('conflict');
    expect(deriveSyncPhase({ online: false, running: false, pending: 3, conflicts: 0, lastError: 'x' })).toBe('offline');
    expect(deriveSyncPhase({ online: true, running: true, pending: 3, conflicts: 0, lastError: 'x' })).toBe('error');
    expect(deriveSyncPhase({ online: true, running: false, pending: 3, conflicts: 0, lastError: null })).toBe('pending');
    expect(deriveSyncPhase({ online: true, running: false, pending: 0, conflicts: 0, lastError: null })).toBe('synced');
  });

  it('doubles the delay up to the cap with jitter in the upper half', () => {
    expect(backoffDelayMs(1, { baseMs: 1000, maxMs: 8000 }, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, { baseMs: 1000, maxMs: 8000 }, () => 1)).toBe(4000);
    expect(backoffDelayMs(10, { baseMs: 1000, maxMs: 8000 }, () => 1)).toBe(8000);
    expect(backoffDelayMs(3, { baseMs: 1000, maxMs: 8000 }, () => 0)).toBe(2000);
  });
});
