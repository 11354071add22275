import type { Knex } from 'knex';
import { LimitPlanSchema } from '../limits/limit-plan.schema.js';
import type { DurableUsage } from '../limits/script-limits-store.js';

const PAGE = 1000;

/**
 * Counter usage as the orders table records it: the plans of committed orders, plus pending ones
 * (their consume may have happened; counting them is the safe side, and a failing commit releases).
 * Cancelled orders released theirs. Read in keyset pages so a large table is not loaded at once.
 */
export async function loadDurableUsage(db: Knex): Promise<DurableUsage> {
  const counters = new Map<string, number>();
  const attempts: string[] = [];
  let after = '';
  for (;;) {
    const rows = await db('orders')
      .whereIn('status', ['committed', 'pending'])
      .andWhere('order_id', '>', after)
      .orderBy('order_id')
      .limit(PAGE)
      .select<{ order_id: string; limits_plan: string }[]>('order_id', 'limits_plan');
    for (const row of rows) {
      const plan = LimitPlanSchema.parse(JSON.parse(row.limits_plan));
      if (plan.entries.length === 0) continue;
      attempts.push(plan.orderId);
      for (const entry of plan.entries) counters.set(entry.key, (counters.get(entry.key) ?? 0) + entry.amount);
    }
    if (rows.length < PAGE) return { counters, attempts };
    after = rows[rows.length - 1]!.order_id;
  }
}
