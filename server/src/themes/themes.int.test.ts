import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, HOUR, thresholdCampaign } from '../campaigns/campaign.fixture.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

describe('themes', () => {
  it('groups campaigns with their budgets, saves with compare-and-set, and refuses deletion while grouping', async () => {
    const t = await createTestApp();
    apps.push(t);
    const auth = { Authorization: `Bearer ${await t.login('planner')}` };
    const now = t.clock.now();
    const theme = { id: 'd11', name: '双11', nameEn: 'Singles Day', festival: '11.11', start: new Date(now).toISOString(), end: new Date(now + 3 * DAY).toISOString(), budget: 1_000_000, palette: ['#E4393C'] };
    const created = await t.request.post('/api/v1/themes').set(auth).send(theme);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'd11', version: 1, updatedBy: 'test-planner' });
    const badWindow = await t.request.post('/api/v1/themes').set(auth).send({ ...theme, id: 'bad', end: theme.start });
    expect(badWindow.status).toBe(400);

    for (const [id, budget] of [['c1', 300_000], ['c2', 200_000]] as const) {
      await t.request.post('/api/v1/campaigns').set(auth).send(thresholdCampaign(id, { start: now + HOUR, end: now + DAY }, { themeId: 'd11', limits: { budget } })).expect(201);
    }
    const unknownTheme = await t.request.post('/api/v1/campaigns').set(auth).send(thresholdCampaign('c3', { start: now + HOUR, end: now + DAY }, { themeId: 'nope' }));
    expect(unknownTheme.status).toBe(400);

    const detail = await t.request.get('/api/v1/themes/d11').set(auth);
    expect(detail.body.campaigns.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2']);
    expect(detail.body.campaignBudgetTotal).toBe(500_000);
    expect(detail.body.theme.budget).toBe(1_000_000);

    await t.request.put('/api/v1/themes/d11').set(auth).send({ ...theme, budget: 2_000_000, baseVersion: 1 }).expect(200);
    const stale = await t.request.put('/api/v1/themes/d11').set(auth).send({ ...theme, name: 'x', baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ serverVersion: 2, server: { budget: 2_000_000 } });

    const refused = await t.request.delete('/api/v1/themes/d11').set(auth);
    expect(refused.status).toBe(409);
    for (const id of ['c1', 'c2']) await t.request.delete(`/api/v1/campaigns/${id}`).set(auth).expect(204);
    await t.request.delete('/api/v1/themes/d11').set(auth).expect(204);
    const list = await t.request.get('/api/v1/themes').set(auth);
    expect(list.body.themes).toEqual([]);
  });
});
