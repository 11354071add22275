import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createLiveCampaigns } from '../campaigns/live-campaigns.js';
import { quoteBody, waitUntilApplied } from '../orders/orders.fixtures.js';
import { DEMO_MEMBERS, seedDemo } from './seed-demo.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

const count = async (t: TestApp, table: string) => Number(((await t.deps.db(table).count({ n: '*' })) as { n: number | string }[])[0]!.n);

describe('seedDemo', () => {
  it('loads 500 SKUs, a theme and a live campaign of every kind, once', async () => {
    const t = await createTestApp();
    apps.push(t);
    await seedDemo(t.deps);
    await seedDemo(t.deps);
    expect(await count(t, 'catalog_items')).toBe(500);
    expect(await count(t, 'themes')).toBe(1);
    const rows = (await t.deps.db('promotion').select('id', 'type', 'status')) as { id: string; type: string; status: string }[];
    expect(new Set(rows.map((r) => r.type)).size).toBe(7);
    expect(rows.every((r) => r.status === 'live')).toBe(true);

    const live = createLiveCampaigns(t.deps, { safetyRefreshMs: 0 });
    await live.start();
    try {
      const snapshot = live.snapshot();
      expect(snapshot.campaigns).toHaveLength(rows.length);
      expect(snapshot.index.rejected).toEqual([]);
    } finally {
      await live.close();
    }
    const auth = { Authorization: `Bearer ${await t.login('analyst')}` };
    const theme = await t.request.get('/api/v1/themes/demo-festival').set(auth);
    expect(theme.body.campaigns).toHaveLength(rows.length);
  });

  it('seeds level-3 members with points once, so the member-day campaign applies to them in quotes', async () => {
    const t = await createTestApp();
    apps.push(t);
    await seedDemo(t.deps);
    await seedDemo(t.deps);
    const members = (await t.deps.db('members').whereIn('user_id', [...DEMO_MEMBERS]).orderBy('user_id').select('user_id', 'level', 'points')) as { level: number; points: number }[];
    expect(members.map((m) => [Number(m.level), Number(m.points)])).toEqual(DEMO_MEMBERS.map(() => [3, 5000]));
    const key = await t.apiKey(['quote']);
    const sku = ((await t.deps.db('catalog_items').orderBy('sku').first('sku')) as { sku: string }).sku;
    await waitUntilApplied(t, key, quoteBody({ userId: DEMO_MEMBERS[0]!, lines: [{ sku, quantity: 1 }] }), 'demo-member-day', 10_000);
    const stranger = await t.request.post('/api/v1/quote').set('X-Api-Key', key).send(quoteBody({ userId: 'u-guest', lines: [{ sku, quantity: 1 }] }));
    expect((stranger.body as { notApplied: { campaignId: string; reason: string }[] }).notApplied.find((n) => n.campaignId === 'demo-member-day')?.reason).toBe('member_level_too_low');
  });
});
