import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  rps: number;
  p99Ms: number;
  non2xx: number;
  requests: number;
}

const SCRIPT = fileURLToPath(new URL('./reserve.lua', import.meta.url));

function toMs(value: string, unit: string): number {
  const n = Number(value);
  if (unit === 'us') return n / 1000;
  if (unit === 's') return n * 1000;
  return n;
}

/** Runs wrk (a separate process, so the load generator does not share the server's event loop). */
export function runWrk(options: { url: string; path: string; key: string; skus: string[]; connections: number; seconds: number; threads?: number }): Promise<LoadResult> {
  const args = ['-t', String(options.threads ?? 1), '-c', String(options.connections), '-d', `${options.seconds}s`, '--latency', '-s', SCRIPT, options.url + options.path];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { env: { ...process.env, FLASH_KEY: options.key, FLASH_PATH: options.path, FLASH_SKUS: options.skus.join(',') } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited ${code}: ${out}`));
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
      const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
      const total = /(\d+) requests in/.exec(out);
      const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
      if (!rps || !p99 || !total) return reject(new Error(`cannot parse wrk output: ${out}`));
      resolve({ rps: Number(rps[1]), p99Ms: toMs(p99[1] ?? '0', p99[2] ?? 'ms'), requests: Number(total[1]), non2xx: Number(non2xx?.[1] ?? 0) });
    });
  });
}

/** redis-benchmark running one EVALSHA command unpipelined: the ceiling for the script itself. */
export function runRedisBenchmark(options: { port: number; command: string[]; requests: number; clients: number }): Promise<number> {
  const args = ['-p', String(options.port), '-n', String(options.requests), '-c', String(options.clients), '-P', '1', '-r', '2000000', '--csv', ...options.command];
  return new Promise((resolve, reject) => {
    const child = spawn('redis-benchmark', args);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const line = out.trim().split('\n').find((l) => /^"[^"]*","[\d.]+"/.test(l));
      const match = line ? /^"[^"]*","([\d.]+)"/.exec(line) : null;
      if (!match) return reject(new Error(`cannot parse redis-benchmark output: ${out}`));
      resolve(Number(match[1]));
    });
  });
}
