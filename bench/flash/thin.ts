// Temporary: a thin node:http + ioredis route running the same script, CPU per request.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RESERVE_LUA } from '../../server/src/flash-sale/flash.lua.js';
import { createRedisFlashStockStore } from '../../server/src/flash-sale/redis-flash-stock.store.js';
import { saleItemKeys } from '../../server/src/flash-sale/sale-item.js';
import { startRedis } from '../../server/test/services/index.js';
import { runWrk } from './load.js';

const SKUS = ['bench-a', 'bench-b', 'bench-c'];
const redisService = await startRedis();
const now0 = Date.now();
try {
  const store = createRedisFlashStockStore({ redis: new Redis(redisService.url), keyPrefix: '', consumerName: 'bench' });
  for (const sku of SKUS) await store.initialise({ campaignId: 'c', sku }, { terms: { price: 990, perUserLimit: 100, reservationMs: 900_000, closesAt: now0 + 3_600_000 }, allocated: 2_000_000, reservations: [] });
  await store.dispose();
  const redis = new Redis(redisService.url, { enableAutoPipelining: process.env.AP === '1' });
  const sha = String(await redis.script('LOAD', RESERVE_LUA));
  let corked = false;
  const headers = ['content-type', 'application/json; charset=utf-8'];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const b = JSON.parse(body) as { userId: string; sku: string; quantity: number; idempotencyKey: string };
      const now = Date.now();
      const k = saleItemKeys({ campaignId: 'c', sku: b.sku });
      if (process.env.AP === '2' && !corked) { corked = true; const st = (redis as unknown as { stream: import('node:net').Socket }).stream; st.cork(); setImmediate(() => { corked = false; st.uncork(); }); }
      redis.evalsha(sha, 8, k.state, k.stock, k.users, k.idem, k.reservations, k.expiries, k.stream, k.live(Math.floor(now / 1000)), b.userId, b.quantity, b.idempotencyKey, randomUUID(), now).then((r) => {
        const out = JSON.stringify({ token: (r as string[])[1] });
        res.writeHead(201, [...headers, 'content-length', String(Buffer.byteLength(out))]);
        res.end(out);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const before = process.cpuUsage();
  const r = await runWrk({ url: `http://127.0.0.1:${port}`, path: '/r', key: 'x', skus: SKUS, connections: 64, seconds: Number(process.env.S ?? 6) });
  const used = process.cpuUsage(before);
  console.log(`thin AP=${process.env.AP ?? 0}: ${Math.round(r.rps)} req/s p99 ${r.p99Ms} non2xx ${r.non2xx}; ${((used.user + used.system) / r.requests).toFixed(1)} µs CPU/req (user ${(used.user / r.requests).toFixed(1)}, sys ${(used.system / r.requests).toFixed(1)})`);
  server.closeAllConnections(); server.close(); await redis.quit();
} finally { await redisService.stop(); }
