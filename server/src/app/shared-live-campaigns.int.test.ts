import { createTemplateGraph, type Offer } from '@promo/shared';
import type { Knex } from 'knex';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { ensureUser } from '../auth/users.repo.js';
import { flashSaleRuntime } from '../flash-sale/flash-sale.module.js';
import { liveRuntimeOf } from '../live/live-runtime.js';
import { campaignDoc } from '../orders/orders.fixtures.js';
import { createApp, type AppHandle } from './create-app.js';
import type { AppDeps } from './deps.js';

const FLASH: Offer = { kind: 'flash_sale', slots: [{ start: '00:00', end: '24:00' }], items: [{ sku: 'fs-shared', price: 990, stock: 10, perUserLimit: 1 }], reservationMinutes: 15 };

const apps: TestApp[] = [];
const handles: AppHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
  for (const app of apps.splice(0)) await app.close();
});

/** Counts the live-campaign reloads (`loadPublished` of scheduled + live; the scheduler also asks for paused). */
function countLiveLoads(db: Knex): { count: () => number; stop: () => void } {
  let loads = 0;
  const onQuery = (query: { sql: string; bindings?: readonly unknown[] }) => {
    const bindings = query.bindings ?? [];
    if (/^select .*published_version/i.test(query.sql) && bindings.includes('live') && !bindings.includes('paused')) loads += 1;
  };
  db.on('query', onQuery);
  return { count: () => loads, stop: () => void db.off('query', onQuery) };
}

describe('one live campaigns set per app instance', () => {
  it('loads published campaigns from SQL once at start and once per change, for every module', async () => {
    // The world (database, stores, clock) without modules; the app under test is built on it below,
    // so the query counter is in place before anything starts.
    const world = await createTestApp({ modules: [] });
    apps.push(world);
    const deps: AppDeps = { ...world.deps };
    const loads = countLiveLoads(deps.db);
    try {
      const handle = await createApp(deps);
      handles.push(handle);
      const address = await handle.listen(0, '127.0.0.1');
      expect(loads.count()).toBe(1);

      const request = supertest(`http://127.0.0.1:${address.port}`);
      await ensureUser(deps.db, { username: 'shared-admin', password: 'shared-admin-password', role: 'admin' }, deps.clock.now());
      const login = await request.post('/api/v1/auth/login').send({ username: 'shared-admin', password: 'shared-admin-password' }).expect(200);
      const auth = { Authorization: `Bearer ${(login.body as { token: string }).token}` };
      const doc = campaignDoc('c-shared', FLASH, deps.clock.now(), { scope: { type: 'items', skus: ['fs-shared'], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] }, graph: createTemplateGraph('flash_sale', FLASH) });
      await request.post('/api/v1/campaigns').set(auth).send(doc).expect(201);
      await request.post('/api/v1/campaigns/c-shared/publish').set(auth).send({}).expect(200);

      // The flash sale and the war room both see the campaign: with a set per module that takes two reloads.
      const flash = flashSaleRuntime(deps);
      const live = liveRuntimeOf(deps);
      await expect.poll(() => flash?.catalog.find('c-shared', 'fs-shared')?.sku, { timeout: 5000, interval: 10 }).toBe('fs-shared');
      await expect.poll(() => live?.directory.flashItemsOf({ kind: 'campaign', id: 'c-shared' }).length, { timeout: 5000, interval: 10 }).toBe(1);
      expect(loads.count()).toBe(2);
    } finally {
      loads.stop();
    }
  });
});
