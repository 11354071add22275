import fc from 'fast-check';
import type { Offer } from '@promo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { limitKeys } from '../limits/limit-keys.js';
import { campaignDoc, publishCampaign, quoteBody, seedItems, stateDump, waitUntilApplied } from '../orders/orders.fixtures.js';

const OFFER: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1000, off: 100 }] };
const KNOWN_SKUS = new Set(['apple']);

const nasty = fc.oneof(
  fc.constantFrom("'; DROP TABLE orders; --", '" OR 1=1 --', 'Robert\'); DELETE FROM coupons;--', '%00', '{{7*7}}', '../../etc/passwd', '🍎🍏', '苹果\u0000'),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ maxLength: 300 }),
);
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
const badQuantity = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 10_000 }), fc.double({ noInteger: true }), fc.constant('2'), fc.constant(null));
const unknownSku = nasty.filter((s) => !KNOWN_SKUS.has(s));

type Body = Record<string, unknown>;

function validBody(orderId?: string): Body {
  return { ...(orderId ? { orderId } : {}), ...quoteBody({ userId: 'fuzzer', lines: [{ sku: 'apple', quantity: 2 }] }) };
}

/** One corruption that makes a valid body invalid (so only 4xx is acceptable). */
function corrupted(withOrderId: boolean): fc.Arbitrary<unknown> {
  const fields = withOrderId ? ['userId', 'channel', 'cart', 'orderId'] : ['userId', 'channel', 'cart'];
  return fc.oneof(
    fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries(validBody(withOrderId ? 'fz-1' : undefined)).filter(([k]) => k !== field))),
    fc.tuple(fc.constantFrom(...fields), wrongType).map(([field, value]) => ({ ...validBody(withOrderId ? 'fz-1' : undefined), [field]: value })),
    badQuantity.map((quantity) => ({ ...validBody(withOrderId ? 'fz-1' : undefined), cart: { lines: [{ sku: 'apple', quantity }] } })),
    unknownSku.map((sku) => ({ ...validBody(withOrderId ? 'fz-1' : undefined), cart: { lines: [{ sku, quantity: 1 }] } })),
    fc.integer({ min: 201, max: 3000 }).map((n) => ({ ...validBody(withOrderId ? 'fz-1' : undefined), cart: { lines: Array.from({ length: n }, () => ({ sku: 'apple', quantity: 1 })) } })),
    nasty.filter((s) => s.length === 0 || s.length > 64 || /[^A-Za-z0-9_.:-]/.test(s)).map((channel) => ({ ...validBody(withOrderId ? 'fz-1' : undefined), channel })),
    fc.anything().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
    fc.dictionary(nasty, fc.anything(), { maxKeys: 5 }),
    ...(withOrderId ? [nasty.filter((s) => s.length === 0 || s.length > 64 || /[^A-Za-z0-9_.:-]/.test(s)).map((orderId) => ({ ...validBody(), orderId }))] : []),
  );
}

describe('fuzzed /quote and /orders bodies', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp();
    key = await t.apiKey(['quote', 'orders']);
    await seedItems(t, [{ sku: 'apple', price: 600, cost: 300 }]);
    await publishCampaign(t, campaignDoc('fuzzed', OFFER, t.clock.now(), { limits: { budget: 10_000 } }));
    await waitUntilApplied(t, key, quoteBody({ userId: 'probe', lines: [{ sku: 'apple', quantity: 2 }] }), 'fuzzed');
    const committed = await t.request.post('/api/v1/orders').set('X-Api-Key', key).send(validBody('before-fuzz'));
    expect(committed.status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  for (const path of ['/api/v1/quote', '/api/v1/orders'] as const) {
    it(`answers ${path} junk with a 4xx in the error shape and stores nothing`, async () => {
      const keys = [limitKeys.budget('fuzzed'), limitKeys.usage('fuzzed')];
      const before = await stateDump(t, keys);
      await fc.assert(
        fc.asyncProperty(corrupted(path === '/api/v1/orders'), async (body) => {
          const res = await t.request.post(path).set('X-Api-Key', key).set('Content-Type', 'application/json').send(JSON.stringify(body));
          expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          const error = (res.body as { error?: { code?: unknown; message?: unknown } }).error;
          expect(typeof error?.code).toBe('string');
          expect(typeof error?.message).toBe('string');
        }),
        { numRuns: 150 },
      );
      expect(await stateDump(t, keys)).toEqual(before);
    });
  }
});
