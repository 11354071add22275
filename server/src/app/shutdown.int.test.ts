import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { waitFor } from '../../test/services/wait-for.js';
import { boot } from './boot.js';
import type { ModuleFactory } from './module.types.js';
import { modules } from './modules.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe('clean shutdown', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('finishes an in-flight request, stops listening, closes modules, stores and the database', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    let moduleClosed = false;
    const slowModule: ModuleFactory = () => {
      const router = Router();
      router.get('/slow', async (_req, res) => {
        entered = true;
        await gate;
        res.json({ done: true });
      });
      return { name: 'slow', router, close: () => Promise.resolve(void (moduleClosed = true)) };
    };
    const server = await boot({ ...database.config, PORT: 0, HOST: '127.0.0.1', DEMO_DATA: false }, { modules: [...modules, slowModule], logger: pino({ level: 'silent' }) });
    const inFlight = get(`${server.url}/api/v1/slow`);
    await waitFor('request to arrive', () => Promise.resolve(entered), 5000, 5);
    const closing = server.close();
    release();
    expect(await inFlight).toBe(200);
    await closing;
    expect(server.handle.server.listening).toBe(false);
    expect(moduleClosed).toBe(true);
    await expect(get(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.deps.db.raw('select 1')).rejects.toThrow();
    await expect(server.deps.stores.ping()).rejects.toThrow();
  });

  it('runs main.ts on port 0 and exits 0 on SIGTERM', async () => {
    const env: Record<string, string | undefined> = { ...process.env, ...Object.fromEntries(Object.entries({ DATA_DIR: database.config.DATA_DIR, DATABASE_URL: database.config.DATABASE_URL, REDIS_URL: database.config.REDIS_URL, REDIS_KEY_PREFIX: database.config.REDIS_KEY_PREFIX })), PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'info', STUDIO_DIR: fileURLToPath(new URL('./no-studio-build-here', import.meta.url)) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor('server to listen', () => Promise.resolve(/PromoStudio server on (http:\/\/\S+)/.test(output)), 20_000, 20);
    const url = /PromoStudio server on (http:\/\/\S+)/.exec(output)![1]!;
    expect(await get(`${url}/healthz`)).toBe(200);
    expect(output).toContain('no studio build: run `pnpm --filter @promo/desktop build:web`');
    expect(output).not.toContain(`studio ${url}/studio/`);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped cleanly');
  }, 30_000);
});
