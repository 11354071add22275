import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { startRedis, type RedisService } from '../../test/services/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { flashCampaign, staticCampaigns, type FixtureItem } from './flash-campaign.fixture.js';
import { flashSaleModule, flashSaleRuntime, type FlashSaleRuntime } from './flash-sale.module.js';
import { saveInventoryLevels } from '../inventory/inventory.repo.js';
import type { Campaign } from '@promo/shared';
import type { FlashConfig } from './flash.config.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 11, 2, 0, 0);
const ATTEMPTS = Number(process.env.FLASH_TEST_ATTEMPTS ?? 5000);
const CLIENTS = 200;
/** The full stress (`pnpm stress:flash`, 50,000 attempts) needs minutes on a busy 2-core machine. */
const LOAD_TIMEOUT_MS = Math.max(30_000, ATTEMPTS * 4);
const TIMERS_OFF = { FLASH_SWEEP_MS: 0, FLASH_PERSIST_MS: 0, FLASH_RECONCILE_MS: 0 };

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.close();
});

async function saleApp(campaigns: Campaign[], inventory: Record<string, number>, shareWith?: TestApp, config: Partial<FlashConfig> = {}): Promise<{ app: TestApp; flash: FlashSaleRuntime; key: string }> {
  const modules = [flashSaleModule({ campaigns: staticCampaigns(campaigns), config: { ...TIMERS_OFF, ...config } })];
  const app = await createTestApp({ modules, now: NOW, ...(shareWith ? { shareWith } : {}) });
  apps.push(app);
  await saveInventoryLevels(
    app.deps.db,
    Object.entries(inventory).map(([sku, quantity]) => ({ sku, quantity })),
    NOW,
  );
  const flash = flashSaleRuntime(app.deps);
  if (!flash) throw new Error('flash module not mounted');
  return { app, flash, key: await app.apiKey(['flash']) };
}

