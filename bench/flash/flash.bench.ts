// pnpm bench:flash — the flash-sale reservation endpoint over HTTP against a real redis-server,
// next to an Express 5 + ioredis baseline running the same script, and the redis-benchmark
// ceiling for that script. The load generator (wrk) runs as its own process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createApp } from '../../server/src/app/create-app.js';
import { systemClock, type AppDeps } from '../../server/src/app/deps.js';
import { createApiKey } from '../../server/src/auth/api-keys.repo.js';
import { parseConfig } from '../../server/src/config/config.schema.js';
import { createDb } from '../../server/src/db/create-db.js';
import { migrateLatest } from '../../server/src/db/migrate.js';
import { flashCampaign, staticCampaigns } from '../../server/src/flash-sale/flash-campaign.fixture.js';
import { flashSaleModule, flashSaleRuntime } from '../../server/src/flash-sale/flash-sale.module.js';
import { RESERVE_LUA } from '../../server/src/flash-sale/flash.lua.js';
import { createRedisFlashStockStore } from '../../server/src/flash-sale/redis-flash-stock.store.js';
import { soldInSql } from '../../server/src/flash-sale/reservations.repo.js';
import { saleItemKeys } from '../../server/src/flash-sale/sale-item.js';
import { saveInventoryLevels } from '../../server/src/inventory/inventory.repo.js';
import { createStores } from '../../server/src/stores/create-stores.js';
import { startRedis } from '../../server/test/services/index.js';
import { startBaseline } from './baseline-app.js';
import { runRedisBenchmark, runWrk, type LoadResult } from './load.js';

const SECONDS = Number(process.env.FLASH_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.FLASH_BENCH_CONNECTIONS ?? 64);
const STOCK = 2_000_000;
const SKUS = ['bench-a', 'bench-b', 'bench-c'];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const redisService = await startRedis();
const dataDir = mkdtempSync(join(tmpdir(), 'promo-flash-bench-'));
const logger = pino({ level: 'warn' });
const now = Date.now();
const window = { start: now - 3_600_000, end: now + 24 * 3_600_000 };

/** Server CPU (this process: user + system) per request during the load, robust to a busy machine. */
async function measured<T extends LoadResult>(load: () => Promise<T>): Promise<T & { cpuUsPerRequest: number }> {
  const before = process.cpuUsage();
  const result = await load();
  const used = process.cpuUsage(before);
  return { ...result, cpuUsPerRequest: (used.user + used.system) / Math.max(1, result.requests) };
}

interface ProjectRun extends LoadResult {
  cpuUsPerRequest: number;
  oversold: number;
  sold: number;
  sqlSold: number;
}

async function projectRun(campaignId: string, autoPipelining: boolean): Promise<ProjectRun> {
  const config = parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DEMO_DATA: 'false', REDIS_URL: redisService.url });
  const db = createDb(config);
  await migrateLatest(db);
  const stores = await createStores(config, logger);
  const deps: AppDeps = { config, db, stores, logger, clock: systemClock };
  const campaign = flashCampaign(campaignId, SKUS.map((sku) => ({ sku, stock: STOCK, perUserLimit: 100 })), window);
  await saveInventoryLevels(db, SKUS.map((sku) => ({ sku, quantity: STOCK })), now);
  const handle = await createApp(deps, { modules: [flashSaleModule({ campaigns: staticCampaigns([campaign]), config: { FLASH_AUTO_PIPELINING: autoPipelining } })] });
  const address = await handle.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const { key } = await createApiKey(db, { name: 'bench', scopes: ['flash'] });
  const path = `/api/v1/flash-sales/${campaignId}/reservations`;
  for (const sku of SKUS) {
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ userId: 'warm', sku, quantity: 1, idempotencyKey: `warm-${sku}` }) });
    if (res.status !== 201) throw new Error(`warm-up reservation failed: ${res.status} ${await res.text()}`);
  }
  const load = await measured(() => runWrk({ url, path, key, skus: SKUS, connections: CONNECTIONS, seconds: SECONDS }));
  const runtime = flashSaleRuntime(deps);
  if (!runtime) throw new Error('flash module missing');
  await runtime.drain();
  let oversold = 0;
  let sold = 0;
  let sqlSold = 0;
  for (const sku of SKUS) {
    const item = { campaignId, sku };
    const state = await runtime.stock.inspect(item);
    if (!state) throw new Error(`no state for ${sku}`);
    const redisSold = state.allocated - state.stock;
    const inSql = await soldInSql(db, item);
    sold += redisSold;
    sqlSold += inSql;
    oversold += Math.max(0, redisSold - STOCK) + Math.max(0, inSql - STOCK) + Math.max(0, -state.stock);
  }
  await handle.close();
  await stores.close();
  await db.destroy();
  return { ...load, oversold, sold, sqlSold };
}

