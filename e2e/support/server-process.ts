import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../server/test/services/index.js';
import { parseStartOutput } from './demo-credentials.js';
import type { E2eState } from './e2e-state.js';

export interface ServerProcess {
  state: E2eState;
  logFile: string;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`); resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ServerEnv {
  serverDir: string;
  dataDir: string;
  /** The studio web build to serve at /studio. */
  studioDir: string;
  databaseUrl: string;
  redisUrl: string;
  logDir: string;
}

const START_TIMEOUT_MS = 120_000;

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts the server the way `pnpm start` does (`tsx src/main.ts` in server/, here as
 * `node --import tsx` so SIGTERM reaches main.ts directly), on MariaDB + Redis with the demo data,
 * and waits until it printed its credentials and `/readyz` answers 200.
 */
export async function startServer(env: ServerEnv): Promise<ServerProcess> {
  const logFile = join(env.logDir, 'server.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: env.serverDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: env.dataDir,
      STUDIO_DIR: env.studioDir,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      DEMO_DATA: 'true',
      LOG_LEVEL: process.env.PROMO_E2E_SERVER_LOG_LEVEL ?? 'warn',
    },
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    log.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (graceMs = 15_000) => {
    if (!exited(child)) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitCode;
      clearTimeout(timer);
    }
    log.end();
    return exitCode;
  };
  const failIf = () => (exited(child) ? new Error(`the server exited (${child.exitCode ?? child.signalCode}) while starting; see ${logFile}`) : undefined);
  try {
    let state: E2eState | null = null;
    await waitFor('server start output', async () => (state = parseStartOutput(stdout)) !== null, { timeoutMs: START_TIMEOUT_MS, intervalMs: 100, failIf });
    const ready = state!;
    await waitFor(`${ready.baseUrl}/readyz`, async () => (await fetch(`${ready.baseUrl}/readyz`)).status === 200, { timeoutMs: 30_000, intervalMs: 100, failIf });
    return { state: ready, logFile, stop };
  } catch (err) {
    await stop(2_000);
    throw err;
  }
}
