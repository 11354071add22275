// pnpm bench:flash — the flash-sale reservation endpoint over HTTP against a real redis-server,
// next to an Express 5 + ioredis baseline and a bare node:http route running the same script, and
// the redis-benchmark ceiling for that script. The load generator (wrk) runs as its own process.
// Server CPU per request is printed for every side: on this shared 2-core machine req/s swing with
// other work, CPU per request much less (docs/adr/flash-sale-hot-path.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
import { startThinRoute } from './thin-route.js';

const SECONDS = Number(process.env.FLASH_BENCH_SECONDS ?? 10);
/**
 * Rounds of (project with the persister live, baseline), back to back and in alternating order: this
 * VM's speed drifts from minute to minute, and a ratio of two runs measured far apart mostly measures
 * the drift. The headline is the round with the median ratio.
 */
const ROUNDS = Math.max(1, Number(process.env.FLASH_BENCH_ROUNDS ?? 5));
const CONNECTIONS = Number(process.env.FLASH_BENCH_CONNECTIONS ?? 64);
const STOCK = 2_000_000;
const SKUS = ['bench-a', 'bench-b', 'bench-c'];
/** Adds a run with ioredis auto-pipelining on (measured slower; see the ADR). */
const WITH_PIPELINING = process.env.FLASH_BENCH_PIPELINING === 'true';
/** `false`: node:http parses every reservation (the fast path before the connection reader), to compare. */
const FAST_CONNECTIONS = process.env.FLASH_BENCH_FAST_CONNECTIONS !== 'false';
/**
 * wrk sends everything with one API key from one address: the per-instance token buckets (20k/s
 * each by default) would answer the excess with 429s, which are cheaper than reservations and would
 * inflate req/s. The buckets stay on (their cost is part of the path), set above the load.
 */
const UNLIMITED = { FLASH_RATE_LIMIT_KEY_PER_SEC: 10_000_000, FLASH_RATE_LIMIT_IP_PER_SEC: 10_000_000 };
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const redisService = await startRedis();
const logger = pino({ level: 'warn' });
const now = Date.now();
const window = { start: now - 3_600_000, end: now + 24 * 3_600_000 };

/** redis-server's own CPU so far (user + system), in µs, from INFO cpu. */
/**
 * Empties the bench's own throwaway redis-server before each run, so every run starts from the same
 * state: the earlier runs' ~200k reservations each would otherwise make later runs' hashes larger.
 */
async function emptyRedis(): Promise<void> {
  const admin = new Redis(redisService.url);
  await admin.flushall();
  await admin.quit();
}

async function redisCpuUs(): Promise<number> {
  const admin = new Redis(redisService.url);
  const info = await admin.info('cpu');
  await admin.quit();
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1e6;
}

interface Measured {
  /** Server CPU (this process: user + system) per request during the load, robust to a busy machine. */
  cpuUsPerRequest: number;
  /** redis-server's CPU per request: the share of the 2 cores the script itself takes. */
  redisUsPerRequest: number;
}

async function measured<T extends LoadResult>(load: () => Promise<T>): Promise<T & Measured> {
  const redisBefore = await redisCpuUs();
  const before = process.cpuUsage();
  const result = await load();
  const used = process.cpuUsage(before);
  const requests = Math.max(1, result.requests);
  return { ...result, cpuUsPerRequest: (used.user + used.system) / requests, redisUsPerRequest: ((await redisCpuUs()) - redisBefore) / requests };
}

interface ProjectRun extends LoadResult, Measured {
  /** CPU of the drain after the load, per event written (only when the persister was paused). */
  persistUsPerEvent: number | null;
  oversold: number;
  sold: number;
  sqlSold: number;
}

/**
 * The project's app with the flash module. `persistDuringLoad: false` pauses the log → SQL
 * persister while wrk runs and drains afterwards, separating the request path's CPU from the
 * persister's (on SQLite the persister runs on the server's event loop; on MariaDB most of its
 * work is in the database).
 */
