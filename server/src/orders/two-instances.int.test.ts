import type { Offer } from '@promo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { limitKeys } from '../limits/limit-keys.js';
import { campaignDoc, publishCampaign, quoteBody, readCounters, seedItems, waitUntilApplied } from './orders.fixtures.js';

const OFFER: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1000, off: 100 }] };
const CART = [{ sku: 'apple', quantity: 2 }];

describe('two instances on one database and store', () => {
  let a: TestApp;
  let b: TestApp;
  let key: string;

  beforeEach(async () => {
    a = await createTestApp();
    b = await createTestApp({ shareWith: a });
    key = await a.apiKey(['quote', 'orders']);
    await seedItems(a, [{ sku: 'apple', price: 600, cost: 300 }]);
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('applies a campaign published through A to quotes on B within 1 s, and holds its budget over commits split across A and B', async () => {
    await publishCampaign(a, campaignDoc('shared', OFFER, a.clock.now(), { limits: { budget: 3000 } }));
    const publishedAt = Date.now();
    await waitUntilApplied(b, key, quoteBody({ userId: 'probe', lines: CART }), 'shared', 1_000);
    expect(Date.now() - publishedAt).toBeLessThan(1_000);

    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        (i % 2 === 0 ? a : b).request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: `ab-${i}`, ...quoteBody({ userId: `u${i}`, lines: CART }) }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(30);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(50);
    expect(await readCounters(b, [limitKeys.budget('shared')])).toEqual({ [limitKeys.budget('shared')]: 3000 });
    const sum = (await a.deps.db('promotion_records').where({ promotion_id: 'shared' }).sum({ s: 'discount' }))[0] as { s: number | string };
    expect(Number(sum.s)).toBe(3000);
  });

  it('counts one order id sent to both instances at once once', async () => {
    await publishCampaign(a, campaignDoc('dup', OFFER, a.clock.now(), { limits: { budget: 100_000 } }));
    await waitUntilApplied(b, key, quoteBody({ userId: 'probe', lines: CART }), 'dup');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).request.post('/api/v1/orders').set('X-Api-Key', key).send({ orderId: 'one', ...quoteBody({ userId: 'zed', lines: CART }) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await readCounters(a, [limitKeys.usage('dup')])).toEqual({ [limitKeys.usage('dup')]: 1 });
  });
});