async function baselineRun(): Promise<LoadResult & { cpuUsPerRequest: number }> {
  const item = { campaignId: 'c-baseline', sku: SKUS[0] as string };
  const store = createRedisFlashStockStore({ redis: new Redis(redisService.url), keyPrefix: '', consumerName: 'bench' });
  for (const sku of SKUS) {
    await store.initialise({ ...item, sku }, { terms: { price: 990, perUserLimit: 100, reservationMs: 900_000, closesAt: window.end }, allocated: STOCK, reservations: [] });
  }
  await store.dispose();
  const admin = new Redis(redisService.url);
  const sha = String(await admin.script('LOAD', RESERVE_LUA));
  await admin.quit();
  const baseline = await startBaseline({
    redisUrl: redisService.url,
    sha,
    keysOf: (sku, second) => {
      const k = saleItemKeys({ campaignId: item.campaignId, sku });
      return [k.state, k.stock, k.users, k.idem, k.reservations, k.expiries, k.stream, k.live(second)];
    },
  });
  const load = await measured(() => runWrk({ url: baseline.url, path: '/reserve', key: '', skus: SKUS, connections: CONNECTIONS, seconds: SECONDS }));
  await baseline.close();
  return load;
}

async function ceilingRun(): Promise<number> {
  const admin = new Redis(redisService.url);
  const sha = String(await admin.script('LOAD', RESERVE_LUA));
  await admin.quit();
  const k = saleItemKeys({ campaignId: 'c-baseline', sku: SKUS[1] as string });
  const keys = [k.state, k.stock, k.users, k.idem, k.reservations, k.expiries, k.stream, k.live(Math.floor(Date.now() / 1000))];
  return runRedisBenchmark({
    port: redisService.port,
    clients: CONNECTIONS,
    requests: Math.max(50_000, SECONDS * 30_000),
    command: ['EVALSHA', sha, '8', ...keys, 'u__rand_int__', '1', 'k__rand_int__', 't__rand_int__', String(Date.now())],
  });
}

try {
  const off = await projectRun('c-bench-off', false);
  const on = await projectRun('c-bench-on', true);
  const baseline = await baselineRun();
  const ceiling = await ceilingRun();
  const best = off.rps >= on.rps ? off : on;
  const oversold = off.oversold + on.oversold;
  console.log(`wrk: ${CONNECTIONS} connections, ${SECONDS} s each, random users, ${SKUS.length} SKUs, stock ${fmt(STOCK)} each`);
  const cpu = (r: { cpuUsPerRequest: number }) => `${r.cpuUsPerRequest.toFixed(1)} µs CPU/request`;
  console.log(`project fast path, auto-pipelining off: ${fmt(off.rps)} req/s, p99 ${off.p99Ms.toFixed(2)} ms, ${cpu(off)} (incl. SQL persister), non-2xx ${off.non2xx}, sold ${fmt(off.sold)} (SQL ${fmt(off.sqlSold)})`);
  console.log(`project fast path, auto-pipelining on:  ${fmt(on.rps)} req/s, p99 ${on.p99Ms.toFixed(2)} ms, ${cpu(on)} (incl. SQL persister), non-2xx ${on.non2xx}, sold ${fmt(on.sold)} (SQL ${fmt(on.sqlSold)})`);
  console.log(`baseline express 5 + express.json + ioredis EVALSHA: ${fmt(baseline.rps)} req/s, p99 ${baseline.p99Ms.toFixed(2)} ms, ${cpu(baseline)}, non-2xx ${baseline.non2xx}`);
  console.log(`CPU per request, baseline / project: ${(baseline.cpuUsPerRequest / Math.min(off.cpuUsPerRequest, on.cpuUsPerRequest)).toFixed(1)}x`);
  console.log(`redis-benchmark ceiling (same script, EVALSHA, unpipelined, ${CONNECTIONS} clients): ${fmt(ceiling)} req/s`);
  console.log(`share of ceiling: ${(best.rps / ceiling).toFixed(2)}`);
  console.log(`flash-sale: ${fmt(best.rps)} req/s, ${(best.rps / baseline.rps).toFixed(1)}x express+ioredis baseline, p99 ${best.p99Ms.toFixed(2)} ms, oversold ${oversold}`);
  if (oversold !== 0) process.exitCode = 1;
} finally {
  await redisService.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
