import type { ScriptReply, ScriptRunner } from '../stores/stores.types.js';
import { limitKeys } from './limit-keys.js';
import { normalisePlan, type ConsumeOutcome, type LimitPlan, type ReleaseOutcome } from './limit-plan.schema.js';
import type { LimitsStore } from './limits-store.js';
import { LIMITS_CONSUME, LIMITS_READ, LIMITS_RELEASE } from './limits.scripts.js';

/** How long Redis remembers an order id: a cancel later than this finds nothing to release. */
export const ORDER_MARKER_TTL_MS = 90 * 24 * 3600 * 1000;

function planArgs(rawPlan: LimitPlan): { keys: string[]; args: (string | number)[] } {
  const plan = normalisePlan(rawPlan);
  const keys = [limitKeys.order(plan.orderId)];
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
 * Counters on Redis (or the in-process twin of the same scripts): one script call per consume or
 * release, so the check-then-apply is atomic without locks. Keys handed to the scripts are
 * prefixed by the store, so a plan's keys are the logical names from `limitKeys`.
 */
export function createScriptLimitsStore(scripts: ScriptRunner): LimitsStore {
  for (const script of [LIMITS_CONSUME, LIMITS_RELEASE, LIMITS_READ]) scripts.register(script);
  return {
    kind: 'redis',
    async consume(plan): Promise<ConsumeOutcome> {
      const { keys, args } = planArgs(plan);
      const [status, detail = ''] = asStrings(await scripts.runScript(LIMITS_CONSUME.name, keys, args));
      if (status === 'consumed') return { status: 'consumed' };
      if (status === 'duplicate') return { status: 'duplicate', state: detail === 'released' ? 'released' : 'consumed' };
      const index = keys.findIndex((k, i) => i > 0 && detail.endsWith(k));
      return { status: 'rejected', key: index > 0 ? keys[index]! : detail };
    },
    async release(plan): Promise<ReleaseOutcome> {
      const { keys, args } = planArgs(plan);
      const [status] = asStrings(await scripts.runScript(LIMITS_RELEASE.name, keys, args));
      return status === 'released' ? { status: 'released' } : { status: 'noop' };
    },
    async read(keys) {
      const values = new Map<string, number>();
      if (keys.length === 0) return values;
      const reply = asStrings(await scripts.runScript(LIMITS_READ.name, [...keys], []));
      keys.forEach((key, i) => values.set(key, Number(reply[i] ?? '0') || 0));
      return values;
    },
  };
}
