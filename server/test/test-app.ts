import type { Knex } from 'knex';
import pino from 'pino';
import supertest from 'supertest';
import { createApp, type AppHandle, type AppOptions } from '../src/app/create-app.js';
import type { AppDeps } from '../src/app/deps.js';
import { createApiKey } from '../src/auth/api-keys.repo.js';
import type { Role, Scope } from '../src/auth/roles.js';
import { ensureUser } from '../src/auth/users.repo.js';
import type { Config } from '../src/config/config.schema.js';
import { createStores } from '../src/stores/create-stores.js';
import type { Stores } from '../src/stores/stores.types.js';
import type { Backend } from './backend.js';
import { createTestDatabase } from './test-db.js';
import { createTestClock, type TestClock } from './test-clock.js';

export interface TestAppOptions extends AppOptions {
  /** Overrides of the parsed config (after the test defaults). */
  config?: Partial<Config>;
  /** Start a second instance on the first one's database, Redis namespace and clock. */
  shareWith?: TestApp;
  /** Initial time of a new world's clock (default: real now). */
  now?: number;
}

export interface TestApp {
  backend: Backend;
  handle: AppHandle;
  deps: AppDeps;
  clock: TestClock;
  /** http://127.0.0.1:<port> of this instance. */
  baseUrl: string;
  /** supertest bound to this instance: `await t.request.get('/healthz')`. */
  request: ReturnType<typeof supertest>;
  /** A bearer token of a user with `role` (created on first use, one per role). */
  login(role: Role): Promise<string>;
  /** A fresh store API key with `scopes`. */
  apiKey(scopes: Scope[]): Promise<string>;
  /** Closes this instance; the shared database and namespace go with the last instance. */
  close(): Promise<void>;
  /** The world (database, namespace, clock) this instance lives in; pass the app as `shareWith`. */
  readonly world: World;
}

interface World {
  backend: Backend;
  baseConfig: Config;
  clock: TestClock;
  /** Embedded: the one in-process store shared by every instance of this world. */
  memoryStores?: Stores;
  /**
   * Embedded: the one SQLite pool shared by every instance. Two in-process pools on one file
   * deadlock (better-sqlite3's busy wait blocks the event loop the lock holder needs).
   */
  sharedDb?: Knex;
  connect(): Knex;
  instances: number;
  dispose(): Promise<void>;
}

async function createWorld(options: TestAppOptions): Promise<World> {
  const database = await createTestDatabase({ config: options.config });
  const embedded = database.backend === 'embedded';
  const memoryStores = embedded ? await createStores(database.config, pino({ level: 'silent' })) : undefined;
  const sharedDb = embedded ? database.connect() : undefined;
  return {
    backend: database.backend,
    baseConfig: database.config,
    clock: createTestClock(options.now),
    memoryStores,
    sharedDb,
    connect: () => database.connect(),
    instances: 0,
    async dispose() {
      await memoryStores?.close();
      await sharedDb?.destroy();
      await database.dispose();
    },
  };
}

async function deleteNamespace(stores: Stores): Promise<void> {
  const redis = stores.redis;
  if (!redis || !stores.keyPrefix) return;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${stores.keyPrefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * A real app (createApp + modules) listening on a loopback port, on a FRESH database (SQLite file
 * in a temp dir, or a new MariaDB database `t_<random>`) with migrations run, the run's backend
 * stores (Redis: a fresh key prefix), and a hand-moved clock. `shareWith` makes a second
 * instance of the same world: own db pool, own Redis connections, same data.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const world = options.shareWith?.world ?? (await createWorld(options));
  const config = options.shareWith ? { ...world.baseConfig, ...options.config } : world.baseConfig;
  const logger = pino({ level: config.LOG_LEVEL });
  const db: Knex = world.sharedDb ?? world.connect();
  const stores = world.memoryStores ?? (await createStores(config, logger));
  const deps: AppDeps = { config, db, stores, logger, clock: world.clock };
  world.instances += 1;
  const handle = await createApp(deps, options);
  const address = await handle.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const request = supertest(baseUrl);
  const tokens = new Map<Role, string>();
  let closed = false;

  return {
    backend: world.backend,
    handle,
    deps,
    clock: world.clock,
    baseUrl,
    request,
    world,
    async login(role) {
      const cached = tokens.get(role);
      if (cached) return cached;
      const username = `test-${role}`;
      const password = `${role}-password`;
      await ensureUser(db, { username, password, role }, world.clock.now());
      const res = await request.post('/api/v1/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const token = (res.body as { token: string }).token;
      tokens.set(role, token);
      return token;
    },
    async apiKey(scopes) {
      const created = await createApiKey(db, { name: `test ${scopes.join(',')}`, scopes }, world.clock.now());
      return created.key;
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
      world.instances -= 1;
      const last = world.instances === 0;
      if (!world.memoryStores) {
        if (last) await deleteNamespace(stores);
        await stores.close();
      }
      if (!world.sharedDb) await db.destroy();
      if (last) await world.dispose();
    },
  };
}
