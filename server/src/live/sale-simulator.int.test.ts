import type { Offer } from '@promo/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { waitFor } from '../../test/services/wait-for.js';
import { campaignDoc, publishCampaign, seedItems } from '../orders/orders.fixtures.js';
import { liveRuntimeOf } from './live-runtime.js';
import { createTestTheme, liveTestModules } from './live-test.fixtures.js';
import { simulateSale } from './sale-simulator.js';

const FLASH: Offer = { kind: 'flash_sale', slots: [{ start: '00:00', end: '24:00' }], items: [{ sku: 'tea', price: 990, stock: 40, perUserLimit: 5 }], reservationMinutes: 15 };
const THRESHOLD: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1000, off: 100 }] };

describe('sale simulator', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('reserves flash stock, commits orders and posts events over HTTP, and the war room counts exactly what it committed', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await createTestTheme(t, 'sim-fest', '模拟节');
    const now = t.clock.now();
    await seedItems(t, [{ sku: 'tea', price: 2000 }, { sku: 'rice', price: 3000 }, { sku: 'milk', price: 1200 }]);
    const items = { type: 'items' as const, skus: ['tea'], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] };
    await publishCampaign(t, campaignDoc('sim-flash', FLASH, now, { themeId: 'sim-fest', scope: items, priority: 200 }));
    await publishCampaign(t, campaignDoc('sim-threshold', THRESHOLD, now, { themeId: 'sim-fest' }));
    const key = await t.apiKey(['quote', 'orders', 'flash', 'events']);
    const runtime = liveRuntimeOf(t.deps)!;
    const room = { kind: 'theme' as const, id: 'sim-fest' };
    await waitFor('the directory to know the theme', async () => runtime.directory.flashItemsOf(room).length === 1 && runtime.directory.themeOf('sim-threshold') === 'sim-fest', 5000);

    const result = await simulateSale({ baseUrl: t.baseUrl, apiKey: key, seconds: 2, ordersPerSecond: 10, eventsPerSecond: 20, skus: ['rice', 'milk'], flashSales: [{ campaignId: 'sim-flash', skus: ['tea'] }], flashShare: 0.5, eventCampaignIds: ['sim-threshold'], users: 40, seed: 7 });
    expect(result.errors, JSON.stringify(result)).toBe(0);
    expect(result.committed + result.refused).toBe(20);
    expect(result.committed).toBeGreaterThan(10);
    expect(result.reservations).toBeGreaterThan(0);
    expect(result.confirmed).toBeLessThanOrEqual(result.reservations);
    expect(result.events).toBe(40);

    const read = async () => (await runtime.aggregates.read(['theme:sim-fest'], t.clock.now(), 5)).get('theme:sim-fest')!;
    await waitFor('the theme room to count every commit', async () => (await read()).totals.orders === result.committed, 5000);
    const reading = await read();
    expect(reading.totals.gmv).toBe(result.gmv);
    expect(reading.totals.impressions + reading.totals.clicks + reading.totals.add_to_cart).toBe(40);
    expect(new Set(reading.channels.map((c) => c.key)).size).toBeGreaterThan(1);
    const stock = await runtime.stock.inspect(runtime.directory.flashItemsOf(room)[0]!);
    expect(stock?.stock).toBe(40 - result.reservations);
  });
});
