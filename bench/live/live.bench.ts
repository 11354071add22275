// `pnpm bench:live`: the real server (boot + listen) on throwaway MariaDB + Redis with the demo
// data and the war-room modules; 1,000 socket.io-client websocket connections on loopback join the
// demo theme's room while orders are committed at a steady rate through the orders hook
// (`recordOrderCommitted`, what the orders module calls after a durable commit). Every client
// measures, for every order, the delay from its commit to the first snapshot that counts it.
// Last line: `live: <clients> clients, p99 <ms> ms, freshness <ms> ms` (p99 = snapshot emit →
// client receipt; freshness = p99 commit → screen). Clients share the server's 2 cores.
import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@promo/shared';
import { io, type Socket } from 'socket.io-client';
import { boot } from '../../server/src/app/boot.js';
import { modules } from '../../server/src/app/modules.js';
import { ensureUser } from '../../server/src/auth/users.repo.js';
import { loadPublished } from '../../server/src/campaigns/campaign.repo.js';
import { parseConfig } from '../../server/src/config/config.schema.js';
import { seedDemo } from '../../server/src/demo/seed-demo.js';
import { defaultLiveModule, liveModule } from '../../server/src/live/live.module.js';
import { recordOrderCommitted } from '../../server/src/live/order-hooks.js';
import { startMariaDb, startRedis } from '../../server/test/services/index.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const ORDERS_PER_SEC = Number(process.env.BENCH_ORDERS_PER_SEC ?? 50);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mariadb = await startMariaDb();
const redis = await startRedis();
const sockets: Socket<LiveServerToClientEvents, LiveClientToServerEvents>[] = [];
try {
  const config = parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: await mariadb.createDatabase('bench_live'), REDIS_URL: redis.url, DEMO_DATA: 'true' });
  const server = await boot(config, { seedDemo, modules: [...modules.filter((m) => m !== defaultLiveModule), liveModule()] });
  try {
    const published = await loadPublished(server.deps.db, ['live', 'scheduled']);
    const campaign = published.map((p) => p.campaign).find((c) => c.themeId);
    if (!campaign?.themeId) throw new Error('the demo data has no campaign in a theme');
    const themeId = campaign.themeId;
    await ensureUser(server.deps.db, { username: 'bench-screen', password: 'bench-screen-pw', role: 'screen' }, Date.now());
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-screen', password: 'bench-screen-pw' }) });
    const { token } = (await login.json()) as { token: string };

    const commitAt: number[] = [];
    let baseline = -1;
    const freshness: number[] = [];
    const delivery: number[] = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(`${server.url}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token }, forceNew: true });
      sockets.push(socket);
      let counted = -1;
      socket.on('metrics', (snapshot) => {
        const now = Date.now();
        delivery.push(now - snapshot.at);
        if (baseline < 0) return;
        const seen = snapshot.orders - baseline;
        if (counted < 0) counted = Math.min(seen, 0);
        for (let k = counted; k < seen; k += 1) if (commitAt[k] !== undefined) freshness.push(now - commitAt[k]!);
        counted = Math.max(counted, seen);
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const reply = await socket.emitWithAck('subscribe', { kind: 'theme', id: themeId });
      if (!reply.ok) throw new Error(`subscribe failed: ${reply.error.message}`);
      if (baseline < 0 && reply.data.snapshot) baseline = reply.data.snapshot.orders;
    }
    if (baseline < 0) baseline = 0;
    delivery.length = 0;
    process.stdout.write(`${CLIENTS} clients subscribed to theme:${themeId}; committing ${ORDERS_PER_SEC} orders/s for ${DURATION_S} s\n`);

    const total = DURATION_S * ORDERS_PER_SEC;
    const started = Date.now();
    for (let k = 0; k < total; k += 1) {
      const due = started + (k * 1000) / ORDERS_PER_SEC;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      commitAt[k] = Date.now();
      await recordOrderCommitted(server.deps, {
        order: {
          orderId: `bench-${started}-${k}`,
          userId: `u${k % 500}`,
          createdAt: commitAt[k]!,
          result: {
            applied: [{ campaignId: campaign.id, kind: campaign.kind, stage: 'order', amount: 100, offerNodeId: 'offer', variant: null, capped: null }],
            lines: [{ lineId: 'l1', sku: `sku-${k % 20}`, quantity: 1, unitPrice: 5000, subtotal: 5000, itemDiscount: 0, itemAdjustments: [], orderDiscount: 100, couponDiscount: 0, pointsDiscount: 0, allocations: [], final: 4900, gift: false, capped: null }],
            totals: { subtotal: 5000, itemDiscount: 0, orderDiscount: 100, couponDiscount: 0, pointsDiscount: 0, discount: 100, total: 4900 },
          },
        },
        channel: ['app', 'mini_program', 'web', 'pos'][k % 4]!,
        region: { province: ['31', '44', '11', '33'][k % 4]! },
      });
    }
    // Wait until every client saw the last order (or give up after 5 s).
    const expected = total * CLIENTS;
    const deadline = Date.now() + 5000;
    while (freshness.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const missing = expected - freshness.length;
    process.stdout.write(`observations: ${freshness.length} commit→screen (${missing} missing), ${delivery.length} snapshot deliveries; freshness p50 ${percentile(freshness, 50)} ms, max ${percentile(freshness, 100)} ms; delivery p50 ${percentile(delivery, 50)} ms\n`);
    process.stdout.write(`live: ${CLIENTS} clients, p99 ${percentile(delivery, 99)} ms, freshness ${percentile(freshness, 99)} ms\n`);
  } finally {
    for (const s of sockets) s.disconnect();
    await server.close();
  }
} finally {
  await redis.stop();
  await mariadb.stop();
}
