import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMariaDb, startRedis, type MariaDbService, type RedisService } from '../../server/test/services/index.js';
import { E2E_STATE_ENV } from './e2e-state.js';
import { startServer, type ServerProcess } from './server-process.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const studioBuild = join(repoRoot, 'desktop/out/renderer');

/**
 * Starts the stack the journeys run against: a throwaway MariaDB and Redis (the server's test
 * harness), then the real server with the demo data. Returns the teardown, which stops all three.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(studioBuild, 'index.html'))) {
    throw new Error(`The studio web build is missing (${studioBuild}/index.html). Build it first: pnpm --filter @promo/desktop build`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'promo-e2e-'));
  // The run serves a copy of the build, so a rebuild during the run (a shared checkout) cannot
  // pull files from under the server.
  const studioDir = join(dir, 'studio');
  cpSync(studioBuild, studioDir, { recursive: true });
  let redis: RedisService | undefined;
  let mariadb: MariaDbService | undefined;
  let server: ServerProcess | undefined;
  // The temp dir (server log included) is kept when anything went wrong, for the post-mortem.
  const teardown = async () => {
    const code = await server?.stop();
    await Promise.all([redis?.stop(), mariadb?.stop()]);
    if (code !== undefined && code !== 0) {
      throw new Error(`the server exited ${code} on SIGTERM (expected a clean 0); see ${server?.logFile}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    [redis, mariadb] = await Promise.all([startRedis(), startMariaDb()]);
    const databaseUrl = await mariadb.createDatabase('promo_e2e');
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    server = await startServer({ serverDir: join(repoRoot, 'server'), dataDir, studioDir, databaseUrl, redisUrl: redis.url, logDir: dir });
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(server.state));
    process.env[E2E_STATE_ENV] = stateFile;
    process.env.PROMO_E2E_BASE_URL = server.state.baseUrl;
    return teardown;
  } catch (err) {
    await Promise.all([redis?.stop(), mariadb?.stop()]).catch(() => undefined);
    throw new Error(`the e2e stack did not start (logs kept in ${dir})`, { cause: err });
  }
}
