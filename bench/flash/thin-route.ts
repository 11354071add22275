import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import { serveLocal } from './serve-local.js';

/**
 * The yardstick for "how lean can it be": a bare node:http route that reads the JSON body and runs
 * the same reservation script with one ioredis EVALSHA, no API key, no validation, no persistence.
 * Its server CPU per request is what the machine charges for HTTP + one Redis call right now.
 */
export async function startThinRoute(options: { redisUrl: string; sha: string; keysOf: (sku: string, second: number) => string[] }): Promise<{ url: string; close(): Promise<void> }> {
  const redis = new Redis(options.redisUrl);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { userId: string; sku: string; quantity: number; idempotencyKey: string };
      const now = Date.now();
      redis
        .evalsha(options.sha, 8, ...options.keysOf(body.sku, Math.floor(now / 1000)), body.userId, body.quantity, body.idempotencyKey, randomUUID(), now)
        .then((reply) => {
          const out = JSON.stringify({ reply });
          res.writeHead(201, ['content-type', 'application/json', 'content-length', String(Buffer.byteLength(out))]);
          res.end(out);
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  return serveLocal(server, redis);
}
