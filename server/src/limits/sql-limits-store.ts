import type { Knex } from 'knex';
import type { Clock } from '../app/deps.js';
import { normalisePlan, type ConsumeOutcome, type ReleaseOutcome } from './limit-plan.schema.js';
import type { LimitsStore } from './limits-store.js';
import { isUniqueViolation, withTxRetry } from '../db/sql-errors.js';

class Rejection extends Error {
  constructor(readonly key: string) {
    super(`limit reached: ${key}`);
  }
}

const CHUNK = 400;

async function ensureRows(db: Knex, keys: readonly string[], now: number): Promise<void> {
  // Created outside the consuming transaction: inside it, INSERT IGNORE on an existing row takes a
  // shared lock that the later UPDATE must upgrade, a classic InnoDB deadlock under contention.
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = keys.slice(i, i + CHUNK).map((key) => ({ counter_key: key, used: 0, updated_at: now }));
    await db('limit_counters').insert(rows).onConflict('counter_key').ignore();
  }
}

async function orderState(db: Knex, orderId: string): Promise<'consumed' | 'released' | null> {
  const row = await db('limit_orders').where({ order_id: orderId }).first<{ state: string } | undefined>('state');
  if (!row) return null;
  return row.state === 'released' ? 'released' : 'consumed';
}

/**
 * Counters in SQL for the embedded backend: one transaction per consume — the order marker insert
 * (unique, so a retry is a duplicate), then a conditional `UPDATE … WHERE used + ? <= cap` per key
 * in key order — rolled back as a whole when any ceiling would be passed.
 */
export function createSqlLimitsStore(db: Knex, clock: Clock): LimitsStore {
  return {
    kind: 'sql',
    async consume(rawPlan): Promise<ConsumeOutcome> {
      const plan = normalisePlan(rawPlan);
      const known = await orderState(db, plan.orderId);
      if (known) return { status: 'duplicate', state: known };
      const now = clock.now();
      await ensureRows(db, plan.entries.map((e) => e.key), now);
      try {
        await withTxRetry(() =>
          db.transaction(async (trx) => {
            await trx('limit_orders').insert({ order_id: plan.orderId, state: 'consumed', updated_at: now });
            for (const entry of plan.entries) {
              const query = trx('limit_counters').where('counter_key', entry.key);
              if (entry.cap !== null) query.andWhereRaw('used + ? <= ?', [entry.amount, entry.cap]);
              const changed = await query.update({ used: trx.raw('used + ?', [entry.amount]), updated_at: now });
              if (changed === 0) throw new Rejection(entry.key);
            }
          }),
        );
        return { status: 'consumed' };
      } catch (error) {
        if (error instanceof Rejection) return { status: 'rejected', key: error.key };
        if (isUniqueViolation(error)) return { status: 'duplicate', state: (await orderState(db, plan.orderId)) ?? 'consumed' };
        throw error;
      }
    },
    async release(rawPlan): Promise<ReleaseOutcome> {
      const plan = normalisePlan(rawPlan);
      const now = clock.now();
      const released = await withTxRetry(() =>
        db.transaction(async (trx) => {
          const marked = await trx('limit_orders')
            .where({ order_id: plan.orderId, state: 'consumed' })
            .update({ state: 'released', updated_at: now });
          if (marked === 0) return false;
          for (const entry of plan.entries) {
            await trx('limit_counters')
              .where('counter_key', entry.key)
              .update({ used: trx.raw('CASE WHEN used >= ? THEN used - ? ELSE 0 END', [entry.amount, entry.amount]), updated_at: now });
          }
          return true;
        }),
      );
      return released ? { status: 'released' } : { status: 'noop' };
    },
    async read(keys) {
      const values = new Map<string, number>();
      for (const key of keys) values.set(key, 0);
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await db('limit_counters')
          .whereIn('counter_key', keys.slice(i, i + CHUNK))
          .select<{ counter_key: string; used: number | string }[]>('counter_key', 'used');
        for (const row of rows) values.set(row.counter_key, Number(row.used));
      }
      return values;
    },
  };
}
