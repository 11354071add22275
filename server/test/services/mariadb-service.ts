import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { runToEnd, spawnService, stopProcess } from './child-process.js';
import { freePort } from './free-port.js';
import { exitedError } from './process-exit.js';
import { waitFor } from './wait-for.js';

export const MARIADBD_BIN = process.env.MARIADBD_BIN ?? '/usr/sbin/mariadbd';
export const MARIADB_INSTALL_BIN = process.env.MARIADB_INSTALL_DB_BIN ?? '/usr/bin/mariadb-install-db';

export interface MariaDbService {
  /** Server URL without a database: `mysql://root@127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** URL of `database` (created by `createDatabase`). */
  urlFor(database: string): string;
  /** Creates an empty utf8mb4 database and returns its URL. */
  createDatabase(database: string): Promise<string>;
  dropDatabase(database: string): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function canConnect(port: number): Promise<boolean> {
  const conn = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
  await conn.end();
  return true;
}

/** DDL-heavy tests (a fresh database per test app) are several times faster on tmpfs when there is one. */
function scratchDir(): string {
  return process.env.PROMO_MARIADB_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
}

const SAFE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/**
 * A throwaway MariaDB: a fresh datadir from mariadb-install-db, mariadbd on a free loopback port,
 * settings for fast tests (no binlog, relaxed flush; still crash-safe for a mariadbd restart).
 */
export async function startMariaDb(): Promise<MariaDbService> {
  const dir = mkdtempSync(join(scratchDir(), 'promo-mariadb-'));
  const datadir = join(dir, 'data');
  await runToEnd(MARIADB_INSTALL_BIN, ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root']);
  const port = await freePort();
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--tmpdir=${dir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-networking=0',
    '--user=root',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=128M',
    '--innodb-flush-log-at-trx-commit=2',
    '--innodb-doublewrite=0',
    '--max-connections=1000',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--default-time-zone=+00:00',
  ];
  let child: ChildProcess | undefined;
  const launch = async () => {
    const logFile = join(dir, 'mariadbd.log');
    const started = spawnService(MARIADBD_BIN, args, logFile);
    child = started;
    await waitFor(`mariadbd on ${port}`, () => canConnect(port), { timeoutMs: 30_000, intervalMs: 100, failIf: () => exitedError(started, 'mariadbd', logFile) });
  };
  try {
    await launch();
  } catch (err) {
    if (child) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = `mysql://root@127.0.0.1:${port}`;
  const urlFor = (database: string) => `${url}/${database}`;
  return {
    url,
    port,
    urlFor,
    createDatabase: (database) => createDatabaseAt(url, database),
    dropDatabase: (database) => dropDatabaseAt(url, database),
    async restart() {
      if (child) await stopProcess(child, 30_000);
      await launch();
    },
    async stop() {
      if (child) await stopProcess(child, 30_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Database admin against an already running server (in test workers, which only get its URL). */
export async function createDatabaseAt(serverUrl: string, database: string): Promise<string> {
  if (!SAFE_NAME.test(database)) throw new Error(`unsafe database name ${database}`);
  const { hostname, port, username } = new URL(serverUrl);
  const conn = await createConnection({ host: hostname, port: Number(port), user: username });
  try {
    await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
  return `${serverUrl}/${database}`;
}

export async function dropDatabaseAt(serverUrl: string, database: string): Promise<void> {
  if (!SAFE_NAME.test(database)) throw new Error(`unsafe database name ${database}`);
  const { hostname, port, username } = new URL(serverUrl);
  const conn = await createConnection({ host: hostname, port: Number(port), user: username });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}
