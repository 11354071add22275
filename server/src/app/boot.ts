import pino, { type Logger } from 'pino';
import { activeDemoUsers, seedAuth, type DemoCredentials } from '../auth/seed-auth.js';
import type { Config } from '../config/config.schema.js';
import { createDb } from '../db/create-db.js';
import { migrateLatest } from '../db/migrate.js';
import { createStores } from '../stores/create-stores.js';
import { createApp, type AppHandle, type AppOptions } from './create-app.js';
import { systemClock, type AppDeps, type Clock } from './deps.js';

export interface BootOptions extends AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Demo catalog and campaigns, run once on a new database when DEMO_DATA is on. */
  seedDemo?: (deps: AppDeps) => Promise<void>;
}

export interface Booted {
  handle: AppHandle;
  deps: AppDeps;
  /** http://host:port actually bound. */
  url: string;
  /** Set when this start created the database and seeded the demo users and key. */
  demoCredentials?: DemoCredentials;
  /** On later starts with DEMO_DATA on: demo users whose public demo password still works. */
  activeDemoUsers?: DemoCredentials['users'];
  /** Stops accepting, drains, closes modules, then stores and the database. Idempotent. */
  close(): Promise<void>;
}

/** Everything `main.ts` does except reading the environment and handling signals. */
export async function boot(config: Config, options: BootOptions = {}): Promise<Booted> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL });
  const clock = options.clock ?? systemClock;
  const db = createDb(config);
  let stores: AppDeps['stores'] | undefined;
  try {
    const applied = await migrateLatest(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    stores = await createStores(config, logger);
    const deps: AppDeps = { config, db, stores, logger, clock };
    let demoCredentials: DemoCredentials | undefined;
    let stillActive: DemoCredentials['users'] | undefined;
    if (config.DEMO_DATA && applied.includes('0001_core')) {
      demoCredentials = await seedAuth(db, clock.now());
      await options.seedDemo?.(deps);
    } else if (config.DEMO_DATA) {
      stillActive = await activeDemoUsers(db);
    }
    const handle = await createApp(deps, options);
    const address = await handle.listen(config.PORT, config.HOST);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      handle,
      deps,
      url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`,
      demoCredentials,
      ...(stillActive && stillActive.length > 0 ? { activeDemoUsers: stillActive } : {}),
      close() {
        closing ??= (async () => {
          await handle.close();
          await deps.stores.close();
          await db.destroy();
        })();
        return closing;
      },
    };
  } catch (err) {
    await stores?.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    throw err;
  }
}
