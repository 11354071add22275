import type { Offer, QuoteResult } from '@promo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { campaignDoc, publishCampaign, quoteBody, seedItems, stateDump, waitUntilApplied } from '../orders/orders.fixtures.js';
import type { WalletCoupon } from '../coupons/coupon.schema.js';
import type { MemberAccount } from './member.schema.js';

interface ErrorBody {
  error: { code: string; details?: { repriced?: QuoteResult } };
}

const EXCHANGE: Offer = {
  kind: 'member',
  minLevel: 3,
  benefit: { type: 'percent', payRate: 9000 },
  pointsRedemption: [
    { points: 500, reward: { type: 'item', sku: 'cup' } },
    { points: 300, reward: { type: 'coupon', templateId: 'tpl-5' } },
  ],
};
const CART = [{ sku: 'apple', quantity: 2 }];
const BOTH = [
  { campaignId: 'club', index: 0 },
  { campaignId: 'club', index: 1 },
];

describe('points exchanges (积分兑换)', () => {
  let t: TestApp;
  let key: string;
  let planner: string;

  beforeEach(async () => {
    t = await createTestApp();
    key = await t.apiKey(['quote', 'orders', 'events']);
    planner = await t.login('planner');
    await seedItems(t, [
      { sku: 'apple', price: 600, cost: 100 },
      { sku: 'cup', price: 300, cost: 100, inventory: 50 },
    ]);
    const template = await t.request
      .post('/api/v1/coupon-templates')
      .set('Authorization', `Bearer ${planner}`)
      .send({ id: 'tpl-5', name: '¥5 券', value: { type: 'fixed', off: 500 }, validity: { type: 'days', days: 30 } });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    await publishCampaign(t, campaignDoc('club', EXCHANGE, t.clock.now()));
  });
  afterEach(async () => {
    await t.close();
  });

  const body = (userId: string, redemptions: object[]) => {
    const base = quoteBody({ userId, lines: CART });
    return { ...base, cart: { ...base.cart, redemptions } };
  };
  const member = async (userId: string, points: number) => {
    expect((await t.request.put(`/api/v1/members/${userId}`).set('X-Api-Key', key).send({ level: 3 })).status).toBe(200);
    const adjusted = await t.request.post(`/api/v1/members/${userId}/points-adjustments`).set('Authorization', `Bearer ${planner}`).send({ delta: points, note: 'test' });
    expect(adjusted.status).toBe(201);
  };
  const account = async (userId: string) => (await t.request.get(`/api/v1/users/${userId}/points`).set('X-Api-Key', key)).body as MemberAccount;
  const wallet = async (userId: string) => ((await t.request.get(`/api/v1/users/${userId}/coupons`).set('X-Api-Key', key)).body as { coupons: WalletCoupon[] }).coupons;

  it('quotes an item at 0 and a coupon, consumes the points and issues the coupon at commit, and a cancel undoes both', async () => {
    await member('ann', 1000);
    await waitUntilApplied(t, key, body('ann', []), 'club');
    const before = await stateDump(t, []);
    const quoted = (await t.request.post('/api/v1/quote').set('X-Api-Key', key).send(body('ann', BOTH))).body as QuoteResult;
    expect(quoted.redemptions?.map((r) => [r.points, r.reward?.type, r.reason])).toEqual([
      [500, 'item', null],
      [300, 'coupon', null],
    ]);
    expect(quoted.lines.map((l) => [l.sku, l.final, l.gift])).toEqual([
      ['apple', 1080, false],
      ['cup', 0, true],
    ]);
    expect(await stateDump(t, [])).toEqual(before);

    const committed = await t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'o-ex', ...body('ann', BOTH) });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    // 1,000 − 800 exchanged + 10 earned on ¥10.80 paid.
    const after = await account('ann');
    expect(after.points).toBe(210);
    expect(after.ledger.filter((e) => e.orderId === 'o-ex').map((e) => [e.reason, e.delta])).toEqual(
      expect.arrayContaining([
        ['redeem', -800],
        ['earn', 10],
      ]),
    );
    expect((await wallet('ann')).map((c) => [c.templateId, c.status])).toEqual([['tpl-5', 'available']]);

    expect((await t.request.post('/api/v1/orders/o-ex/cancel').set('X-Api-Key', key).send({})).status).toBe(200);
    expect((await t.request.post('/api/v1/orders/o-ex/cancel').set('X-Api-Key', key).send({})).status).toBe(200);
    expect((await account('ann')).points).toBe(1000);
    expect((await wallet('ann')).map((c) => [c.templateId, c.status])).toEqual([['tpl-5', 'expired']]);
  });

  it('answers 409 with the re-priced result when the points no longer cover the exchanges, and changes nothing', async () => {
    await member('bob', 600);
    await waitUntilApplied(t, key, body('bob', []), 'club');
    const before = await account('bob');
    const res = await t.request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'o-bob', ...body('bob', BOTH) });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.details?.repriced?.redemptions?.map((r) => r.reason)).toEqual([null, 'insufficient_points']);
    expect(await account('bob')).toEqual(before);
    expect(await wallet('bob')).toEqual([]);
    expect(await t.deps.db('orders').where({ order_id: 'o-bob' }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});
