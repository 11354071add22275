import { createTemplateGraph, type CampaignInput, type Offer } from '@promo/shared';
import { expect } from 'vitest';
import type { TestApp } from '../../test/test-app.js';
import { waitFor } from '../../test/services/wait-for.js';
import { createLimitsStore } from '../limits/create-limits-store.js';

/** Test data shared by the pricing / orders / coupons integration suites. */

export interface ItemSeed {
  sku: string;
  price: number;
  cost?: number;
  inventory?: number;
}

/** Writes catalog items (one category) straight to SQL: the suites test pricing, not the catalog import. */
export async function seedItems(t: TestApp, items: readonly ItemSeed[]): Promise<void> {
  const now = t.clock.now();
  await t.deps.db('categories').insert({ id: 'cat-fresh', parent_id: null, name: '生鲜', name_en: 'Fresh', sort: 0 }).onConflict('id').ignore();
  await t.deps.db('catalog_items').insert(
    items.map((i) => ({
      sku: i.sku,
      name: `商品 ${i.sku}`,
      name_en: `Item ${i.sku}`,
      category_id: 'cat-fresh',
      price: i.price,
      cost: i.cost ?? null,
      unit: '件',
      barcode: null,
      inventory: i.inventory ?? 1000,
      updated_at: now,
    })),
  );
}

export function campaignDoc(id: string, offer: Offer, nowMs: number, extra: Partial<CampaignInput> = {}): CampaignInput {
  return {
    id,
    name: `活动 ${id}`,
    kind: offer.kind,
    schedule: { start: new Date(nowMs - 3_600_000).toISOString(), end: new Date(nowMs + 7 * 86_400_000).toISOString(), timezone: 'Asia/Shanghai' },
    scope: { type: 'storewide', skus: [], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] },
    graph: createTemplateGraph(offer.kind, offer),
    ...extra,
  };
}

/** Creates and publishes a campaign through the campaigns API of `t`. */
export async function publishCampaign(t: TestApp, doc: CampaignInput): Promise<void> {
  const token = await t.login('admin');
  const created = await t.request.post('/api/v1/campaigns').set('Authorization', `Bearer ${token}`).send(doc);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await t.request.post(`/api/v1/campaigns/${doc.id}/publish`).set('Authorization', `Bearer ${token}`).send({});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
}

export interface QuoteBodyOptions {
  userId: string;
  lines: { sku: string; quantity: number }[];
  couponIds?: string[];
}

export function quoteBody(o: QuoteBodyOptions) {
  return { userId: o.userId, channel: 'app', region: { province: '31', city: '3101' }, cart: { lines: o.lines, couponIds: o.couponIds ?? [] } };
}

/** Waits until quotes on `t` apply `campaignId` (the live snapshot has it). */
export async function waitUntilApplied(t: TestApp, key: string, body: ReturnType<typeof quoteBody>, campaignId: string, timeoutMs = 5_000): Promise<void> {
  await waitFor(
    `campaign ${campaignId} applied`,
    async () => {
      const res = await t.request.post('/api/v1/quote').set('X-Api-Key', key).send(body);
      return res.status === 200 && (res.body as { applied: { campaignId: string }[] }).applied.some((a) => a.campaignId === campaignId);
    },
    timeoutMs,
    20,
  );
}

/** Current usage of counter keys, read through the app's own limits store. */
export async function readCounters(t: TestApp, keys: string[]): Promise<Record<string, number>> {
  return Object.fromEntries(await createLimitsStore(t.deps).read(keys));
}

/** Everything pricing state lives in: tables and the counters of `keys` (to prove a quote changed nothing). */
export async function stateDump(t: TestApp, keys: string[]): Promise<unknown> {
  const db = t.deps.db;
  const tables = ['orders', 'promotion_records', 'coupons', 'coupon_templates', 'limit_counters', 'limit_orders', 'user_registrations', 'members', 'points_ledger'];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await db(table).select('*').orderByRaw('1');
  return { rows, counters: await readCounters(t, keys) };
}
