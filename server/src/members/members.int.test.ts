import type { Offer, QuoteResult } from '@promo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { campaignDoc, publishCampaign, quoteBody, seedItems, stateDump, waitUntilApplied } from '../orders/orders.fixtures.js';
import type { LedgerEntry, MemberAccount } from './member.schema.js';
import { applyOrderPoints, prepareOrderPoints } from './order-points.js';

interface ErrorBody {
  error: { code: string; details?: { repriced?: QuoteResult } };
}

const MEMBER_DAY: Offer = { kind: 'member', minLevel: 3, benefit: { type: 'percent', payRate: 9000 }, pointsRedemption: [] };
const CART = [{ sku: 'apple', quantity: 2 }];

describe('members and points', () => {
  let t: TestApp;
  let key: string;
  let planner: string;

  beforeEach(async () => {
    t = await createTestApp();
    key = await t.apiKey(['quote', 'orders', 'events']);
    planner = await t.login('planner');
    await seedItems(t, [{ sku: 'apple', price: 600, cost: 100 }]);
  });
  afterEach(async () => {
    await t.close();
  });

  const quote = (body: object) => t.request.post('/api/v1/quote').set('X-Api-Key', key).send(body);
  const commit = (orderId: string, userId: string, pointsToRedeem = 0) =>
    t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId, ...withPoints(quoteBody({ userId, lines: CART }), pointsToRedeem) });
  const cancel = (orderId: string) => t.request.post(`/api/v1/orders/${orderId}/cancel`).set('X-Api-Key', key).send({});
  const adjust = (userId: string, body: object) => t.request.post(`/api/v1/members/${userId}/points-adjustments`).set('Authorization', `Bearer ${planner}`).send(body);
  const account = async (userId: string) => (await t.request.get(`/api/v1/users/${userId}/points`).set('X-Api-Key', key)).body as MemberAccount;

  function withPoints(body: ReturnType<typeof quoteBody>, pointsToRedeem: number) {
    return { ...body, cart: { ...body.cart, pointsToRedeem } };
  }

  it('prices with the server-side member level and ignores the level a request claims', async () => {
    await publishCampaign(t, campaignDoc('member-day', MEMBER_DAY, t.clock.now()));
    const set = await t.request.put('/api/v1/members/gold').set('X-Api-Key', key).send({ level: 3 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ userId: 'gold', level: 3, points: 0 });
    await waitUntilApplied(t, key, quoteBody({ userId: 'gold', lines: CART }), 'member-day');

    const claimed = await quote({ ...quoteBody({ userId: 'stranger', lines: CART }), user: { tags: [], memberLevel: 10 } });
    expect(claimed.status).toBe(200);
    expect((claimed.body as QuoteResult).applied).toEqual([]);
    expect((claimed.body as QuoteResult).notApplied.find((n) => n.campaignId === 'member-day')?.reason).toBe('member_level_too_low');
    const gold = await quote({ ...quoteBody({ userId: 'gold', lines: CART }), user: { tags: [], memberLevel: 0 } });
    expect((gold.body as QuoteResult).totals).toMatchObject({ itemDiscount: 120, total: 1080 });

    const demoted = await t.request.put('/api/v1/members/gold/level').set('Authorization', `Bearer ${planner}`).send({ level: 2 });
    expect(demoted.status).toBe(200);
    const after = await quote(quoteBody({ userId: 'gold', lines: CART }));
    expect((after.body as QuoteResult).notApplied.find((n) => n.campaignId === 'member-day')?.reason).toBe('member_level_too_low');
    const audit = await t.deps.db('audit_log').where({ entity_type: 'member', entity_id: 'gold' }).select('actor', 'action');
    expect(audit).toEqual(expect.arrayContaining([{ actor: 'test-planner', action: 'member.level' }]));
  });

  it('redeems points at commit, credits 1 point per ¥1 paid, and a cancel (twice) gives both back exactly once', async () => {
    expect((await adjust('ann', { delta: 1000, note: 'welcome' })).status).toBe(201);
    const quoted = await quote(withPoints(quoteBody({ userId: 'ann', lines: CART }), 400));
    expect((quoted.body as QuoteResult).points).toEqual({ requested: 400, used: 400, amount: 400, reason: null });
    expect((await account('ann')).points).toBe(1000);

    const committed = await commit('o-ann', 'ann', 400);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect((committed.body as { result: QuoteResult }).result.totals.total).toBe(800);
    const afterCommit = await account('ann');
    expect(afterCommit.points).toBe(1000 - 400 + 8);
    expect(afterCommit.ledger.map((e: LedgerEntry) => [e.reason, e.delta, e.orderId])).toEqual([
      ['earn', 8, 'o-ann'],
      ['redeem', -400, 'o-ann'],
      ['adjust', 1000, null],
    ]);

    expect((await cancel('o-ann')).status).toBe(200);
    expect((await cancel('o-ann')).status).toBe(200);
    const afterCancel = await account('ann');
    expect(afterCancel.points).toBe(1000);
    expect(afterCancel.ledger.slice(0, 2).map((e) => [e.reason, e.delta])).toEqual([
      ['reverse', -8],
      ['release', 400],
    ]);
    expect(await t.deps.db('points_ledger').where({ order_id: 'o-ann' }).count({ n: '*' })).toEqual([{ n: 4 }]);
  });

  it('never takes a balance below 0 under 20 parallel commits of one member', async () => {
    expect((await adjust('bob', { delta: 1000 })).status).toBe(201);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => commit(`b-${i}`, 'bob', 400)));
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(2);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(18);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect((r.body as ErrorBody).error.details?.repriced?.points.reason).toBe('insufficient_points');
    }
    const redeemed = await t.deps.db('points_ledger').where({ user_id: 'bob', reason: 'redeem' }).sum({ s: 'delta' });
    expect(Number(redeemed[0]!.s)).toBe(-800);
    expect((await account('bob')).points).toBe(1000 - 800 + 2 * 8);
  });

  it('lets exactly 2 of 20 parallel redemption transactions of 400 through a balance of 1000', async () => {
    expect((await adjust('eve', { delta: 1000 })).status).toBe(201);
    const now = t.clock.now();
    await prepareOrderPoints(t.deps.db, { userId: 'eve', orderId: 'x', redeem: 400, earn: 0, now });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.deps.db.transaction((trx) => applyOrderPoints(trx, { userId: 'eve', orderId: `e-${i}`, redeem: 400, earn: 0, now })),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(2);
    expect((await account('eve')).points).toBe(200);
  });

  it('answers 409 with the re-priced result when the points were spent between quote and commit', async () => {
    expect((await adjust('cy', { delta: 500 })).status).toBe(201);
    const quoted = await quote(withPoints(quoteBody({ userId: 'cy', lines: CART }), 500));
    expect((quoted.body as QuoteResult).points.used).toBe(500);
    expect((await adjust('cy', { delta: -200 })).status).toBe(201);
    const res = await commit('o-cy', 'cy', 500);
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.details?.repriced?.points).toMatchObject({ used: 0, reason: 'insufficient_points' });
    expect((await account('cy')).points).toBe(300);
    expect(await t.deps.db('orders').where({ order_id: 'o-cy' }).first()).toBeUndefined();
  });

  it('applies an adjustment id once, refuses to go below 0, and a quote changes nothing', async () => {
    const first = await adjust('dee', { delta: 300, adjustmentId: 'adj-1' });
    const again = await adjust('dee', { delta: 300, adjustmentId: 'adj-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ applied: false, member: { points: 300 } });
    const overdraw = await adjust('dee', { delta: -301 });
    expect(overdraw.status).toBe(409);
    expect((await adjust('dee', { delta: 0 })).status).toBe(400);
    expect((await account('dee')).points).toBe(300);

    const before = await stateDump(t, []);
    expect((await quote(withPoints(quoteBody({ userId: 'dee', lines: CART }), 300))).status).toBe(200);
    expect(await stateDump(t, [])).toEqual(before);
    const studio = await t.request.get('/api/v1/members/dee').set('Authorization', `Bearer ${await t.login('analyst')}`);
    expect(studio.body).toMatchObject({ userId: 'dee', level: 0, points: 300 });
  });
});

describe('points earning rate', () => {
  it('credits POINTS_EARN_PER_YUAN points per full ¥1 paid, from the app config', async () => {
    const t = await createTestApp({ config: { POINTS_EARN_PER_YUAN: 3 } });
    try {
      const key = await t.apiKey(['quote', 'orders']);
      await seedItems(t, [{ sku: 'apple', price: 600, cost: 100 }]);
      const committed = await t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'o-rate', ...quoteBody({ userId: 'rae', lines: CART }) });
      expect(committed.status, JSON.stringify(committed.body)).toBe(200);
      expect((committed.body as { result: QuoteResult }).result.totals.total).toBe(1200);
      const account = (await t.request.get('/api/v1/users/rae/points').set('X-Api-Key', key)).body as MemberAccount;
      expect(account.points).toBe(36);
    } finally {
      await t.close();
    }
  });
});
