import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { seedEvents, seedOrders } from '../analytics/analytics-seed.fixture.js';
import { publishCampaignDoc } from '../live/live-campaign.fixture.js';
import { liveTestModules } from '../live/live-test.fixtures.js';

const DAY = 86_400_000;

/**
 * Five buyers whose history before the window makes them new, active, dormant, active + high value
 * and dormant + high value; one exposed user who did not buy; one cancelled order that must not count.
 */
async function seedAudience(t: TestApp, campaignId: string): Promise<void> {
  const from = t.clock.now() - 3_600_000;
  const at = t.clock.now() - 600_000;
  await seedOrders(t, [
    { id: 'h-act', user: 'act1', total: 5000, at: from - 2 * DAY },
    { id: 'h-dor', user: 'dor1', total: 5000, at: from - 40 * DAY },
    { id: 'h-hv', user: 'hv1', total: 120_000, at: from - 3 * DAY },
    { id: 'h-hvdor', user: 'hvdor', total: 150_000, at: from - 60 * DAY },
    { id: 'w-new-1', user: 'new1', total: 3000, discount: 300, campaignId, at, region: '31', channel: 'app' },
    { id: 'w-new-2', user: 'new1', total: 2000, discount: 200, campaignId, at: at + 1, region: '31', channel: 'web' },
    { id: 'w-act', user: 'act1', total: 4000, discount: 400, campaignId, at, region: '44', channel: 'mini_program' },
    { id: 'w-dor', user: 'dor1', total: 6000, discount: 600, campaignId, at, region: '44', channel: 'app' },
    { id: 'w-hv', user: 'hv1', total: 9000, discount: 900, campaignId, at, region: '11', channel: 'pos' },
    { id: 'w-hvdor', user: 'hvdor', total: 7000, discount: 700, campaignId, at, region: '31', channel: 'web' },
    { id: 'w-cancelled', user: 'new2', total: 9999, discount: 999, campaignId, at, region: '31', channel: 'app', status: 'cancelled' },
  ]);
  await seedEvents(t, [
    { user: 'new1', campaignId, at, region: '31', channel: 'app' },
    { user: 'new1', campaignId, at: at + 5, region: '31', channel: 'app' },
    { user: 'new2', campaignId, at, region: '31', channel: 'app' },
    { user: 'act1', campaignId, at, region: '44', channel: 'mini_program' },
    { user: 'dor1', campaignId, at, region: '44', channel: 'app' },
    { user: 'hv1', campaignId, at, region: '11', channel: 'pos' },
    { user: 'hvdor', campaignId, at, region: '31', channel: 'web' },
    { user: 'hv1', campaignId, at: from - DAY, region: '11', channel: 'pos' },
  ]);
}

describe('reports: response by segment, region and channel', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('splits exposed users, buyers, orders, GMV and discount by segment as of the window start, by region and by channel', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishCampaignDoc(t, 'c-resp');
    await seedAudience(t, 'c-resp');
    const token = await t.login('analyst');
    const get = (by: string) => t.request.get(`/api/v1/reports/campaigns/c-resp/response?by=${by}`).set('Authorization', `Bearer ${token}`);

    const segment = await get('segment');
    expect(segment.status, JSON.stringify(segment.body)).toBe(200);
    expect(segment.body).toMatchObject({ campaignId: 'c-resp', by: 'segment' });
    expect(segment.body.rows).toEqual([
      { key: 'new', exposed: 2, buyers: 1, orders: 2, gmv: 5000, discount: 500, responseRate: 0.5 },
      { key: 'active', exposed: 2, buyers: 2, orders: 2, gmv: 13_000, discount: 1300, responseRate: 1 },
      { key: 'dormant', exposed: 2, buyers: 2, orders: 2, gmv: 13_000, discount: 1300, responseRate: 1 },
      { key: 'high_value', exposed: 2, buyers: 2, orders: 2, gmv: 16_000, discount: 1600, responseRate: 1 },
    ]);

    const region = await get('region');
    expect(region.status).toBe(200);
    expect(region.body.rows).toEqual([
      { key: '31', exposed: 3, buyers: 2, orders: 3, gmv: 12_000, discount: 1200, responseRate: 2 / 3 },
      { key: '44', exposed: 2, buyers: 2, orders: 2, gmv: 10_000, discount: 1000, responseRate: 1 },
      { key: '11', exposed: 1, buyers: 1, orders: 1, gmv: 9000, discount: 900, responseRate: 1 },
    ]);

    const channel = await get('channel');
    expect(channel.status).toBe(200);
    expect(channel.body.rows).toEqual([
      { key: 'app', exposed: 3, buyers: 2, orders: 2, gmv: 9000, discount: 900, responseRate: 2 / 3 },
      { key: 'pos', exposed: 1, buyers: 1, orders: 1, gmv: 9000, discount: 900, responseRate: 1 },
      { key: 'web', exposed: 1, buyers: 2, orders: 2, gmv: 9000, discount: 900, responseRate: 1 },
      { key: 'mini_program', exposed: 1, buyers: 1, orders: 1, gmv: 4000, discount: 400, responseRate: 1 },
    ]);
  });

  it('answers 400 for an unknown split, 404 for an unknown campaign and 403 to a screen', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishCampaignDoc(t, 'c-resp2');
    const analyst = await t.login('analyst');
    expect((await t.request.get('/api/v1/reports/campaigns/c-resp2/response?by=weather').set('Authorization', `Bearer ${analyst}`)).status).toBe(400);
    expect((await t.request.get('/api/v1/reports/campaigns/nope/response').set('Authorization', `Bearer ${analyst}`)).status).toBe(404);
    expect((await t.request.get('/api/v1/reports/campaigns/c-resp2/response').set('Authorization', `Bearer ${await t.login('screen')}`)).status).toBe(403);
  });
});
