import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../config/config.schema.js';
import type { Stores } from '../stores/stores.types.js';

/** The clock, passed in so tests control time. Epoch milliseconds. */
export interface Clock {
  now(): number;
}

/**
 * Everything the app needs, as plain arguments (no module singletons).
 * `stores` is the Redis-or-in-process layer (see `stores/`).
 */
export interface AppDeps {
  config: Config;
  db: Knex;
  stores: Stores;
  logger: Logger;
  clock: Clock;
}

export const systemClock: Clock = { now: () => Date.now() };
