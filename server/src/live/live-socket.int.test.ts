import { publishCampaignDoc } from './live-campaign.fixture.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { waitFor } from '../../test/services/wait-for.js';
import { liveRuntimeOf } from './live-runtime.js';
import { connected, liveClient, liveTestModules, orderInput, recorder, type LiveClient } from './live-test.fixtures.js';
import { recordOrderCancelled, recordOrderCommitted } from './order-hooks.js';

describe('live: /live namespace', () => {
  const apps: TestApp[] = [];
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const a of apps.splice(0).reverse()) await a.close();
  });

  async function app(shareWith?: TestApp): Promise<TestApp> {
    const t = await createTestApp({ modules: liveTestModules(), ...(shareWith ? { shareWith } : {}) });
    apps.push(t);
    return t;
  }

  function client(t: TestApp, token?: string): LiveClient {
    const c = liveClient(t, token);
    clients.push(c);
    return c;
  }

  it('refuses a connection without a token or with an analyst token, and accepts a screen', async () => {
    const t = await app();
    await expect(connected(client(t))).rejects.toThrow(/unauthorized/);
    await expect(connected(client(t, 'not-a-token'))).rejects.toThrow(/unauthorized/);
    await expect(connected(client(t, await t.login('analyst')))).rejects.toThrow(/forbidden/);
    await expect(connected(client(t, await t.login('screen')))).resolves.toBeUndefined();
  });

  it('refuses a screen token once it was logged out, though it opened a socket just before', async () => {
    const t = await app();
    const token = await t.login('screen');
    await expect(connected(client(t, token))).resolves.toBeUndefined();
    expect((await t.request.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(204);
    await expect(connected(client(t, token))).rejects.toThrow(/unauthorized/);
  });

  it('validates subscribe, answers with a snapshot, then streams metrics that include a commit', async () => {
    const t = await app();
    const c = client(t, await t.login('screen'));
    await connected(c);
    const bad = await c.emitWithAck('subscribe', { kind: 'galaxy', id: 'x' } as never);
    expect(bad.ok).toBe(false);
    const ok = await c.emitWithAck('subscribe', { kind: 'campaign', id: 'c-live' });
    expect(ok).toMatchObject({ ok: true, data: { room: 'campaign:c-live', snapshot: { gmv: 0, orders: 0 } } });
    const seen = recorder(c);
    await recordOrderCommitted(t.deps, orderInput('o-1', 'u1', t.clock.now(), 2500, [{ campaignId: 'c-live', amount: 300 }]));
    await waitFor('a snapshot with the order', async () => seen.metrics.some((m) => m.orders === 1 && m.gmv === 2500 && m.discountSpent === 300 && m.buyers === 1), 5000);
    const last = seen.metrics.at(-1)!;
    expect(last.regions).toEqual([{ key: '31', gmv: 2500, orders: 1 }]);
    expect(last.topSkus).toEqual([{ key: 'apple', gmv: 0, orders: 1 }]);
  });

  it('fires budget alerts once at 80% and at 100%, and again only after a cancel crossed back', async () => {
    const t = await app();
    await publishCampaignDoc(t, 'c-budget', { budget: 1000 });
    const runtime = liveRuntimeOf(t.deps)!;
    await waitFor('the directory to know the budget', async () => runtime.directory.budgetOf({ kind: 'campaign', id: 'c-budget' }) === 1000, 5000);
    const c = client(t, await t.login('screen'));
    await connected(c);
    const seen = recorder(c);
    await c.emitWithAck('subscribe', { kind: 'campaign', id: 'c-budget' });
    const commit = (id: string, amount: number) => recordOrderCommitted(t.deps, orderInput(id, `u-${id}`, t.clock.now(), 5000, [{ campaignId: 'c-budget', amount }]));
    await commit('b1', 500);
    await commit('b2', 300); // 80%
    await commit('b3', 100); // 90%: no new alert
    await commit('b4', 100); // 100%
    await commit('b5', 0);
    await waitFor('both budget alerts', async () => seen.alerts.length >= 2, 5000);
    await recordOrderCancelled(t.deps, { ...orderInput('b4', 'u-b4', t.clock.now(), 5000, [{ campaignId: 'c-budget', amount: 100 }]), cancelledAt: t.clock.now() });
    await commit('b6', 100); // back to 100%
    await waitFor('the re-crossing alert', async () => seen.alerts.length >= 3, 5000);
    expect(seen.alerts.map((a) => a.type)).toEqual(['budget_80', 'budget_100', 'budget_100']);
    expect(seen.alerts[0]).toMatchObject({ room: { kind: 'campaign', id: 'c-budget' }, message: { en: expect.stringContaining('80%') } });
  });

  it('fans out: a client on instance B sees the metric and the alert of an order committed on instance A', async () => {
    const a = await app();
    const b = await app(a);
    await publishCampaignDoc(a, 'c-fan', { budget: 1000 });
    await waitFor('A knows the budget', async () => liveRuntimeOf(a.deps)!.directory.budgetOf({ kind: 'campaign', id: 'c-fan' }) === 1000, 5000);
    const c = client(b, await b.login('screen'));
    await connected(c);
    const seen = recorder(c);
    await c.emitWithAck('subscribe', { kind: 'campaign', id: 'c-fan' });
    await recordOrderCommitted(a.deps, orderInput('f1', 'u1', a.clock.now(), 9000, [{ campaignId: 'c-fan', amount: 850 }]));
    await waitFor('B streams the order', async () => seen.metrics.some((m) => m.orders === 1 && m.gmv === 9000), 5000);
    await waitFor('B relays the alert', async () => seen.alerts.some((x) => x.type === 'budget_80'), 5000);
    expect(seen.alerts.filter((x) => x.type === 'budget_80')).toHaveLength(1);
  });

  it('relays a flash sold-out message once even though every instance receives it', async () => {
    const a = await app();
    const b = await app(a);
    const c = client(b, await b.login('screen'));
    await connected(c);
    const seen = recorder(c);
    await c.emitWithAck('subscribe', { kind: 'campaign', id: 'c-flash' });
    const message = JSON.stringify({ type: 'sold_out', campaignId: 'c-flash', sku: 'tea', stockLeft: 0, at: a.clock.now() });
    await a.deps.stores.pubsub.publish('live:alerts', message);
    await waitFor('the sold-out alert', async () => seen.alerts.length >= 1, 5000);
    await recordOrderCommitted(a.deps, orderInput('after', 'u', a.clock.now(), 100, [{ campaignId: 'c-flash', amount: 0 }]));
    await waitFor('a later snapshot', async () => seen.metrics.some((m) => m.orders === 1), 5000);
    expect(seen.alerts).toHaveLength(1);
    expect(seen.alerts[0]).toMatchObject({ type: 'sold_out', sku: 'tea', message: { zh: expect.stringContaining('售罄') } });
  });
});
