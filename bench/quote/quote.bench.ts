// `pnpm bench:quote`: the real server (createApp + listen) on throwaway MariaDB + Redis with the
// demo data, a 10-line cart quoted over HTTP by autocannon (in a worker thread, so the load
// generator does not share the server's event loop) for 10 s on 127.0.0.1.
// Last line: `quote: <requests per second> req/s, p99 <ms> ms`.
import autocannon from 'autocannon';
import { boot } from '../../server/src/app/boot.js';
import { parseConfig } from '../../server/src/config/config.schema.js';
import { seedDemo } from '../../server/src/demo/seed-demo.js';
import { startMariaDb, startRedis } from '../../server/test/services/index.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const mariadb = await startMariaDb();
const redis = await startRedis();
try {
  const config = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: await mariadb.createDatabase('bench_quote'),
    REDIS_URL: redis.url,
    DEMO_DATA: 'true',
    // The benchmark measures pricing, not the per-key rate limit.
    RATE_LIMIT_KEY_PER_SEC: '0',
    RATE_LIMIT_IP_PER_SEC: '0',
  });
  const server = await boot(config, { seedDemo });
  try {
    const apiKey = server.demoCredentials?.apiKey;
    if (!apiKey) throw new Error('the demo data did not create a store API key');
    const skus = (await server.deps.db('catalog_items').orderBy('sku').limit(10).select<{ sku: string }[]>('sku')).map((r) => r.sku);
    const body = JSON.stringify({
      // A demo member (level 3, seeded by seedDemo): the member-day campaign prices in, as for real members.
      userId: 'u-member-1',
      channel: 'app',
      region: { province: '31', city: '3101' },
      cart: { lines: skus.map((sku, i) => ({ sku, quantity: (i % 3) + 1 })) },
      user: { tags: ['vip'] },
    });
    const url = `${server.url}/api/v1/quote`;
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const probe = await fetch(url, { method: 'POST', headers, body });
    const priced = (await probe.json()) as { applied?: unknown[]; notApplied?: unknown[]; totals?: { total: number } };
    if (probe.status !== 200) throw new Error(`quote answered ${probe.status}: ${JSON.stringify(priced)}`);
    console.log(`cart: ${skus.length} lines, applied ${priced.applied?.length ?? 0}, not applied ${priced.notApplied?.length ?? 0}, total ${priced.totals?.total ?? 0} fen`);

    // Baseline in the same run: the same HTTP stack answering its cheapest route.
    const health = await autocannon({ url: `${server.url}/healthz`, connections: CONNECTIONS, duration: 3, workers: 1 });
    const healthRps = Math.round(health.requests.total / health.duration);
    console.log(`baseline GET /healthz: ${healthRps} req/s, p99 ${health.latency.p99} ms`);
    await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: 2, workers: 1 });
    let sqlQueries = 0;
    const sqlKinds = new Map<string, number>();
    server.deps.db.on('query', (q: { sql: string }) => {
      sqlQueries += 1;
      const kind = q.sql.slice(0, 60);
      sqlKinds.set(kind, (sqlKinds.get(kind) ?? 0) + 1);
    });
    const result = await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION_S, workers: 1 });
    if (process.env.BENCH_SQL_DETAIL) for (const [sql, n] of sqlKinds) console.log(`  ${n}× ${sql}`);
    console.log(`SQL queries during the run: ${sqlQueries} (${(sqlQueries / Math.max(1, result.requests.total)).toFixed(4)} per quote; caches refresh every few seconds)`);
    if (result.non2xx > 0 || result.errors > 0) console.log(`warning: ${result.non2xx} non-2xx, ${result.errors} errors`);
    console.log(`requests ${result.requests.total} in ${result.duration} s, latency avg ${result.latency.average} ms, p50 ${result.latency.p50} ms, max ${result.latency.max} ms`);
    const quoteRps = Math.round(result.requests.total / result.duration);
    console.log(`quote vs /healthz: ${(quoteRps / healthRps).toFixed(2)}x`);
    console.log(`quote: ${quoteRps} req/s, p99 ${result.latency.p99} ms`);
  } finally {
    await server.close();
  }
} finally {
  await redis.stop();
  await mariadb.stop();
}