async function projectRun(campaignId: string, options: { autoPipelining: boolean; persistDuringLoad: boolean }): Promise<ProjectRun> {
  // A fresh SQLite file (and an empty Redis) per run: costs per row grow with the tables, so runs stay comparable.
  await emptyRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'promo-flash-bench-'));
  const config = parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DEMO_DATA: 'false', REDIS_URL: redisService.url });
  const db = createDb(config);
  await migrateLatest(db);
  const stores = await createStores(config, logger);
  const deps: AppDeps = { config, db, stores, logger, clock: systemClock };
  const campaign = flashCampaign(campaignId, SKUS.map((sku) => ({ sku, stock: STOCK, perUserLimit: 100 })), window);
  await saveInventoryLevels(db, SKUS.map((sku) => ({ sku, quantity: STOCK })), now);
  const handle = await createApp(deps, { modules: [flashSaleModule({ campaigns: staticCampaigns([campaign]), config: { FLASH_AUTO_PIPELINING: options.autoPipelining, FLASH_FAST_CONNECTIONS: FAST_CONNECTIONS, ...UNLIMITED, ...(options.persistDuringLoad ? {} : { FLASH_PERSIST_MS: 0, FLASH_RECONCILE_MS: 0 }) } })] });
  const address = await handle.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const { key } = await createApiKey(db, { name: 'bench', scopes: ['flash'] });
  const path = `/api/v1/flash-sales/${campaignId}/reservations`;
  for (const sku of SKUS) {
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ userId: 'warm', sku, quantity: 1, idempotencyKey: `warm-${sku}` }) });
    if (res.status !== 201) throw new Error(`warm-up reservation failed: ${res.status} ${await res.text()}`);
  }
  const runtime = flashSaleRuntime(deps);
  if (!runtime) throw new Error('flash module missing');
  // Persist the warm-up reservations: this also starts the persister thread (and its module loading)
  // before the measured load, as the first timer pass does ~200 ms after a server starts.
  await runtime.drain();
  const load = await measured(() => runWrk({ url, path, key, skus: SKUS, connections: CONNECTIONS, seconds: SECONDS }));
  const drainStart = process.cpuUsage();
  const drained = await runtime.drain();
  const drainCpu = process.cpuUsage(drainStart);
  const persistUsPerEvent = options.persistDuringLoad || drained === 0 ? null : (drainCpu.user + drainCpu.system) / drained;
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
  rmSync(dataDir, { recursive: true, force: true });
  return { ...load, persistUsPerEvent, oversold, sold, sqlSold };
}

/** Opens the reference items (no app) and loads the script; returns its SHA and the key layout. */
async function referenceItems(campaignId: string): Promise<{ sha: string; keysOf: (sku: string, second: number) => string[] }> {
  const store = createRedisFlashStockStore({ redis: new Redis(redisService.url), keyPrefix: '', consumerName: 'bench' });
  for (const sku of SKUS) {
    await store.initialise({ campaignId, sku }, { terms: { price: 990, perUserLimit: 100, reservationMs: 900_000, closesAt: window.end }, allocated: STOCK, reservations: [] });
  }
  await store.dispose();
  const admin = new Redis(redisService.url);
  const sha = String(await admin.script('LOAD', RESERVE_LUA));
  await admin.quit();
  return {
    sha,
    keysOf: (sku, second) => {
      const k = saleItemKeys({ campaignId, sku });
      return [k.state, k.stock, k.users, k.idem, k.reservations, k.expiries, k.stream, k.live(second)];
    },
  };
}

async function referenceRun(start: typeof startBaseline, campaignId: string, path: string): Promise<LoadResult & Measured> {
  await emptyRedis();
  const server = await start({ redisUrl: redisService.url, ...(await referenceItems(campaignId)) });
  const load = await measured(() => runWrk({ url: server.url, path, key: '', skus: SKUS, connections: CONNECTIONS, seconds: SECONDS }));
  await server.close();
  return load;
}

async function ceilingRun(): Promise<number> {
  // Its own open item with enough stock, so every EVALSHA runs the whole script.
  await emptyRedis();
  const { sha, keysOf } = await referenceItems('c-ceiling');
  return runRedisBenchmark({
    port: redisService.port,
    clients: CONNECTIONS,
    requests: Math.max(50_000, SECONDS * 30_000),
    command: ['EVALSHA', sha, '8', ...keysOf(SKUS[1] as string, Math.floor(Date.now() / 1000)), 'u__rand_int__', '1', 'k__rand_int__', 't__rand_int__', String(Date.now())],
  });
}

interface Round {
  live: ProjectRun;
  baseline: LoadResult & Measured;
  ratio: number;
}

function median<T>(values: T[], by: (v: T) => number): T {
  const sorted = [...values].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}

