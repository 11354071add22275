import type { Offer, QuoteResult } from '@promo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { campaignDoc, publishCampaign, quoteBody, seedItems, waitUntilApplied } from '../orders/orders.fixtures.js';
import type { IssueResult, WalletCoupon } from './coupon.schema.js';

const FIXED_200 = { type: 'fixed', off: 200, minSpend: 0 };

describe('coupons: templates, issuing, wallets, commit and cancel', () => {
  let t: TestApp;
  let planner: string;
  let storeKey: string;

  beforeEach(async () => {
    t = await createTestApp();
    planner = await t.login('planner');
    storeKey = await t.apiKey(['quote', 'orders', 'events']);
    await seedItems(t, [{ sku: 'milk', price: 1500, cost: 900 }]);
  });
  afterEach(async () => {
    await t.close();
  });

  async function createTemplate(body: Record<string, unknown>) {
    const res = await t.request.post('/api/v1/coupon-templates').set('Authorization', `Bearer ${planner}`).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  }
  const issue = (id: string, userIds: string[]) =>
    t.request.post(`/api/v1/coupon-templates/${id}/issue`).set('Authorization', `Bearer ${planner}`).send({ userIds });
  const wallet = async (userId: string) =>
    ((await t.request.get(`/api/v1/users/${userId}/coupons`).set('X-Api-Key', storeKey)).body as { coupons: WalletCoupon[] }).coupons;
  const commit = (orderId: string, userId: string, couponIds: string[]) =>
    t.request.post('/api/v1/orders').set('X-Api-Key', storeKey).send({ orderId, ...quoteBody({ userId, lines: [{ sku: 'milk', quantity: 1 }], couponIds }) });

  it('enforces the total quantity atomically: 12 parallel single issues of a 5-coupon template issue exactly 5', async () => {
    const { id } = await createTemplate({ id: 'tq5', name: '五张', value: FIXED_200, validity: { type: 'days', days: 7 }, totalQuantity: 5 });
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => issue(id, [`user-${i}`])));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(7);
    expect(Number((await t.deps.db('coupons').where({ template_id: id }).count({ n: '*' }))[0]!.n)).toBe(5);
    const template = await t.request.get(`/api/v1/coupon-templates/${id}`).set('Authorization', `Bearer ${planner}`);
    expect((template.body as { issuedCount: number }).issuedCount).toBe(5);
  });

  it('issues a batch all or nothing against the total quantity', async () => {
    const { id } = await createTemplate({ id: 'tq3', name: '三张', value: FIXED_200, validity: { type: 'days', days: 7 }, totalQuantity: 3 });
    expect((await issue(id, ['a', 'b'])).status).toBe(200);
    const tooMany = await issue(id, ['c', 'd']);
    expect(tooMany.status).toBe(409);
    expect(await wallet('c')).toEqual([]);
    expect((await issue(id, ['c'])).status).toBe(200);
  });

  it('skips users at the per-user limit', async () => {
    const { id } = await createTemplate({ id: 'pu1', name: '每人一张', value: FIXED_200, validity: { type: 'days', days: 7 }, perUserLimit: 1 });
    const res = await issue(id, ['u1', 'u1', 'u2']);
    const body = res.body as IssueResult;
    expect(body.issued.map((i) => i.userId)).toEqual(['u1', 'u2']);
    expect(body.skipped).toEqual([{ userId: 'u1', reason: 'user_limit_reached' }]);
    expect((await issue(id, ['u1'])).body).toMatchObject({ issued: [], skipped: [{ userId: 'u1' }] });
  });

  it('uses a coupon at commit, refuses it for a second order, and gives it back on cancel', async () => {
    const { id } = await createTemplate({ id: 'fx', name: '立减2元', value: FIXED_200, validity: { type: 'days', days: 7 } });
    const couponId = (((await issue(id, ['walt'])).body as IssueResult).issued[0]!).couponId;
    const quote = await t.request.post('/api/v1/quote').set('X-Api-Key', storeKey).send(quoteBody({ userId: 'walt', lines: [{ sku: 'milk', quantity: 1 }], couponIds: [couponId] }));
    expect((quote.body as QuoteResult).totals.couponDiscount).toBe(200);
    expect((await wallet('walt'))[0]!.status).toBe('available');

    const first = await commit('w-1', 'walt', [couponId]);
    expect(first.status).toBe(200);
    expect((first.body as { result: QuoteResult }).result.coupons.applied).toEqual([{ couponId, amount: 200 }]);
    expect(await wallet('walt')).toMatchObject([{ id: couponId, status: 'used', usedOrderId: 'w-1' }]);

    const second = await commit('w-2', 'walt', [couponId]);
    expect(second.status).toBe(409);

    expect((await t.request.post('/api/v1/orders/w-1/cancel').set('X-Api-Key', storeKey).send()).status).toBe(200);
    expect(await wallet('walt')).toMatchObject([{ id: couponId, status: 'available', usedOrderId: null }]);
    expect((await commit('w-3', 'walt', [couponId])).status).toBe(200);
  });

  it('shows expired coupons as expired and does not apply them', async () => {
    const { id } = await createTemplate({ id: 'short', name: '一天', value: FIXED_200, validity: { type: 'days', days: 1 } });
    const couponId = (((await issue(id, ['old'])).body as IssueResult).issued[0]!).couponId;
    t.clock.advance(2 * 86_400_000);
    expect((await wallet('old'))[0]!.status).toBe('expired');
    const quote = await t.request.post('/api/v1/quote').set('X-Api-Key', storeKey).send(quoteBody({ userId: 'old', lines: [{ sku: 'milk', quantity: 1 }], couponIds: [couponId] }));
    expect((quote.body as QuoteResult).totals.couponDiscount).toBe(0);
    expect((quote.body as QuoteResult).coupons.rejected.map((r) => r.couponId)).toEqual([couponId]);
  });

  it('issues the new-user coupon pack once per registration and gives the first-order discount only until the first order', async () => {
    const { id } = await createTemplate({ id: 'welcome', name: '新人券', value: FIXED_200, validity: { type: 'days', days: 30 } });
    const offer: Offer = { kind: 'new_user', firstOrder: { type: 'fixed', off: 300, minSpend: 0 }, couponPack: [{ templateId: id, quantity: 2 }] };
    await publishCampaign(t, campaignDoc('nu', offer, t.clock.now()));
    await waitUntilApplied(t, storeKey, quoteBody({ userId: 'newbie', lines: [{ sku: 'milk', quantity: 1 }] }), 'nu');

    const registered = await t.request.post('/api/v1/users/newbie/registered').set('X-Api-Key', storeKey).send();
    expect(registered.status).toBe(201);
    expect((registered.body as { issued: { couponIds: string[] }[] }).issued[0]!.couponIds).toHaveLength(2);
    const repeat = await t.request.post('/api/v1/users/newbie/registered').set('X-Api-Key', storeKey).send();
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ firstTime: false, issued: [] });
    expect(await wallet('newbie')).toHaveLength(2);

    const first = await commit('n-1', 'newbie', []);
    expect((first.body as { result: QuoteResult }).result.applied.map((a) => a.campaignId)).toEqual(['nu']);
    const after = await t.request.post('/api/v1/quote').set('X-Api-Key', storeKey).send(quoteBody({ userId: 'newbie', lines: [{ sku: 'milk', quantity: 1 }] }));
    expect((after.body as QuoteResult).notApplied.find((n) => n.campaignId === 'nu')?.reason).toBe('not_new_user');
  });
});
