import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { publishCampaignDoc } from '../live/live-campaign.fixture.js';
import { liveTestModules } from '../live/live-test.fixtures.js';

/** Writes committed orders with this campaign applied straight to SQL (the report reads SQL only). */
async function seedOrders(t: TestApp, campaignId: string, at: number): Promise<void> {
  const orders = [
    { id: 'r1', user: 'u1', total: 9000, discount: 1000, region: '31', channel: 'app' },
    { id: 'r2', user: 'u2', total: 4500, discount: 500, region: '44', channel: 'mini_program' },
    { id: 'r3', user: 'u1', total: 3000, discount: 300, region: '31', channel: 'app' },
  ];
  for (const o of orders) {
    await t.deps.db('orders').insert({ order_id: o.id, user_id: o.user, status: 'committed', subtotal: o.total + o.discount, discount: o.discount, total: o.total, result: '{}', limits_plan: '{}', created_at: at, cancelled_at: null });
    await t.deps.db('promotion_records').insert({ user_id: o.user, promotion_id: campaignId, order_id: o.id, create_time: at, discount: o.discount, variant: null });
    await t.deps.db('order_facts').insert({ order_id: o.id, user_id: o.user, channel: o.channel, region: o.region, subtotal: o.total + o.discount, discount: o.discount, total: o.total, committed_at: at, cancelled_at: null });
  }
}

describe('reports', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('renders a campaign report as JSON figures, HTML with SVG charts, and CSV with its header and rows', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishCampaignDoc(t, 'c-rep', { budget: 10_000 });
    await seedOrders(t, 'c-rep', t.clock.now() - 60_000);
    const token = await t.login('analyst');
    const json = await t.request.get('/api/v1/reports/campaigns/c-rep').set('Authorization', `Bearer ${token}`);
    expect(json.status, JSON.stringify(json.body)).toBe(200);
    expect(json.body).toMatchObject({ participation: 2, orders: 3, gmv: 16_500, discountCost: 1800, budgetBurn: 0.18, repurchase: { buyers: 2, repeatBuyers: 1, rate: 0.5 } });
    expect(json.body.byRegion[0]).toEqual({ key: '31', orders: 2, gmv: 12_000, discount: 1300, buyers: 1 });
    expect(json.body.expected.map((e: { effect: string }) => e.effect)).toEqual(['activity', 'orders', 'newUserConversion', 'repurchase']);

    const html = await t.request.get('/api/v1/reports/campaigns/c-rep?format=html&lang=en').set('Authorization', `Bearer ${token}`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect((html.text.match(/<svg[\s>]/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html.text).toContain('GMV by region');

    const csv = await t.request.get('/api/v1/reports/campaigns/c-rep?format=csv').set('Authorization', `Bearer ${token}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('section,key,orders,gmv_fen,discount_fen,buyers,value');
    expect(lines).toContain('summary,gmv_fen,,16500,,,16500');
    expect(lines).toContain('region,31,2,12000,1300,1,');
    expect(lines).toContain('channel,mini_program,1,4500,500,1,');
  });

  it('keeps reports to analysts and above, and answers 404 for an unknown campaign', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const screen = await t.request.get('/api/v1/reports/campaigns/nope').set('Authorization', `Bearer ${await t.login('screen')}`);
    expect(screen.status).toBe(403);
    const missing = await t.request.get('/api/v1/reports/campaigns/nope').set('Authorization', `Bearer ${await t.login('analyst')}`);
    expect(missing.status).toBe(404);
  });

  it('serves the kiosk page shell, its script and ECharts', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const page = await t.request.get('/warroom/fest?token=abc&lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('War room');
    expect(page.text).toContain('/warroom/assets/warroom.js');
    const script = await t.request.get('/warroom/assets/warroom.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('subscribe');
    const charts = await t.request.get('/warroom/assets/echarts.min.js');
    expect(charts.status).toBe(200);
    expect((await t.request.get('/warroom/bad%20id')).status).toBe(400);
    // The page's own policy replaces the API's default one; the token in its URL never leaves as a referrer.
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' ws: wss:");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Served over plain HTTP on a LAN address, nothing may be upgraded to an https:// nobody serves.
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect((await t.request.get('/healthz')).headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const unknown = await t.request.get('/warroom/assets/nothing/here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('opens the kiosk on a sign-in card without a token, and the screen role may read the theme name for its header', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const bare = await t.request.get('/warroom/fest');
    expect(bare.status).toBe(200);
    expect(bare.text).toContain('<div id="signin" class="signin">');
    expect(bare.text).toContain('登录作战大屏');
    expect(bare.text).toContain('<span id="status" class="status">未登录</span>');
    const provisioned = await t.request.get('/warroom/fest?token=abc&lang=en');
    expect(provisioned.text).toContain('<div id="signin" class="signin" hidden>');
    expect(bare.text).toContain('<button id="signout" class="signout" type="button" hidden>退出登录</button>');
    expect(provisioned.text).toContain('<button id="signout" class="signout" type="button">Sign out</button>');
    expect(provisioned.text).toContain('Sign in to the war room');
    const script = await t.request.get('/warroom/assets/warroom.js');
    expect(script.text).toContain('/api/v1/auth/login');
    expect(script.text).toContain('sessionStorage');
    // The header's name comes from GET /themes/:id: a screen passes the role check (404, not 403).
    const theme = await t.request.get('/api/v1/themes/no-such-theme').set('Authorization', `Bearer ${await t.login('screen')}`);
    expect(theme.status).toBe(404);
  });
});
