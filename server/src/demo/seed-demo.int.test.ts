import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createLiveCampaigns } from '../campaigns/live-campaigns.js';
import { seedDemo } from './seed-demo.js';

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
});
