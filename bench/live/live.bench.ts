// `pnpm bench:live`: the real server (boot + listen) on throwaway MariaDB + Redis with the demo
// data; 1,000 socket.io-client websocket connections on loopback, run in worker threads (their
// own event loops, not the server's), join the demo theme's room while store orders are committed
// over HTTP (`POST /api/v1/orders` with an API key) at a steady rate. Every client measures, for
// every order, the delay from the moment the commit was SENT to the first snapshot that counts it
// (an upper bound: it includes the commit's own HTTP round trip).
// Last line: `live: <clients> clients, p99 <ms> ms, freshness <ms> ms` (p99 = snapshot emit →
// client receipt; freshness = p99 commit → screen). The machine's cores are shared by all of it.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { boot } from '../../server/src/app/boot.js';
import { createApiKey } from '../../server/src/auth/api-keys.repo.js';
import { ensureUser } from '../../server/src/auth/users.repo.js';
import { loadPublished } from '../../server/src/campaigns/campaign.repo.js';
import { parseConfig } from '../../server/src/config/config.schema.js';
import { seedDemo } from '../../server/src/demo/seed-demo.js';
import { startMariaDb, startRedis } from '../../server/test/services/index.js';
import type { WorkerReport } from './live-clients.worker.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const ORDERS_PER_SEC = Number(process.env.BENCH_ORDERS_PER_SEC ?? 50);
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? Math.min(4, availableParallelism())));
const CHANNELS = ['app', 'mini_program', 'web', 'pos'] as const;
const PROVINCES = ['31', '44', '11', '33'] as const;

const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), orders: z.number().int() }),
  z.object({ type: z.literal('report'), freshness: z.instanceof(Float64Array), delivery: z.instanceof(Float64Array), missing: z.number().int() }),
]);

function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

/** A client pool in a worker thread; resolves once its clients are connected and subscribed. */
function startPool(data: { url: string; token: string; themeId: string; clients: number; maxOrders: number }) {
  // The worker is TypeScript: its entry registers tsx first (the tsx CLI's loader does not reach workers).
  const worker = new Worker(new URL('./live-clients.worker-boot.mjs', import.meta.url), { workerData: data });
  let onReport: ((report: WorkerReport) => void) | null = null;
  const ready = new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (raw: unknown) => {
      const message = FromWorker.parse(raw);
      if (message.type === 'ready') resolve(message.orders);
      else onReport?.(message);
    });
  });
  return {
    ready,
    start: (baseline: number) => worker.postMessage({ type: 'start', baseline }),
    finish: (commitTimes: number[], timeoutMs: number) =>
      new Promise<WorkerReport>((resolve) => {
        onReport = resolve;
        worker.postMessage({ type: 'finish', commitTimes, timeoutMs });
      }),
    stop: () => worker.terminate(),
  };
}

const mariadb = await startMariaDb();
const redis = await startRedis();
try {
  const config = parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: await mariadb.createDatabase('bench_live'), REDIS_URL: redis.url, DEMO_DATA: 'true' });
  const server = await boot(config, { seedDemo });
  const pools: ReturnType<typeof startPool>[] = [];
  try {
    const published = await loadPublished(server.deps.db, ['live', 'scheduled']);
    const themeId = published.map((p) => p.campaign).find((c) => c.themeId)?.themeId;
    if (!themeId) throw new Error('the demo data has no campaign in a theme');
    await ensureUser(server.deps.db, { username: 'bench-screen', password: 'bench-screen-pw', role: 'screen' }, Date.now());
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-screen', password: 'bench-screen-pw' }) });
    const { token } = z.object({ token: z.string() }).parse(await login.json());
    const { key } = await createApiKey(server.deps.db, { name: 'bench live', scopes: ['orders'] });

    const total = DURATION_S * ORDERS_PER_SEC;
    for (let w = 0; w < WORKERS; w += 1) {
      const share = Math.floor(CLIENTS / WORKERS) + (w < CLIENTS % WORKERS ? 1 : 0);
      if (share > 0) pools.push(startPool({ url: server.url, token, themeId, clients: share, maxOrders: total }));
    }
    const baseline = Math.max(...(await Promise.all(pools.map((p) => p.ready))));
    for (const p of pools) p.start(baseline);
    process.stdout.write(`${CLIENTS} clients in ${pools.length} worker threads subscribed to theme:${themeId}; committing ${ORDERS_PER_SEC} orders/s over HTTP for ${DURATION_S} s\n`);

    // Every order is over the demo's storewide ¥100 threshold, so the theme's room counts it.
    const sentAt: number[] = [];
    const committed: number[] = [];
    const latency: number[] = [];
    let refused = 0;
    const inFlight = new Set<Promise<void>>();
    const started = Date.now();
    for (let k = 0; k < total; k += 1) {
      const wait = started + (k * 1000) / ORDERS_PER_SEC - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const body = { orderId: `bench-${started}-${k}`, userId: `bench-u-${k}`, channel: CHANNELS[k % 4], region: { province: PROVINCES[k % 4] }, cart: { lines: [{ sku: 'FRUIT-01', quantity: 8 + (k % 5) }] } };
      sentAt[k] = Date.now();
      const request = fetch(`${server.url}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) })
        .then(async (res) => {
          await res.arrayBuffer();
          latency.push(Date.now() - sentAt[k]!);
          if (res.status === 200) committed.push(sentAt[k]!);
          else refused += 1;
        })
        .catch(() => {
          refused += 1;
        });
      const tracked = request.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
    // The k-th order a screen counts is matched with the k-th commit sent (commits land in order, give or take a few ms).
    const commitTimes = committed.sort((a, b) => a - b);
    const reports = await Promise.all(pools.map((p) => p.finish(commitTimes, 5000)));
    const freshness = new Float64Array(reports.reduce((n, r) => n + r.freshness.length, 0));
    const delivery = new Float64Array(reports.reduce((n, r) => n + r.delivery.length, 0));
    let offsetF = 0;
    let offsetD = 0;
    for (const r of reports) {
      freshness.set(r.freshness, offsetF);
      offsetF += r.freshness.length;
      delivery.set(r.delivery, offsetD);
      offsetD += r.delivery.length;
    }
    const missing = reports.reduce((n, r) => n + r.missing, 0);
    process.stdout.write(`commits: ${commitTimes.length} committed, ${refused} refused; HTTP commit p50 ${percentile(latency, 50)} ms, p99 ${percentile(latency, 99)} ms\n`);
    process.stdout.write(`observations: ${freshness.length} commit→screen (${missing} missing), ${delivery.length} snapshot deliveries; freshness p50 ${percentile(freshness, 50)} ms, max ${percentile(freshness, 100)} ms; delivery p50 ${percentile(delivery, 50)} ms\n`);
    process.stdout.write(`live: ${CLIENTS} clients, p99 ${percentile(delivery, 99)} ms, freshness ${percentile(freshness, 99)} ms\n`);
  } finally {
    await Promise.all(pools.map((p) => p.stop()));
    await server.close();
  }
} finally {
  await redis.stop();
  await mariadb.stop();
}
