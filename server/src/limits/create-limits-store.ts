import type { Knex } from 'knex';
import type { Clock } from '../app/deps.js';
import { loadDurableUsage } from '../orders/durable-usage.js';
import type { Stores } from '../stores/stores.types.js';
import type { LimitsStore } from './limits-store.js';
import { createScriptLimitsStore } from './script-limits-store.js';
import { createSqlLimitsStore } from './sql-limits-store.js';

/**
 * Redis when the app runs on Redis; otherwise SQL, because the in-process store forgets on restart
 * and is not shared by two instances on one database (docs/adr/limit-counters.md).
 */
export function createLimitsStore(deps: { db: Knex; stores: Stores; clock: Clock }): LimitsStore {
  if (deps.stores.kind !== 'redis') return createSqlLimitsStore(deps.db, deps.clock);
  return createScriptLimitsStore(deps.stores.scripts, { locks: deps.stores.locks, loadDurableUsage: () => loadDurableUsage(deps.db) });
}