try {
  const machineLoad = loadavg()[0] ?? 0;
  const rounds: Round[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const runLive = () => projectRun(`c-bench-live-${r}`, { autoPipelining: false, persistDuringLoad: true });
    const runBaseline = () => referenceRun(startBaseline, `c-baseline-${r}`, '/reserve');
    let live: ProjectRun;
    let baseline: LoadResult & Measured;
    if (r % 2 === 1) {
      live = await runLive();
      baseline = await runBaseline();
    } else {
      baseline = await runBaseline();
      live = await runLive();
    }
    rounds.push({ live, baseline, ratio: live.rps / baseline.rps });
  }
  const paused = await projectRun('c-bench-paused', { autoPipelining: false, persistDuringLoad: false });
  const pipelined = WITH_PIPELINING ? await projectRun('c-bench-pipelined', { autoPipelining: true, persistDuringLoad: true }) : null;
  const thin = await referenceRun(startThinRoute, 'c-thin', '/reserve');
  const ceiling = await ceilingRun();
  const mid = median(rounds, (r) => r.ratio);
  const projectRuns = [...rounds.map((r) => r.live), paused, ...(pipelined ? [pipelined] : [])];
  const oversold = projectRuns.reduce((n, r) => n + r.oversold, 0);
  const cpu = (r: Measured) => `${r.cpuUsPerRequest.toFixed(1)} µs CPU/request (redis-server ${r.redisUsPerRequest.toFixed(1)})`;
  const project = (r: ProjectRun) => `${fmt(r.rps)} req/s, p99 ${r.p99Ms.toFixed(2)} ms, ${cpu(r)}, non-2xx ${r.non2xx}, sold ${fmt(r.sold)} (SQL ${fmt(r.sqlSold)})`;
  const reference = (r: LoadResult & Measured) => `${fmt(r.rps)} req/s, p99 ${r.p99Ms.toFixed(2)} ms, ${cpu(r)}, non-2xx ${r.non2xx}`;
  console.log(`machine: ${cpus().length} cores, load average ${machineLoad.toFixed(1)} at start, ${loadavg()[0]?.toFixed(1)} at end (req/s move with it; CPU/request much less)`);
  console.log(`wrk: ${CONNECTIONS} connections, ${SECONDS} s each, random users, ${SKUS.length} SKUs, stock ${fmt(STOCK)} each`);
  for (const [i, r] of rounds.entries()) {
    console.log(`round ${i + 1}: project fast path, SQL persister live: ${project(r.live)}`);
    console.log(`round ${i + 1}: baseline express 5 + express.json + ioredis EVALSHA: ${reference(r.baseline)}`);
    console.log(`round ${i + 1}: ratio ${r.ratio.toFixed(2)}x${r === mid ? ' (median)' : ''}`);
  }
  console.log(`project fast path, persister paused in load:   ${project(paused)}; persister afterwards ${paused.persistUsPerEvent?.toFixed(1) ?? '-'} µs CPU/event`);
  if (pipelined) console.log(`project fast path, ioredis auto-pipelining on: ${project(pipelined)}`);
  console.log(`thin node:http + ioredis route (no key, validation or persistence): ${fmt(thin.rps)} req/s, p99 ${thin.p99Ms.toFixed(2)} ms, ${cpu(thin)}`);
  console.log(`CPU per request, baseline / project (median round): ${(mid.baseline.cpuUsPerRequest / mid.live.cpuUsPerRequest).toFixed(1)}x with the persister, ${(mid.baseline.cpuUsPerRequest / paused.cpuUsPerRequest).toFixed(1)}x request path alone`);
  console.log(`ratio over ${rounds.length} rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}`);
  console.log(`redis-benchmark ceiling (same script, EVALSHA, unpipelined, ${CONNECTIONS} clients): ${fmt(ceiling)} req/s`);
  console.log(`share of ceiling (median round): ${(mid.live.rps / ceiling).toFixed(2)}`);
  console.log(`flash-sale: ${fmt(mid.live.rps)} req/s, ${mid.ratio.toFixed(1)}x express+ioredis baseline, p99 ${mid.live.p99Ms.toFixed(2)} ms, oversold ${oversold}`);
  if (oversold !== 0) process.exitCode = 1;
  const refused = projectRuns.reduce((n, r) => n + r.non2xx, 0);
  if (refused !== 0) {
    console.error(`${refused} non-2xx answers in the project runs: every attempt must be a reservation`);
    process.exitCode = 1;
  }
} finally {
  await redisService.stop();
}
