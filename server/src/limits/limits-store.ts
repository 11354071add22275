import type { ConsumeOutcome, LimitPlan, ReleaseOutcome } from './limit-plan.schema.js';

/**
 * Atomic budget / usage / per-user / stock counters (docs/adr/limit-counters.md).
 * `consume` checks every ceiling of a plan and applies all or nothing, remembering the order id so
 * a retry never counts twice; `release` gives a consumed plan back, once.
 */
export interface LimitsStore {
  readonly kind: 'redis' | 'sql';
  consume(plan: LimitPlan): Promise<ConsumeOutcome>;
  release(plan: LimitPlan): Promise<ReleaseOutcome>;
  /** Current usage of each key (absent keys are 0), in one round trip. */
  read(keys: readonly string[]): Promise<Map<string, number>>;
}
