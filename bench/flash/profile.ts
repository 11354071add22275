// Temporary: profile the project fast path alone under wrk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/src/app/create-app.js';
import { systemClock, type AppDeps } from '../../server/src/app/deps.js';
import { createApiKey } from '../../server/src/auth/api-keys.repo.js';
import { parseConfig } from '../../server/src/config/config.schema.js';
import { createDb } from '../../server/src/db/create-db.js';
import { migrateLatest } from '../../server/src/db/migrate.js';
import { flashCampaign, staticCampaigns } from '../../server/src/flash-sale/flash-campaign.fixture.js';
import { flashSaleModule, flashSaleRuntime } from '../../server/src/flash-sale/flash-sale.module.js';
import { saveInventoryLevels } from '../../server/src/inventory/inventory.repo.js';
import { createStores } from '../../server/src/stores/create-stores.js';
import { startRedis } from '../../server/test/services/index.js';
import { runWrk } from './load.js';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const SECONDS = Number(process.env.FLASH_BENCH_SECONDS ?? 8);
const SKUS = ['bench-a', 'bench-b', 'bench-c'];
const STOCK = 2_000_000;
const redisService = await startRedis();
const dataDir = mkdtempSync(join(tmpdir(), 'promo-flash-prof-'));
const logger = pino({ level: 'warn' });
const now = Date.now();
const window = { start: now - 3_600_000, end: now + 24 * 3_600_000 };
const persistMs = process.env.PROF_PERSIST_MS;
try {
  const config = parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DEMO_DATA: 'false', REDIS_URL: redisService.url });
  const db = createDb(config);
  await migrateLatest(db);
  const stores = await createStores(config, logger);
  const deps: AppDeps = { config, db, stores, logger, clock: systemClock };
  const campaign = flashCampaign('c-prof', SKUS.map((sku) => ({ sku, stock: STOCK, perUserLimit: 100 })), window);
  await saveInventoryLevels(db, SKUS.map((sku) => ({ sku, quantity: STOCK })), now);
  const handle = await createApp(deps, { modules: [flashSaleModule({ campaigns: staticCampaigns([campaign]), config: persistMs ? { FLASH_PERSIST_MS: Number(persistMs) } : {} })] });
  const address = await handle.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const { key } = await createApiKey(db, { name: 'bench', scopes: ['flash'] });
  const path = `/api/v1/flash-sales/c-prof/reservations`;
  for (const sku of SKUS) {
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ userId: 'warm', sku, quantity: 1, idempotencyKey: `warm-${sku}` }) });
    if (res.status !== 201) throw new Error(`warm-up failed ${res.status}`);
  }
  const before = process.cpuUsage();
  const r = await runWrk({ url, path, key, skus: SKUS, connections: 64, seconds: SECONDS });
  const used = process.cpuUsage(before);
  console.log(`load: ${Math.round(r.rps)} req/s p99 ${r.p99Ms} non2xx ${r.non2xx}; ${((used.user + used.system) / r.requests).toFixed(1)} µs CPU/req (user ${(used.user / r.requests).toFixed(1)}, sys ${(used.system / r.requests).toFixed(1)})`);
  const session = new Session();
  if (process.env.PROF_DRAIN) { session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  const b2 = process.cpuUsage();
  const drained = await flashSaleRuntime(deps)?.drain();
  const u2 = process.cpuUsage(b2);
  if (process.env.PROF_DRAIN) { const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/fprof/drain.cpuprofile', JSON.stringify(profile)); }
  console.log(`drain after: ${drained} events, ${((u2.user + u2.system) / 1000).toFixed(0)} ms CPU`);
  await handle.close();
  await stores.close();
  await db.destroy();
} finally {
  await redisService.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
