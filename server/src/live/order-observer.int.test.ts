import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { waitFor } from '../../test/services/wait-for.js';
import { quoteBody, seedItems, waitUntilApplied } from '../orders/orders.fixtures.js';
import { publishCampaignDoc } from './live-campaign.fixture.js';
import { liveRuntimeOf } from './live-runtime.js';
import { connected, createTestTheme, liveClient, liveTestModules, recorder, type LiveClient } from './live-test.fixtures.js';

describe('live: orders committed and cancelled over HTTP feed the war room', () => {
  let t: TestApp;
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await t.close();
  });

  /** A published campaign selling apples (its theme optional), an orders key, and a screen watching `rooms`. */
  async function watchedSale(campaignId: string, userId: string, rooms: readonly { kind: 'campaign' | 'theme'; id: string }[], themeId?: string) {
    await publishCampaignDoc(t, campaignId, { ...(themeId ? { themeId } : {}), budget: 100_000 });
    await seedItems(t, [{ sku: 'apple', price: 600 }]);
    const key = await t.apiKey(['quote', 'orders']);
    const body = { ...quoteBody({ userId, lines: [{ sku: 'apple', quantity: 2 }] }), channel: 'mini_program', region: { province: '44', city: '4401' } };
    await waitUntilApplied(t, key, body, campaignId);
    const c = liveClient(t, await t.login('screen'));
    clients.push(c);
    await connected(c);
    const seen = recorder(c);
    for (const room of rooms) expect((await c.emitWithAck('subscribe', room)).ok).toBe(true);
    const latest = (kind: string) => seen.metrics.filter((m) => m.room.kind === kind).at(-1);
    return { key, body, seen, latest };
  }

  it('moves the campaign and theme metrics on POST /orders and takes them back on cancel', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await createTestTheme(t, 'obs-fest', '观察节');
    const { key, body, seen, latest } = await watchedSale('c-obs', 'buyer-1', [{ kind: 'campaign', id: 'c-obs' }, { kind: 'theme', id: 'obs-fest' }], 'obs-fest');

    const commit = await t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'obs-1', ...body });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    const { total, discount } = (commit.body as { result: { totals: { total: number; discount: number } } }).result.totals;
    expect([total, discount]).toEqual([1100, 100]);
    for (const kind of ['campaign', 'theme']) {
      await waitFor(`${kind} snapshot counting the commit`, async () => latest(kind)?.orders === 1, 5000);
      expect(latest(kind)).toMatchObject({ gmv: 1100, orders: 1, buyers: 1, discountSpent: 100, regions: [{ key: '44', gmv: 1100, orders: 1 }], channels: [{ key: 'mini_program', gmv: 1100, orders: 1 }], topSkus: [{ key: 'apple', orders: 2 }] });
    }
    expect(latest('campaign')!.budget).toEqual({ total: 100_000, spent: 100, left: 99_900 });
    await waitFor('the order fact in SQL', async () => (await t.deps.db('order_facts').where({ order_id: 'obs-1' }).first()) !== undefined, 5000);

    const replay = await t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'obs-1', ...body });
    expect(replay.status).toBe(200);
    const cancel = await t.request.post('/api/v1/orders/obs-1/cancel').set('X-Api-Key', key).send({});
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    for (const kind of ['campaign', 'theme']) {
      await waitFor(`${kind} snapshot without the cancelled order`, async () => latest(kind)?.orders === 0, 5000);
      expect(latest(kind)).toMatchObject({ gmv: 0, orders: 0, discountSpent: 0, regions: [{ key: '44', gmv: 0, orders: 0 }], channels: [{ key: 'mini_program', gmv: 0, orders: 0 }] });
    }
    await waitFor('the cancel in SQL', async () => ((await t.deps.db('order_facts').where({ order_id: 'obs-1' }).first()) as { cancelled_at: unknown } | undefined)?.cancelled_at != null, 5000);
    // The replayed commit counted nothing twice: after the cancel the totals are back to exactly zero.
    expect(seen.metrics.every((m) => m.orders <= 1)).toBe(true);
  });

  it('takes a cancel back from the channel and region the commit counted, while its fact is still queued for SQL', async () => {
    t = await createTestApp({ modules: liveTestModules(100, 600_000) });
    const sale = await watchedSale('c-race', 'buyer-2', [{ kind: 'campaign', id: 'c-race' }]);
    const { key, body } = sale;
    const latest = () => sale.latest('campaign');

    expect((await t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'race-1', ...body })).status).toBe(200);
    await waitFor('the snapshot counting the commit', async () => latest()?.orders === 1, 5000);
    expect(await t.deps.db('order_facts').where({ order_id: 'race-1' }).first()).toBeUndefined();
    expect((await t.request.post('/api/v1/orders/race-1/cancel').set('X-Api-Key', key).send({})).status).toBe(200);
    await waitFor('the snapshot without the cancelled order', async () => latest()?.orders === 0, 5000);
    expect(latest()).toMatchObject({ gmv: 0, orders: 0, regions: [{ key: '44', gmv: 0, orders: 0 }], channels: [{ key: 'mini_program', gmv: 0, orders: 0 }] });
    expect(latest()!.channels.map((ch) => ch.key)).toEqual(['mini_program']);

    // Written later in one flush: the fact first, then its cancel.
    await liveRuntimeOf(t.deps)!.writer.flush();
    expect(await t.deps.db('order_facts').where({ order_id: 'race-1' }).first()).toMatchObject({ channel: 'mini_program', region: '44', total: 1100 });
    expect(((await t.deps.db('order_facts').where({ order_id: 'race-1' }).first()) as { cancelled_at: unknown }).cancelled_at).not.toBeNull();
  });

  it('takes back a cancel served by another instance from the channel and region its commit counted, before the fact reached SQL', async () => {
    t = await createTestApp({ modules: liveTestModules(100, 600_000) });
    const other = await createTestApp({ shareWith: t, modules: liveTestModules(100, 600_000) });
    try {
      const sale = await watchedSale('c-far', 'buyer-3', [{ kind: 'campaign', id: 'c-far' }]);
      const latest = () => sale.latest('campaign');
      expect((await t.request.post('/api/v1/orders').set('X-Api-Key', sale.key).send({ orderId: 'far-1', ...sale.body })).status).toBe(200);
      await waitFor('the snapshot counting the commit', async () => latest()?.orders === 1, 5000);
      expect(await t.deps.db('order_facts').where({ order_id: 'far-1' }).first()).toBeUndefined();

      expect((await other.request.post('/api/v1/orders/far-1/cancel').set('X-Api-Key', sale.key).send({})).status).toBe(200);
      await waitFor('the snapshot without the cancelled order', async () => latest()?.orders === 0, 5000);
      expect(latest()!.channels).toEqual([{ key: 'mini_program', gmv: 0, orders: 0 }]);
      expect(latest()!.regions).toEqual([{ key: '44', gmv: 0, orders: 0 }]);
    } finally {
      await other.close();
    }
  });
});
