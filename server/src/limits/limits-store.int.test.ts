import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { createDatabaseAt, dropDatabaseAt } from '../../test/services/mariadb-service.js';
import { createMysqlDb, createSqliteDb } from '../db/create-db.js';
import { migrateLatest } from '../db/migrate.js';
import { createRedisStores } from '../stores/redis/redis-stores.js';
import { limitsStoreContract } from './limits-store.contract.js';
import { createScriptLimitsStore } from './script-limits-store.js';
import { createSqlLimitsStore } from './sql-limits-store.js';

const clock = { now: () => 1_700_000_000_000 };
const services = backendServices();

describe(`SQL limits store on ${services.backend === 'embedded' ? 'SQLite' : 'MariaDB'}`, () => {
  limitsStoreContract(async () => {
    if (services.mariadbUrl) {
      const name = `t_${randomBytes(6).toString('hex')}`;
      const db = createMysqlDb(await createDatabaseAt(services.mariadbUrl, name), 20);
      await migrateLatest(db);
      return {
        store: createSqlLimitsStore(db, clock),
        close: async () => {
          await db.destroy();
          await dropDatabaseAt(services.mariadbUrl!, name);
        },
      };
    }
    const dir = mkdtempSync(join(tmpdir(), 'limits-int-'));
    const db = createSqliteDb(join(dir, 'db.sqlite'));
    await migrateLatest(db);
    return {
      store: createSqlLimitsStore(db, clock),
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

if (services.redisUrl) {
  const redisUrl = services.redisUrl;
  describe('script limits store on Redis (the Lua scripts)', () => {
    limitsStoreContract(async () => {
      const prefix = `t_${randomBytes(6).toString('hex')}:`;
      const stores = await createRedisStores(redisUrl, prefix, pino({ level: 'silent' }));
      return {
        store: createScriptLimitsStore(stores.scripts, { locks: stores.locks, loadDurableUsage: () => Promise.resolve({ counters: new Map(), attempts: [] }) }),
        close: async () => {
          const keys = await stores.redis!.keys(`${prefix}*`);
          if (keys.length > 0) await stores.redis!.del(...keys);
          await stores.close();
        },
      };
    });
  });
}