async function reserve(app: TestApp, key: string, campaignId: string, body: Record<string, unknown>) {
  const res = await fetch(`${app.baseUrl}/api/v1/flash-sales/${campaignId}/reservations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ quantity: 1, idempotencyKey: randomUUID(), ...body }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
}

const window = { start: NOW - HOUR, end: NOW + 24 * HOUR };

describe('flash sale over HTTP', () => {
  it(`sells exactly the stock to ${CLIENTS} concurrent clients making ${ATTEMPTS} attempts, within limits, with SQL agreeing`, async () => {
    const items: FixtureItem[] = [
      { sku: 'fs-a', stock: 400, perUserLimit: 2 },
      { sku: 'fs-b', stock: 350, perUserLimit: 2 },
      { sku: 'fs-c', stock: 250, perUserLimit: 2 },
    ];
    const { app, flash, key } = await saleApp([flashCampaign('c-load', items, window)], { 'fs-a': 10_000, 'fs-b': 10_000, 'fs-c': 10_000 });
    const users = Math.max(600, Math.floor(ATTEMPTS / 3));
    let next = 0;
    const sold = new Map<string, number>();
    const statuses = new Map<number, number>();
    async function client(): Promise<void> {
      while (next < ATTEMPTS) {
        const i = next++;
        const sku = items[i % 3]!.sku;
        const userId = `u${(i * 7919) % users}`;
        const quantity = 1 + (i % 2);
        const { status } = await reserve(app, key, 'c-load', { userId, sku, quantity });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) sold.set(sku, (sold.get(sku) ?? 0) + quantity);
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect([...statuses.keys()].every((s) => s === 201 || s === 409 || s === 429)).toBe(true);
    expect(Object.fromEntries(sold)).toEqual({ 'fs-a': 400, 'fs-b': 350, 'fs-c': 250 });

    const drifts = await flash.reconcile();
    expect(drifts.map((d) => [d.sku, d.redisSold, d.sqlSold, d.drift])).toEqual([
      ['fs-a', 400, 400, 0],
      ['fs-b', 350, 350, 0],
      ['fs-c', 250, 250, 0],
    ]);
    const perUser: { user_id: string; sku: string; total: number | string }[] = await app.deps.db('flash_reservations').select('user_id', 'sku').sum({ total: 'quantity' }).groupBy('user_id', 'sku');
    expect(Math.max(...perUser.map((r) => Number(r.total)))).toBeLessThanOrEqual(2);
  }, LOAD_TIMEOUT_MS);

  it('turns 10 parallel retries of one idempotency key into one reservation', async () => {
    const { app, flash, key } = await saleApp([flashCampaign('c-idem', [{ sku: 'fs-i', stock: 5 }], window)], { 'fs-i': 5 });
    const replies = await Promise.all(Array.from({ length: 10 }, () => reserve(app, key, 'c-idem', { userId: 'u1', sku: 'fs-i', idempotencyKey: 'retry-1' })));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(replies.map((r) => r.body.token)).size).toBe(1);
    expect((await flash.stock.inspect({ campaignId: 'c-idem', sku: 'fs-i' }))?.stock).toBe(4);
  });

  it('publishes low-stock and sold-out alerts on live:alerts', async () => {
    const { app, key } = await saleApp([flashCampaign('c-alert', [{ sku: 'fs-al', stock: 10 }], window)], { 'fs-al': 10 });
    const alerts: { type: string; stockLeft: number }[] = [];
    const unsubscribe = await app.deps.stores.pubsub.subscribe('live:alerts', (message) => alerts.push(JSON.parse(message) as { type: string; stockLeft: number }));
    for (let i = 0; i < 10; i++) expect((await reserve(app, key, 'c-alert', { userId: `u${i}`, sku: 'fs-al' })).status).toBe(201);
    await expect.poll(() => alerts.map((a) => `${a.type}:${a.stockLeft}`), { timeout: 5000 }).toEqual(['low_stock:1', 'sold_out:0']);
    await unsubscribe();
  });

  it('allocates no more than the reported inventory', async () => {
    const { app, key } = await saleApp([flashCampaign('c-inv', [{ sku: 'fs-v', stock: 100 }], window)], { 'fs-v': 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await reserve(app, key, 'c-inv', { userId: `u${i}`, sku: 'fs-v' })).status);
    expect(statuses).toEqual([201, 201, 409, 409]);
  });

  it('answers not_started, ended, not_found, bad input and missing or wrong keys in the error shape', async () => {
    const later = flashCampaign('c-later', [{ sku: 'fs-l', stock: 5 }], { start: NOW + HOUR, end: NOW + 2 * HOUR });
    const over = flashCampaign('c-over', [{ sku: 'fs-o', stock: 5 }], { start: NOW - 2 * HOUR, end: NOW - HOUR });
    const { app, key } = await saleApp([later, over], { 'fs-l': 5, 'fs-o': 5 });
    expect(await reserve(app, key, 'c-later', { userId: 'u1', sku: 'fs-l' })).toMatchObject({ status: 425, body: { error: { code: 'not_started' } } });
    expect(await reserve(app, key, 'c-over', { userId: 'u1', sku: 'fs-o' })).toMatchObject({ status: 409, body: { error: { code: 'ended' } } });
    expect(await reserve(app, key, 'c-none', { userId: 'u1', sku: 'fs-o' })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await reserve(app, key, 'c-later', { userId: 'u1', sku: 'fs-l', quantity: 0 })).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(await reserve(app, 'psk_bad_key', 'c-later', { userId: 'u1', sku: 'fs-l' })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const quoteKey = await app.apiKey(['quote']);
    expect(await reserve(app, quoteKey, 'c-later', { userId: 'u1', sku: 'fs-l' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('answers 429 rate_limited with Retry-After once a client IP is over FLASH_RATE_LIMIT_IP_PER_SEC, before checking the key', async () => {
    const { app } = await saleApp([flashCampaign('c-ip', [{ sku: 'fs-ip', stock: 5 }], window)], { 'fs-ip': 5 }, undefined, { FLASH_RATE_LIMIT_IP_PER_SEC: 1, FLASH_RATE_LIMIT_KEY_PER_SEC: 0 });
    expect((await reserve(app, 'psk_bad_key', 'c-ip', { userId: 'u1', sku: 'fs-ip' })).status).toBe(401);
    // The bucket holds one second's worth (1): three more attempts can only all get through if 3 s went
    // by. Limited ones answer 429, not 401: the IP is checked before the key.
    const after = await Promise.all([1, 2, 3].map(() => reserve(app, 'psk_bad_key', 'c-ip', { userId: 'u1', sku: 'fs-ip' })));
    const limited = after.find((r) => r.status === 429);
    expect(limited).toMatchObject({ retryAfter: '1', body: { error: { code: 'rate_limited', message: 'too many requests', details: { retryAfterMs: expect.any(Number) as number } } } });
  });

  it('answers 429 rate_limited with Retry-After once an API key is over FLASH_RATE_LIMIT_KEY_PER_SEC, other keys unaffected, no stock taken', async () => {
    const { app, flash, key } = await saleApp([flashCampaign('c-kl', [{ sku: 'fs-kl', stock: 50 }], window)], { 'fs-kl': 50 }, undefined, { FLASH_RATE_LIMIT_KEY_PER_SEC: 1, FLASH_RATE_LIMIT_IP_PER_SEC: 0 });
    expect((await reserve(app, key, 'c-kl', { userId: 'u0', sku: 'fs-kl' })).status).toBe(201);
    const burst = await Promise.all([1, 2, 3].map((i) => reserve(app, key, 'c-kl', { userId: `u${i}`, sku: 'fs-kl' })));
    const limited = burst.find((r) => r.status === 429);
    expect(limited).toMatchObject({ retryAfter: '1', body: { error: { code: 'rate_limited', details: { retryAfterMs: expect.any(Number) as number } } } });
    const other = await app.apiKey(['flash']);
    expect((await reserve(app, other, 'c-kl', { userId: 'u9', sku: 'fs-kl' })).status).toBe(201);
    const reserved = 2 + burst.filter((r) => r.status === 201).length;
    expect((await flash.stock.inspect({ campaignId: 'c-kl', sku: 'fs-kl' }))?.stock).toBe(50 - reserved);
  });

  it('confirms idempotently, refuses another order, and queues the sold units for the inventory webhook', async () => {
    const { app, key } = await saleApp([flashCampaign('c-conf', [{ sku: 'fs-c1', stock: 5 }], window)], { 'fs-c1': 5 });
    const made = await reserve(app, key, 'c-conf', { userId: 'u1', sku: 'fs-c1' });
    const token = String(made.body.token);
    const confirm = (orderId: string) => app.request.post(`/api/v1/flash-sales/c-conf/reservations/${token}/confirm`).set('x-api-key', key).send({ orderId });
    expect((await confirm('o1')).status).toBe(200);
    expect((await confirm('o1')).body).toEqual({ token, status: 'confirmed', orderId: 'o1' });
    expect((await confirm('o2')).body.error.code).toBe('conflict');
    const rows: unknown[] = await app.deps.db('outbox').where({ dedupe_key: `flash-sold:${token}` });
    expect(rows).toHaveLength(1);
    const [row] = await app.deps.db('flash_reservations').where({ token });
    expect(row).toMatchObject({ status: 'confirmed', order_id: 'o1' });
  });

  it('returns the stock of an instance that died before confirming exactly once, on another instance', async () => {
    const campaigns = [flashCampaign('c-exp', [{ sku: 'fs-e', stock: 1 }], window)];
    const a = await saleApp(campaigns, { 'fs-e': 1 });
    const b = await saleApp(campaigns, {}, a.app);
    const made = await reserve(a.app, a.key, 'c-exp', { userId: 'u1', sku: 'fs-e' });
    expect(made.status).toBe(201);
    await a.app.close();
    expect((await reserve(b.app, b.key, 'c-exp', { userId: 'u2', sku: 'fs-e' })).status).toBe(409);
    b.app.clock.advance(15 * 60_000);
    const sweeps = await Promise.all([b.flash.sweep(), b.flash.sweep()]);
    expect(sweeps.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await b.flash.sweep()).toBe(0);
    expect((await b.flash.stock.inspect({ campaignId: 'c-exp', sku: 'fs-e' }))?.stock).toBe(1);
    expect((await reserve(b.app, b.key, 'c-exp', { userId: 'u2', sku: 'fs-e' })).status).toBe(201);
    const drifts = await b.flash.reconcile();
    expect(drifts[0]).toMatchObject({ redisSold: 1, sqlSold: 1, drift: 0 });
    const statuses = (await b.app.deps.db('flash_reservations').orderBy('created_at').select('status')).map((r: { status: string }) => r.status);
    expect(statuses.sort()).toEqual(['expired', 'held']);
  });

  it('keeps an item closed after its state is lost and reopens it rebuilt from SQL, never overselling', async () => {
    const { app, flash, key } = await saleApp([flashCampaign('c-lost', [{ sku: 'fs-r', stock: 10, perUserLimit: 3 }], window)], { 'fs-r': 10 });
    for (let i = 0; i < 6; i++) expect((await reserve(app, key, 'c-lost', { userId: `u${i}`, sku: 'fs-r' })).status).toBe(201);
    await flash.drain();
    await loseItemState(app, flash, { campaignId: 'c-lost', sku: 'fs-r' });
    expect(await flash.stock.inspect({ campaignId: 'c-lost', sku: 'fs-r' })).toBeNull();
    const after = [];
    for (let i = 0; i < 8; i++) after.push((await reserve(app, key, 'c-lost', { userId: `v${i}`, sku: 'fs-r' })).status);
    expect(after).toEqual([201, 201, 201, 201, 409, 409, 409, 409]);
    expect((await reserve(app, key, 'c-lost', { userId: 'u0', sku: 'fs-r', quantity: 3 })).status).toBe(409);
    const drifts = await flash.reconcile();
    expect(drifts[0]).toMatchObject({ redisSold: 10, sqlSold: 10, drift: 0 });
  });
});

/** What a Redis restart without persistence (or a failover to an empty replica) does to one item. */
async function loseItemState(app: TestApp, flash: FlashSaleRuntime, item: { campaignId: string; sku: string }): Promise<void> {
  const redis = app.deps.stores.redis;
  if (redis) {
    const keys = await redis.keys(`${app.deps.stores.keyPrefix}{fs:${item.campaignId}:${item.sku}}:*`);
    if (keys.length > 0) await redis.del(...keys);
    return;
  }
  const memory = flash.stock as typeof flash.stock & { wipe?: () => void };
  memory.wipe?.();
}

const RESTART_STOCK = 300;

// Restarting a real redis-server only exists on the Redis backend; the embedded twin's "lost
// state" path is covered above.
if (backendServices().backend === 'mariadb-redis') {
  describe('flash sale across a Redis restart', () => {
    let redis: RedisService | undefined;
    afterEach(async () => {
      // The app goes before its Redis (the outer hook runs after this one).
      for (const app of apps.splice(0).reverse()) await app.close();
      await redis?.stop();
    });

    it('never oversells when Redis restarts mid-sale (AOF on), and sells out after it is back', async () => {
      redis = await startRedis({ appendonly: true });
      const campaign = flashCampaign('c-restart', [{ sku: 'rs-1', stock: RESTART_STOCK, perUserLimit: 1 }], { start: NOW - 3_600_000, end: NOW + 3_600_000 });
      const t = await createTestApp({
        now: NOW,
        config: { REDIS_URL: redis.url },
        modules: [flashSaleModule({ campaigns: staticCampaigns([campaign]), config: { FLASH_SWEEP_MS: 0, FLASH_RECONCILE_MS: 0, FLASH_PERSIST_MS: 50 } })],
      });
      apps.push(t);
      await saveInventoryLevels(t.deps.db, [{ sku: 'rs-1', quantity: RESTART_STOCK }], NOW);
      const key = await t.apiKey(['flash']);
      const statuses: number[] = [];
      let user = 0;
      let restarted = false;
      async function client(): Promise<void> {
        while (!statuses.includes(409) || !restarted) {
          const res = await fetch(`${t.baseUrl}/api/v1/flash-sales/c-restart/reservations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': key },
            body: JSON.stringify({ userId: `u${user++}`, sku: 'rs-1', quantity: 1, idempotencyKey: randomUUID() }),
          });
          statuses.push(res.status);
          await res.body?.cancel();
        }
      }
      const clients = Array.from({ length: 20 }, client);
      while (statuses.filter((s) => s === 201).length < RESTART_STOCK / 3) await new Promise((resolve) => setImmediate(resolve));
      await redis.restart();
      restarted = true;
      const afterRestart = statuses.length;
      await Promise.all(clients);
      expect(statuses.slice(afterRestart).filter((s) => s === 201).length).toBeGreaterThan(0);
      const flash = flashSaleRuntime(t.deps)!;
      const [drift] = await flash.reconcile();
      expect(drift).toMatchObject({ redisSold: RESTART_STOCK, sqlSold: RESTART_STOCK, drift: 0 });
      expect((await flash.stock.inspect({ campaignId: 'c-restart', sku: 'rs-1' }))?.stock).toBe(0);
    });
  });
}
