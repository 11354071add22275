import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../app/deps.js';
import type { LimitsStore } from '../limits/limits-store.js';
import { deleteClaim, stalePending } from './order.repo.js';

/** A commit takes milliseconds; a claim this old belongs to a process that died mid-commit. */
export const STALE_CLAIM_MS = 5 * 60_000;
const BATCH = 100;

/**
 * Releases what dead commits consumed and drops their claims, so budgets come back and the order id
 * can be committed again. Safe on several instances at once: release is idempotent per attempt and
 * the claim delete is conditional on `pending` (a late finisher then fails and compensates).
 */
export async function reconcileStaleClaims(deps: { db: Knex; clock: Clock; limits: LimitsStore; logger: Logger }): Promise<number> {
  const stale = await stalePending(deps.db, deps.clock.now() - STALE_CLAIM_MS, BATCH);
  for (const order of stale) {
    if (order.plan.entries.length > 0) await deps.limits.release(order.plan);
    await deleteClaim(deps.db, order.response.orderId);
  }
  if (stale.length > 0) deps.logger.warn({ orders: stale.map((o) => o.response.orderId) }, 'released stale order claims');
  return stale.length;
}
