import type { Offer, QuoteResult } from '@promo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { waitFor } from '../../test/services/wait-for.js';
import { campaignDoc, publishCampaign, quoteBody, seedItems, waitUntilApplied } from '../orders/orders.fixtures.js';

interface ErrorBody {
  error: { code: string; details?: { issues?: { field: string }[] } };
}

describe('POST /quote', () => {
  let t: TestApp;
  let key: string;

  beforeEach(async () => {
    t = await createTestApp();
    key = await t.apiKey(['quote', 'flash']);
    await seedItems(t, [
      { sku: 'tea', price: 2000, cost: 800 },
      { sku: 'rice', price: 5000, cost: 3000 },
    ]);
  });
  afterEach(async () => {
    await t.close();
  });

  const quote = (body: unknown) => t.request.post('/api/v1/quote').set('X-Api-Key', key).send(body as object);

  it('prices with catalog prices, names unknown SKUs by line, and tells a new user from a returning one', async () => {
    const offer: Offer = { kind: 'new_user', firstOrder: { type: 'fixed', off: 500, minSpend: 0 }, couponPack: [] };
    await publishCampaign(t, campaignDoc('welcome', offer, t.clock.now()));
    await waitUntilApplied(t, key, quoteBody({ userId: 'n1', lines: [{ sku: 'tea', quantity: 1 }] }), 'welcome');
    const res = await quote(quoteBody({ userId: 'n1', lines: [{ sku: 'tea', quantity: 2 }, { sku: 'rice', quantity: 1 }] }));
    const result = res.body as QuoteResult;
    expect(result.totals).toMatchObject({ subtotal: 9000, orderDiscount: 500, total: 8500 });
    expect(result.lines.map((l) => l.lineId)).toEqual(['L1', 'L2']);

    await t.deps.db('orders').insert({ order_id: 'past', user_id: 'n1', status: 'committed', subtotal: 1, discount: 0, total: 1, result: '{}', limits_plan: '{"orderId":"x","entries":[]}', created_at: t.clock.now(), cancelled_at: null });
    t.clock.advance(6_000);
    const returning = await quote(quoteBody({ userId: 'n1', lines: [{ sku: 'tea', quantity: 1 }] }));
    expect((returning.body as QuoteResult).applied).toEqual([]);
    expect((returning.body as QuoteResult).notApplied.find((n) => n.campaignId === 'welcome')?.reason).toBe('not_new_user');

    const unknown = await quote(quoteBody({ userId: 'n1', lines: [{ sku: 'tea', quantity: 1 }, { sku: 'nope', quantity: 1 }] }));
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).error.details?.issues?.[0]?.field).toBe('cart.lines.1.sku');
  });

  it('gives the group price only with a group the user belongs to, less the leader discount to its leader', async () => {
    const offer: Offer = { kind: 'group_buy', items: [{ sku: 'rice', groupPrice: 3900 }], groupSize: 3, fillHours: 24, virtualFill: false, leaderDiscount: 400 };
    await publishCampaign(t, campaignDoc('gb', offer, t.clock.now(), { scope: { type: 'items', skus: ['rice'], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] } }));
    const groupKey = await t.apiKey(['orders', 'quote', 'events', 'flash', 'inventory']);
    let groupId = '';
    await waitFor(
      'group opened',
      async () => {
        const res = await t.request.post('/api/v1/group-buys/gb/groups').set('X-Api-Key', groupKey).send({ userId: 'leader', sku: 'rice' });
        groupId = (res.body as { id?: string }).id ?? '';
        return res.status === 201;
      },
      5_000,
    );
    const withGroup = await quote({ ...quoteBody({ userId: 'leader', lines: [] }), cart: { lines: [{ sku: 'rice', quantity: 1, groupId }] } });
    expect((withGroup.body as QuoteResult).lines[0]!.final).toBe(3500);
    const joined = await t.request.post(`/api/v1/groups/${groupId}/join`).set('X-Api-Key', groupKey).send({ userId: 'joiner' });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    const member = await quote({ ...quoteBody({ userId: 'joiner', lines: [] }), cart: { lines: [{ sku: 'rice', quantity: 1, groupId }] } });
    expect((member.body as QuoteResult).lines[0]!.final).toBe(3900);
    const stranger = await quote({ ...quoteBody({ userId: 'stranger', lines: [] }), cart: { lines: [{ sku: 'rice', quantity: 1, groupId }] } });
    expect((stranger.body as QuoteResult).lines[0]!.final).toBe(5000);
    expect((stranger.body as QuoteResult).notApplied.find((n) => n.campaignId === 'gb')?.reason).toBe('no_group');
  });
  it('shows a per-SKU per-user limit in quotes once commits used it', async () => {
    const offer: Offer = { kind: 'percent_off', payRate: 5000 };
    await publishCampaign(t, campaignDoc('half', offer, t.clock.now(), { limits: { perSkuPerUser: 3 } }));
    const orderKey = await t.apiKey(['orders', 'quote']);
    const body = quoteBody({ userId: 'buyer', lines: [{ sku: 'tea', quantity: 2 }] });
    await waitUntilApplied(t, key, body, 'half');
    const commit = (orderId: string, quantity: number) =>
      t.request.post('/api/v1/orders').set('X-Api-Key', orderKey).send({ orderId, ...quoteBody({ userId: 'buyer', lines: [{ sku: 'tea', quantity }] }) });
    expect((await commit('sku-1', 2)).status).toBe(200);
    // 3 − 2 bought = 1 unit at half price: 1,000 off; the other unit at 2,000.
    const partial = (await quote(body)).body as QuoteResult;
    expect(partial.lines[0]!.itemAdjustments).toEqual([{ campaignId: 'half', amount: 1000, units: 1 }]);
    expect(partial.totals.total).toBe(3000);
    // Another user is not affected.
    expect(((await quote(quoteBody({ userId: 'other', lines: [{ sku: 'tea', quantity: 2 }] }))).body as QuoteResult).totals.total).toBe(2000);
    const second = await commit('sku-2', 2);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const reached = (await quote(body)).body as QuoteResult;
    expect(reached.totals.total).toBe(4000);
    expect(reached.notApplied.find((n) => n.campaignId === 'half')?.reason).toBe('sku_limit_reached');
  });

  it('gives the flash price only to the holder of a valid reservation', async () => {
    const offer: Offer = { kind: 'flash_sale', slots: [{ start: '00:00', end: '24:00' }], items: [{ sku: 'tea', price: 990, stock: 5, perUserLimit: 1 }], reservationMinutes: 15 };
    await publishCampaign(t, campaignDoc('flash', offer, t.clock.now(), { scope: { type: 'items', skus: ['tea'], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] } }));
    let token = '';
    await waitFor(
      'reservation',
      async () => {
        const res = await t.request.post('/api/v1/flash-sales/flash/reservations').set('X-Api-Key', key).send({ userId: 'fan', sku: 'tea', quantity: 1, idempotencyKey: 'k1' });
        token = (res.body as { token?: string }).token ?? '';
        return res.status === 201;
      },
      5_000,
    );
    const line = { sku: 'tea', quantity: 1, reservationToken: token };
    const holder = await quote({ ...quoteBody({ userId: 'fan', lines: [] }), cart: { lines: [line] } });
    expect((holder.body as QuoteResult).lines[0]!.final).toBe(990);
    const other = await quote({ ...quoteBody({ userId: 'copycat', lines: [] }), cart: { lines: [line] } });
    expect((other.body as QuoteResult).lines[0]!.final).toBe(2000);
    expect((other.body as QuoteResult).notApplied.find((n) => n.campaignId === 'flash')?.reason).toBe('no_reservation');
  });
});
