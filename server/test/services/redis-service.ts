import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnService, stopProcess } from './child-process.js';
import { freePort } from './free-port.js';
import { exitedError } from './process-exit.js';
import { waitFor } from './wait-for.js';

export const REDIS_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

export interface RedisOptions {
  /** AOF persistence (survives `restart()`); default off, so a restart loses everything like a crash without persistence. */
  appendonly?: boolean;
}

export interface RedisService {
  url: string;
  port: number;
  dir: string;
  /** Stops and starts the same server (same port and directory). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** A throwaway redis-server on a free loopback port in a temp dir (never the system service). */
export async function startRedis(options: RedisOptions = {}, binary: string = REDIS_BIN): Promise<RedisService> {
  const dir = mkdtempSync(join(tmpdir(), 'promo-redis-'));
  const port = await freePort();
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', options.appendonly ? 'yes' : 'no',
    '--dir', dir,
    '--daemonize', 'no',
    '--protected-mode', 'yes',
    '--maxclients', '2000',
  ];
  let child: ChildProcess | undefined;
  const launch = async () => {
    const logFile = join(dir, 'redis.log');
    const started = spawnService(binary, args, logFile);
    child = started;
    await waitFor(`redis-server on ${port}`, () => ping(port), { timeoutMs: 10_000, failIf: () => exitedError(started, 'redis-server', logFile) });
  };
  try {
    await launch();
  } catch (err) {
    if (child) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async restart() {
      if (child) await stopProcess(child);
      await launch();
    },
    async stop() {
      if (child) await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
