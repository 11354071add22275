import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { flashCampaign, staticCampaigns } from '../flash-sale/flash-campaign.fixture.js';
import { flashSaleModule, flashSaleRuntime } from '../flash-sale/flash-sale.module.js';
import { outboxStatus } from '../outbox/outbox.repo.js';
import { signBody } from '../outbox/webhook-sender.js';
import { inventoryModule, inventoryOutbox } from './inventory.module.js';

const NOW = Date.UTC(2026, 10, 11, 2, 0, 0);
const SECRET = 'test-secret-0123456789';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Received {
  body: string;
  signature: string | undefined;
  idempotencyKey: string | undefined;
}

/** A product-system stand-in on 127.0.0.1 that fails its first `failures` deliveries with 500. */
async function receiver(failures: number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-promo-signature'] as string | undefined, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(received.length <= failures ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sold`, received };
}

async function app(webhookUrl: string): Promise<TestApp> {
  const campaign = flashCampaign('c-inv', [{ sku: 'inv-1', stock: 10, perUserLimit: 5 }], { start: NOW - 3_600_000, end: NOW + 3_600_000 });
  const t = await createTestApp({
    now: NOW,
    modules: [
      flashSaleModule({ campaigns: staticCampaigns([campaign]), config: { FLASH_SWEEP_MS: 0, FLASH_PERSIST_MS: 0, FLASH_RECONCILE_MS: 0 } }),
      inventoryModule({ webhook: { url: webhookUrl, secret: SECRET }, poll: false, outbox: { baseBackoffMs: 1000, maxBackoffMs: 60_000 } }),
    ],
  });
  cleanups.push(() => t.close());
  return t;
}

describe('inventory sync', () => {
  it('publishes sold units by signed webhook through the outbox, retrying with backoff until delivered', async () => {
    const target = await receiver(2);
    const t = await app(target.url);
    const inventoryKey = await t.apiKey(['inventory']);
    const flashKey = await t.apiKey(['flash']);
    expect((await t.request.put('/api/v1/inventory/inv-1').set('x-api-key', inventoryKey).send({ quantity: 8 })).status).toBe(200);
    const made = await t.request.post('/api/v1/flash-sales/c-inv/reservations').set('x-api-key', flashKey).send({ userId: 'u1', sku: 'inv-1', quantity: 2, idempotencyKey: 'k1' });
    expect(made.status).toBe(201);
    const token = String(made.body.token);
    expect((await t.request.post(`/api/v1/flash-sales/c-inv/reservations/${token}/confirm`).set('x-api-key', flashKey).send({ orderId: 'o1' })).status).toBe(200);

    const worker = inventoryOutbox(t.deps)!;
    expect(await worker.tick()).toBe(0);
    t.clock.advance(1500);
    expect(await worker.tick()).toBe(0);
    expect(await worker.tick()).toBe(0);
    t.clock.advance(60_000);
    expect(await worker.tick()).toBe(1);
    t.clock.advance(60_000);
    expect(await worker.tick()).toBe(0);

    expect(target.received).toHaveLength(3);
    for (const r of target.received) {
      expect(r.signature).toBe(signBody(r.body, SECRET));
      expect(r.idempotencyKey).toBe(`flash-sold:${token}`);
    }
    expect(JSON.parse(target.received[0]!.body)).toMatchObject({ type: 'inventory.sold', sku: 'inv-1', quantity: 2, campaignId: 'c-inv', orderId: 'o1' });
    expect(await outboxStatus(t.deps.db, `flash-sold:${token}`)).toEqual({ status: 'delivered', attempts: 3 });
  });

  it('caps open flash stock at a lower reported inventory and validates the batch', async () => {
    const t = await app('http://127.0.0.1:9/unused');
    const inventoryKey = await t.apiKey(['inventory']);
    const flashKey = await t.apiKey(['flash']);
    await t.request.put('/api/v1/inventory/inv-1').set('x-api-key', inventoryKey).send({ quantity: 10 });
    await t.request.post('/api/v1/flash-sales/c-inv/reservations').set('x-api-key', flashKey).send({ userId: 'u1', sku: 'inv-1', quantity: 3, idempotencyKey: 'k1' });
    const capped = await t.request.put('/api/v1/inventory').set('x-api-key', inventoryKey).send({ items: [{ sku: 'inv-1', quantity: 4 }, { sku: 'other', quantity: 1 }] });
    expect(capped.body).toEqual({ updated: 2, cappedSaleItems: [{ campaignId: 'c-inv', sku: 'inv-1', stock: 4 }] });
    const drifts = await flashSaleRuntime(t.deps)!.reconcile();
    expect(drifts[0]).toMatchObject({ redisSold: 3, sqlSold: 3, drift: 0 });
    const bad = await t.request.put('/api/v1/inventory').set('x-api-key', inventoryKey).send({ items: [{ sku: 'a', quantity: -1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('items.0.quantity');
    expect((await t.request.put('/api/v1/inventory/inv-1').set('x-api-key', flashKey).send({ quantity: 1 })).status).toBe(403);
  });
});
