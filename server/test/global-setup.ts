import type { TestProject } from 'vitest/node';
import type { Backend } from './backend.js';
import { startMariaDb, startRedis } from './services/index.js';

function backendFromEnv(): Backend {
  const value = process.env.PROMO_BACKEND ?? 'embedded';
  if (value !== 'embedded' && value !== 'mariadb-redis') throw new Error(`PROMO_BACKEND must be embedded or mariadb-redis, not ${value}`);
  return value;
}

/**
 * One throwaway Redis and one MariaDB for the whole run when PROMO_BACKEND=mariadb-redis; nothing
 * for embedded. A service that fails to start fails the run (vitest reports a global setup error).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backend = backendFromEnv();
  project.provide('promoBackend', backend);
  project.provide('redisUrl', undefined);
  project.provide('mariadbUrl', undefined);
  if (backend === 'embedded') return async () => undefined;
  const [redisResult, mariadbResult] = await Promise.allSettled([startRedis(), startMariaDb()]);
  if (redisResult.status === 'rejected' || mariadbResult.status === 'rejected') {
    // Stop whichever did start, so the failed run exits promptly instead of hanging on it.
    if (redisResult.status === 'fulfilled') await redisResult.value.stop();
    if (mariadbResult.status === 'fulfilled') await mariadbResult.value.stop();
    throw redisResult.status === 'rejected' ? redisResult.reason : (mariadbResult as PromiseRejectedResult).reason;
  }
  const redis = redisResult.value;
  const mariadb = mariadbResult.value;
  project.provide('redisUrl', redis.url);
  project.provide('mariadbUrl', mariadb.url);
  return async () => {
    await Promise.all([redis.stop(), mariadb.stop()]);
  };
}
