import type { Logger } from 'pino';
import type { Config } from '../config/config.schema.js';
import { createMemoryStores } from './memory/memory-stores.js';
import { createRedisStores } from './redis/redis-stores.js';
import type { Stores } from './stores.types.js';

/** Redis when REDIS_URL is set, otherwise the in-process implementation of the same interfaces. */
export async function createStores(config: Pick<Config, 'REDIS_URL' | 'REDIS_KEY_PREFIX'>, logger: Logger): Promise<Stores> {
  if (config.REDIS_URL) return createRedisStores(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger);
  return createMemoryStores(config.REDIS_KEY_PREFIX);
}
