import { z } from 'zod';

/** One counter change: add `amount` to `key` unless that takes it past `cap` (null: no ceiling, only counted). */
export const LimitEntrySchema = z.object({
  key: z.string().min(1).max(255),
  amount: z.number().int().positive(),
  cap: z.number().int().nonnegative().nullable(),
  /** Counters that only matter for a while (per-day counts) may expire on Redis after this many ms. */
  ttlMs: z.number().int().positive().optional(),
});
export type LimitEntry = z.infer<typeof LimitEntrySchema>;

/** Every counter change of one order, consumed all or nothing and released all or nothing. */
export const LimitPlanSchema = z.object({
  orderId: z.string().min(1).max(64),
  entries: z.array(LimitEntrySchema),
});
export type LimitPlan = z.infer<typeof LimitPlanSchema>;

/**
 * `consumed`: every entry applied now. `duplicate`: this order id was consumed before (nothing
 * applied again). `rejected`: an entry would pass its cap (nothing applied); `key` names it.
 */
export type ConsumeOutcome =
  | { status: 'consumed' }
  | { status: 'duplicate'; state: 'consumed' | 'released' }
  | { status: 'rejected'; key: string };

/** `released`: the entries were given back now. `noop`: never consumed, or already released. */
export type ReleaseOutcome = { status: 'released' } | { status: 'noop' };

/**
 * One entry per key (amounts added, the tightest cap kept), sorted by key: every store then
 * checks a key once and takes row locks in one global order, which rules out deadlocks.
 */
export function normalisePlan(plan: LimitPlan): LimitPlan {
  const byKey = new Map<string, LimitEntry>();
  for (const entry of plan.entries) {
    const seen = byKey.get(entry.key);
    if (!seen) {
      byKey.set(entry.key, { ...entry });
      continue;
    }
    seen.amount += entry.amount;
    if (entry.cap !== null) seen.cap = seen.cap === null ? entry.cap : Math.min(seen.cap, entry.cap);
  }
  const entries = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { orderId: plan.orderId, entries };
}
