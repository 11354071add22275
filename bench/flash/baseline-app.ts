import { createServer, type Server } from 'node:http';
import express from 'express';
import { Redis } from 'ioredis';
import { serveLocal } from './serve-local.js';

/**
 * The baseline the goal is measured against: a plain Express 5 app with express.json() and one
 * ioredis EVALSHA of the same reservation script per request.
 */
export async function startBaseline(options: { redisUrl: string; sha: string; keysOf: (sku: string, second: number) => string[] }): Promise<{ url: string; close(): Promise<void> }> {
  const redis = new Redis(options.redisUrl);
  const app = express();
  app.use(express.json());
  app.post('/reserve', async (req, res) => {
    const body = req.body as { userId: string; sku: string; quantity: number; idempotencyKey: string };
    const now = Date.now();
    const token = crypto.randomUUID();
    // One attempt per call: the script answers {price, ttl, answer}; a new reservation's answer is
    // its stock left (an integer ≥ 0), a replay {'dup', token, record}.
    const [price, ttl, answer] = (await redis.evalsha(options.sha, 8, ...options.keysOf(body.sku, Math.floor(now / 1000)), body.userId, body.quantity, body.idempotencyKey, token, now)) as [number, number, unknown];
    if (typeof answer === 'number' && answer >= 0) res.status(201).json({ token, price, expiresAt: now + ttl });
    else if (Array.isArray(answer) && answer[0] === 'dup') res.status(201).json({ token: answer[1], record: answer[2] });
    else res.status(409).json({ error: { code: Array.isArray(answer) ? answer[0] : answer === -1 ? 'sold_out' : 'closed' } });
  });
  const server: Server = createServer(app);
  return serveLocal(server, redis);
}
