import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { parseConfig, type Config } from '../src/config/config.schema.js';
import { createDb } from '../src/db/create-db.js';
import { migrateLatest } from '../src/db/migrate.js';
import { backendServices, type Backend } from './backend.js';
import { createDatabaseAt, dropDatabaseAt } from './services/mariadb-service.js';

/** A fresh, empty database of the run's backend and the config pointing at it. */
export interface TestDatabase {
  backend: Backend;
  /** Parsed config for this database (and the run's Redis, with a unique key prefix). */
  config: Config;
  /** Another connection pool on the same database (a second instance); closed by the caller. */
  connect(): Knex;
  /** Drops the database / deletes the SQLite directory. */
  dispose(): Promise<void>;
}

const TEST_LOG_LEVEL = (process.env.TEST_LOG_LEVEL ?? 'silent') as Config['LOG_LEVEL'];

/** SQLite file in a new temp dir, or a new MariaDB database `t_<random>`; `migrate` runs the migrations. */
export async function createTestDatabase(options: { migrate?: boolean; config?: Partial<Config> } = {}): Promise<TestDatabase> {
  const services = backendServices();
  const id = `t_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'promo-test-'));
  const env: Record<string, string> = { NODE_ENV: 'test', LOG_LEVEL: TEST_LOG_LEVEL, DATA_DIR: dataDir, DEMO_DATA: 'false', REDIS_KEY_PREFIX: `${id}:` };
  if (services.backend === 'mariadb-redis') {
    env.DATABASE_URL = await createDatabaseAt(services.mariadbUrl!, id);
    env.REDIS_URL = services.redisUrl!;
  }
  const config = { ...parseConfig(env), ...options.config };
  if (options.migrate ?? true) {
    const migrator = createDb(config);
    try {
      await migrateLatest(migrator);
    } finally {
      await migrator.destroy();
    }
  }
  return {
    backend: services.backend,
    config,
    connect: () => createDb(config),
    async dispose() {
      if (services.backend === 'mariadb-redis') await dropDatabaseAt(services.mariadbUrl!, id);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` on a connection to a fresh, migrated database of the run's backend, then drops it all. */
export async function withTestDb<T>(fn: (db: Knex) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  const db = database.connect();
  try {
    return await fn(db);
  } finally {
    await db.destroy();
    await database.dispose();
  }
}
