import type { LockStore, ScriptReply, ScriptRunner } from '../stores/stores.types.js';
import { limitKeys } from './limit-keys.js';
import { normalisePlan, type ConsumeOutcome, type LimitPlan, type ReleaseOutcome } from './limit-plan.schema.js';
import type { LimitsStore } from './limits-store.js';
import { LIMITS_CONSUME, LIMITS_READ, LIMITS_RELEASE, LIMITS_RESTORE } from './limits.scripts.js';

/** How long Redis remembers an attempt id: a cancel later than this finds nothing to release. */
export const ORDER_MARKER_TTL_MS = 90 * 24 * 3600 * 1000;
const RESTORE_LOCK_MS = 120_000;
const RESTORE_WAIT_MS = 30_000;
const RESTORE_CHUNK = 500;

/** What the durable record says was consumed: usage per counter key and attempts still consumed. */
export interface DurableUsage {
  counters: ReadonlyMap<string, number>;
  attempts: readonly string[];
}

export interface ScriptLimitsOptions {
  /** Rebuilds counters from SQL when the store lost them (Redis restarted without data). */
  loadDurableUsage: () => Promise<DurableUsage>;
  locks: LockStore;
}

function planArgs(rawPlan: LimitPlan): { keys: string[]; args: (string | number)[] } {
  const plan = normalisePlan(rawPlan);
  const keys = [limitKeys.ready, limitKeys.order(plan.orderId)];
  const args: (string | number)[] = [ORDER_MARKER_TTL_MS];
  for (const entry of plan.entries) {
    keys.push(entry.key);
    args.push(entry.amount, entry.cap ?? -1, entry.ttlMs ?? 0);
  }
  return { keys, args };
}

function asStrings(reply: ScriptReply): string[] {
  return Array.isArray(reply) ? reply.map((r) => (r === null ? '' : String(r))) : [];
}

/**
 * Counters on Redis (or the in-process twin of the same scripts): one script call per consume,
 * release or read, so check-then-apply is atomic without locks. When the scripts answer
 * `not_ready` (the restored flag is gone: a new or emptied Redis), one instance rebuilds the
 * counters and attempt markers from SQL under a lock while the others wait.
 */
export function createScriptLimitsStore(scripts: ScriptRunner, options: ScriptLimitsOptions): LimitsStore {
  for (const script of [LIMITS_CONSUME, LIMITS_RELEASE, LIMITS_READ, LIMITS_RESTORE]) scripts.register(script);
  let restoring: Promise<void> | null = null;

  async function isReady(): Promise<boolean> {
    const [status] = asStrings(await scripts.runScript(LIMITS_READ.name, [limitKeys.ready], []));
    return status === 'ok';
  }

  async function restore(): Promise<void> {
    const lock = await options.locks.acquire('limits:restore', RESTORE_LOCK_MS);
    if (!lock) {
      const deadline = Date.now() + RESTORE_WAIT_MS;
      while (!(await isReady())) {
        if (Date.now() > deadline) throw new Error('limit counters are being restored by another instance');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return;
    }
    try {
      if (await isReady()) return;
      const usage = await options.loadDurableUsage();
      const counters = [...usage.counters];
      for (let i = 0; i < counters.length; i += RESTORE_CHUNK) {
        const chunk = counters.slice(i, i + RESTORE_CHUNK);
        await scripts.runScript(LIMITS_RESTORE.name, chunk.map(([key]) => key), [chunk.length, ORDER_MARKER_TTL_MS, ...chunk.map(([, used]) => used)]);
      }
      for (let i = 0; i < usage.attempts.length; i += RESTORE_CHUNK) {
        const markers = usage.attempts.slice(i, i + RESTORE_CHUNK).map((id) => limitKeys.order(id));
        await scripts.runScript(LIMITS_RESTORE.name, markers, [0, ORDER_MARKER_TTL_MS]);
      }
      // Last: until the flag is set every script refuses, so nothing saw half-restored counters.
      await scripts.runScript(LIMITS_RESTORE.name, [limitKeys.ready], [1, ORDER_MARKER_TTL_MS, Date.now()]);
    } finally {
      await lock.release();
    }
  }

  async function run(name: string, keys: string[], args: (string | number)[]): Promise<string[]> {
    const first = asStrings(await scripts.runScript(name, keys, args));
    if (first[0] !== 'not_ready') return first;
    restoring ??= restore().finally(() => {
      restoring = null;
    });
    await restoring;
    const second = asStrings(await scripts.runScript(name, keys, args));
    if (second[0] === 'not_ready') throw new Error('limit counters are not restored');
    return second;
  }

  return {
    kind: 'redis',
    async consume(plan): Promise<ConsumeOutcome> {
      const { keys, args } = planArgs(plan);
      const [status, detail = ''] = await run(LIMITS_CONSUME.name, keys, args);
      if (status === 'consumed') return { status: 'consumed' };
      if (status === 'duplicate') return { status: 'duplicate', state: detail === 'released' ? 'released' : 'consumed' };
      const index = keys.findIndex((k, i) => i > 1 && detail.endsWith(k));
      return { status: 'rejected', key: index > 1 ? keys[index]! : detail };
    },
    async release(plan): Promise<ReleaseOutcome> {
      const { keys, args } = planArgs(plan);
      const [status] = await run(LIMITS_RELEASE.name, keys, args);
      return status === 'released' ? { status: 'released' } : { status: 'noop' };
    },
    async read(keys) {
      const values = new Map<string, number>();
      if (keys.length === 0) return values;
      const reply = await run(LIMITS_READ.name, [limitKeys.ready, ...keys], []);
      keys.forEach((key, i) => values.set(key, Number(reply[i + 1] ?? '0') || 0));
      return values;
    },
  };
}
