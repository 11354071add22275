import type { Offer, QuoteResult } from '@promo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createLimitsStore } from '../limits/create-limits-store.js';
import { limitKeys } from '../limits/limit-keys.js';
import { reconcileStaleClaims, STALE_CLAIM_MS } from './order-reconciler.js';
import { insertClaim, savePendingPlan } from './order.repo.js';
import { campaignDoc, publishCampaign, quoteBody, readCounters, seedItems, stateDump, waitUntilApplied } from './orders.fixtures.js';

interface ErrorBody {
  error: { code: string; message: string; details?: { repriced?: QuoteResult } };
}

const THRESHOLD: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1000, off: 100 }] };
const CART = [{ sku: 'apple', quantity: 2 }];

describe('orders: commit and cancel', () => {
  let t: TestApp;
  let key: string;

  beforeEach(async () => {
    t = await createTestApp();
    key = await t.apiKey(['quote', 'orders']);
    await seedItems(t, [{ sku: 'apple', price: 600, cost: 300 }]);
  });
  afterEach(async () => {
    await t.close();
  });

  async function commit(orderId: string, userId: string, extra: Record<string, unknown> = {}) {
    return t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId, ...quoteBody({ userId, lines: CART }), ...extra });
  }

  async function budgetSums(campaignId: string): Promise<{ n: number; sum: number }> {
    const row = (await t.deps.db('promotion_records').where({ promotion_id: campaignId }).first(t.deps.db.raw('COUNT(*) as n'), t.deps.db.raw('SUM(discount) as sum'))) as { n: number | string; sum: number | string | null };
    return { n: Number(row.n), sum: Number(row.sum ?? 0) };
  }

  it('lets exactly 50 of 200 parallel commits through a budget for 50 and never overspends it', async () => {
    await publishCampaign(t, campaignDoc('budget50', THRESHOLD, t.clock.now(), { limits: { budget: 5000 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'budget50');
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => commit(`o-${i}`, `u-${i}`)));
    const ok = responses.filter((r) => r.status === 200);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(ok).toHaveLength(50);
    expect(conflicts).toHaveLength(150);
    for (const r of ok) expect((r.body as { result: QuoteResult }).result.totals.orderDiscount).toBe(100);
    for (const r of conflicts) {
      const body = r.body as ErrorBody;
      expect(body.error.code).toBe('conflict');
      expect(body.error.details?.repriced?.notApplied.find((n) => n.campaignId === 'budget50')?.reason).toBe('budget_exhausted');
    }
    expect(await readCounters(t, [limitKeys.budget('budget50'), limitKeys.usage('budget50')])).toEqual({
      [limitKeys.budget('budget50')]: 5000,
      [limitKeys.usage('budget50')]: 50,
    });
    expect(await budgetSums('budget50')).toEqual({ n: 50, sum: 5000 });
    expect(Number((await t.deps.db('orders').where({ status: 'committed' }).count({ n: '*' }))[0]!.n)).toBe(50);
  });

  it('holds a per-user limit of 3 under 30 parallel commits of one user', async () => {
    await publishCampaign(t, campaignDoc('peruser', THRESHOLD, t.clock.now(), { limits: { perUserTotal: 3 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'peruser');
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => commit(`p-${i}`, 'alice')));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(27);
    expect(await readCounters(t, [limitKeys.userTotal('peruser', 'alice')])).toEqual({ [limitKeys.userTotal('peruser', 'alice')]: 3 });
    expect(await budgetSums('peruser')).toEqual({ n: 3, sum: 300 });
  });

  it('holds a theme budget shared by its campaigns under parallel commits', async () => {
    const admin = await t.login('admin');
    const now = t.clock.now();
    const theme = await t.request
      .post('/api/v1/themes')
      .set('Authorization', `Bearer ${admin}`)
      .send({ id: 'fest', name: '双11', start: new Date(now - 3_600_000).toISOString(), end: new Date(now + 86_400_000).toISOString(), budget: 250 });
    expect(theme.status, JSON.stringify(theme.body)).toBe(201);
    await publishCampaign(t, campaignDoc('themed', THRESHOLD, now, { themeId: 'fest' }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'themed');
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => commit(`th-${i}`, `tu-${i}`)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(2);
    expect(await readCounters(t, [limitKeys.themeBudget('fest')])).toEqual({ [limitKeys.themeBudget('fest')]: 200 });
    const late = await t.request.post('/api/v1/quote').set('X-Api-Key', key).send(quoteBody({ userId: 'late', lines: CART }));
    expect((late.body as QuoteResult).notApplied.find((n) => n.campaignId === 'themed')?.reason).toBe('budget_exhausted');
  });

  it('counts one order id committed 20 times in parallel once and answers the same order each time', async () => {
    await publishCampaign(t, campaignDoc('idem', THRESHOLD, t.clock.now(), { limits: { budget: 100_000 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'idem');
    const responses = await Promise.all(Array.from({ length: 20 }, () => commit('same-order', 'bob')));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const first = JSON.stringify(responses[0]!.body);
    for (const r of responses) expect(JSON.stringify(r.body)).toBe(first);
    expect(await budgetSums('idem')).toEqual({ n: 1, sum: 100 });
    expect(await readCounters(t, [limitKeys.usage('idem'), limitKeys.budget('idem')])).toEqual({ [limitKeys.usage('idem')]: 1, [limitKeys.budget('idem')]: 100 });
  });

  it('releases everything on cancel, answers a repeated cancel the same, and a new order id commits again', async () => {
    await publishCampaign(t, campaignDoc('cancel1', THRESHOLD, t.clock.now(), { limits: { budget: 100, perUserTotal: 1 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'cancel1');
    const keys = [limitKeys.budget('cancel1'), limitKeys.usage('cancel1'), limitKeys.userTotal('cancel1', 'carol')];
    expect((await commit('c-1', 'carol')).status).toBe(200);
    expect(await readCounters(t, keys)).toEqual({ [keys[0]!]: 100, [keys[1]!]: 1, [keys[2]!]: 1 });

    const cancelled = await t.request.post('/api/v1/orders/c-1/cancel').set('X-Api-Key', key).send();
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as { status: string }).status).toBe('cancelled');
    expect(await readCounters(t, keys)).toEqual({ [keys[0]!]: 0, [keys[1]!]: 0, [keys[2]!]: 0 });
    expect(await budgetSums('cancel1')).toEqual({ n: 0, sum: 0 });

    const again = await t.request.post('/api/v1/orders/c-1/cancel').set('X-Api-Key', key).send();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(cancelled.body);
    expect(await readCounters(t, keys)).toEqual({ [keys[0]!]: 0, [keys[1]!]: 0, [keys[2]!]: 0 });

    expect((await commit('c-1', 'carol')).status).toBe(409);
    const recommit = await commit('c-2', 'carol');
    expect(recommit.status).toBe(200);
    expect((recommit.body as { result: QuoteResult }).result.totals.orderDiscount).toBe(100);
    expect(await readCounters(t, keys)).toEqual({ [keys[0]!]: 100, [keys[1]!]: 1, [keys[2]!]: 1 });
  });

  it('answers 404 for cancelling an unknown order', async () => {
    const res = await t.request.post('/api/v1/orders/nope/cancel').set('X-Api-Key', key).send();
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).error.code).toBe('not_found');
  });

  it('changes nothing when quoting', async () => {
    await publishCampaign(t, campaignDoc('quiet', THRESHOLD, t.clock.now(), { limits: { budget: 1000, usageCap: 5, perUserTotal: 2, perUserDaily: 1 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'quiet');
    expect((await commit('q-1', 'dave')).status).toBe(200);
    const keys = [limitKeys.budget('quiet'), limitKeys.usage('quiet'), limitKeys.userTotal('quiet', 'dave')];
    const before = await stateDump(t, keys);
    for (let i = 0; i < 5; i += 1) {
      const res = await t.request.post('/api/v1/quote').set('X-Api-Key', key).send(quoteBody({ userId: 'dave', lines: CART }));
      expect(res.status).toBe(200);
    }
    expect(await stateDump(t, keys)).toEqual(before);
  });

  it('answers 409 with the re-priced result when the budget ran out between quote and commit, and commits once the new total is accepted', async () => {
    await publishCampaign(t, campaignDoc('lastone', THRESHOLD, t.clock.now(), { limits: { budget: 100 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'lastone');
    const quote = await t.request.post('/api/v1/quote').set('X-Api-Key', key).send(quoteBody({ userId: 'erin', lines: CART }));
    expect((quote.body as QuoteResult).totals.total).toBe(1100);
    expect((await commit('other', 'frank')).status).toBe(200);

    const late = await commit('erin-1', 'erin', { expectedTotal: 1100 });
    expect(late.status).toBe(409);
    const repriced = (late.body as ErrorBody).error.details!.repriced!;
    expect(repriced.totals.total).toBe(1200);
    expect(repriced.notApplied.find((n) => n.campaignId === 'lastone')?.reason).toBe('budget_exhausted');

    const accepted = await commit('erin-1', 'erin', { expectedTotal: repriced.totals.total });
    expect(accepted.status).toBe(200);
    expect((accepted.body as { result: QuoteResult }).result.totals.total).toBe(1200);
    expect(await budgetSums('lastone')).toEqual({ n: 1, sum: 100 });
  });
});

describe('orders: claims left by a dead commit', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it('releases the counters of a claim older than 5 minutes and lets the order id commit again', async () => {
    t = await createTestApp();
    const limits = createLimitsStore(t.deps);
    const plan = { orderId: 'dead:attempt', entries: [{ key: limitKeys.budget('x'), amount: 100, cap: 1000 }] };
    await insertClaim(t.deps.db, 'dead', 'ghost', t.clock.now(), { channel: 'app', province: null });
    await savePendingPlan(t.deps.db, 'dead', plan);
    // Consumed, or already counted by a first-use restore of the Redis counters from this saved plan.
    expect(['consumed', 'duplicate']).toContain((await limits.consume(plan)).status);
    expect(await readCounters(t, [limitKeys.budget('x')])).toEqual({ [limitKeys.budget('x')]: 100 });
    const deps = { db: t.deps.db, clock: t.clock, limits, logger: t.deps.logger };

    expect(await reconcileStaleClaims(deps)).toBe(0);
    t.clock.advance(STALE_CLAIM_MS + 1);
    expect(await reconcileStaleClaims(deps)).toBe(1);
    expect(await readCounters(t, [limitKeys.budget('x')])).toEqual({ [limitKeys.budget('x')]: 0 });
    expect(await t.deps.db('orders').where({ order_id: 'dead' }).first()).toBeUndefined();
    expect(await reconcileStaleClaims(deps)).toBe(0);
  });
});

describe('orders: the counter store loses its data', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it('rebuilds counters from committed orders so the budget still holds and old orders still cancel', async () => {
    t = await createTestApp();
    const key = await t.apiKey(['quote', 'orders']);
    await seedItems(t, [{ sku: 'apple', price: 600, cost: 300 }]);
    await publishCampaign(t, campaignDoc('survivor', THRESHOLD, t.clock.now(), { limits: { budget: 300 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: CART }), 'survivor');
    const commit = (orderId: string) => t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId, ...quoteBody({ userId: orderId, lines: CART }) });
    for (const id of ['s1', 's2', 's3']) expect((await commit(id)).status).toBe(200);
    expect((await t.request.post('/api/v1/orders/s3/cancel').set('X-Api-Key', key).send()).status).toBe(200);

    // Redis restarted without persistence: every key of this app is gone (embedded: SQL keeps them).
    const redis = t.deps.stores.redis;
    if (redis) {
      const keys = await redis.keys(`${t.deps.stores.keyPrefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    }

    expect(await readCounters(t, [limitKeys.budget('survivor')])).toEqual({ [limitKeys.budget('survivor')]: 200 });
    const results = await Promise.all(['s4', 's5', 's6'].map(commit));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await t.request.post('/api/v1/orders/s1/cancel').set('X-Api-Key', key).send()).status).toBe(200);
    expect(await readCounters(t, [limitKeys.budget('survivor')])).toEqual({ [limitKeys.budget('survivor')]: 200 });
  });
});
