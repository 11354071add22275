import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { startRedis, type RedisService } from '../../test/services/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { saveInventoryLevels } from '../inventory/inventory.repo.js';
import { flashCampaign, staticCampaigns } from './flash-campaign.fixture.js';
import { flashSaleModule, flashSaleRuntime } from './flash-sale.module.js';

const NOW = Date.UTC(2026, 10, 11, 2, 0, 0);
const STOCK = 300;

// Restarting a real redis-server only exists on the Redis backend; the embedded twin's "lost
// state" path is covered in flash-sale.int.test.ts.
if (backendServices().backend === 'mariadb-redis') {
  describe('flash sale across a Redis restart', () => {
    let redis: RedisService | undefined;
    let app: TestApp | undefined;
    afterEach(async () => {
      await app?.close();
      await redis?.stop();
    });

    it('never oversells when Redis restarts mid-sale (AOF on), and sells out after it is back', async () => {
      redis = await startRedis({ appendonly: true });
      const campaign = flashCampaign('c-restart', [{ sku: 'rs-1', stock: STOCK, perUserLimit: 1 }], { start: NOW - 3_600_000, end: NOW + 3_600_000 });
      app = await createTestApp({
        now: NOW,
        config: { REDIS_URL: redis.url },
        modules: [flashSaleModule({ campaigns: staticCampaigns([campaign]), config: { FLASH_SWEEP_MS: 0, FLASH_RECONCILE_MS: 0, FLASH_PERSIST_MS: 50 } })],
      });
      const t = app;
      await saveInventoryLevels(t.deps.db, [{ sku: 'rs-1', quantity: STOCK }], NOW);
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
      while (statuses.filter((s) => s === 201).length < STOCK / 3) await new Promise((resolve) => setImmediate(resolve));
      await redis.restart();
      restarted = true;
      const afterRestart = statuses.length;
      await Promise.all(clients);
      expect(statuses.slice(afterRestart).filter((s) => s === 201).length).toBeGreaterThan(0);
      const flash = flashSaleRuntime(t.deps)!;
      const [drift] = await flash.reconcile();
      expect(drift).toMatchObject({ redisSold: STOCK, sqlSold: STOCK, drift: 0 });
      expect((await flash.stock.inspect({ campaignId: 'c-restart', sku: 'rs-1' }))?.stock).toBe(0);
    });
  });
}
