import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, HOUR, thresholdCampaign } from './campaign.fixture.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

async function world(config: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp({ now: Date.parse('2026-11-10T12:00:00+08:00'), ...config });
  apps.push(t);
  const planner = await t.login('planner');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  return { t, planner, auth, now: t.clock.now() };
}

describe('campaign CRUD', () => {
  it('creates, reads, lists with filters and saves with the right baseVersion', async () => {
    const { t, planner, auth, now } = await world();
    const created = await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('c-1', { start: now + HOUR, end: now + DAY }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'c-1', status: 'draft', version: 1, createdBy: 'test-planner', publishedVersion: null });

    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('c-2', { start: now + 10 * DAY, end: now + 20 * DAY }, { name: '其他活动' })).expect(201);

    const filtered = await t.request.get('/api/v1/campaigns').query({ from: new Date(now).toISOString(), to: new Date(now + 2 * DAY).toISOString() }).set(auth(planner));
    expect(filtered.body.campaigns.map((c: { id: string }) => c.id)).toEqual(['c-1']);
    const byText = await t.request.get('/api/v1/campaigns').query({ q: '其他', kind: 'threshold_off', status: 'draft' }).set(auth(planner));
    expect(byText.body.campaigns.map((c: { id: string }) => c.id)).toEqual(['c-2']);

    const saved = await t.request.put('/api/v1/campaigns/c-1').set(auth(planner)).send({ ...thresholdCampaign('c-1', { start: now + HOUR, end: now + DAY }, { name: '改名' }), baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: '改名', version: 2 });
  });

  it('answers a stale baseVersion with 409 and the server copy, changing nothing', async () => {
    const { t, planner, auth, now } = await world();
    const doc = thresholdCampaign('c-1', { start: now + HOUR, end: now + DAY });
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(doc).expect(201);
    await t.request.put('/api/v1/campaigns/c-1').set(auth(planner)).send({ ...doc, name: 'A', baseVersion: 1 }).expect(200);
    const stale = await t.request.put('/api/v1/campaigns/c-1').set(auth(planner)).send({ ...doc, name: 'B', baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details).toMatchObject({ serverVersion: 2, server: { id: 'c-1', name: 'A', version: 2 } });
    const now2 = await t.request.get('/api/v1/campaigns/c-1').set(auth(planner));
    expect(now2.body.name).toBe('A');
  });

  it('reports validation problems naming the node', async () => {
    const { t, planner, auth, now } = await world();
    const doc = thresholdCampaign('c-bad', { start: now + HOUR, end: now + DAY });
    doc.graph = { nodes: [...doc.graph.nodes, { id: 'lonely', type: 'cart_subtotal', args: { minSpend: -5 } }], edges: [...doc.graph.edges, { id: 'dangling', source: 'start', target: 'ghost' }] };
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(doc).expect(201);
    const result = await t.request.post('/api/v1/campaigns/c-bad/validate').set(auth(planner));
    expect(result.status).toBe(200);
    expect(result.body.valid).toBe(false);
    const named = result.body.problems.map((p: { nodeId?: string; edgeId?: string }) => p.nodeId ?? p.edgeId);
    expect(named).toContain('lonely');
    expect(named).toContain('dangling');
    const publish = await t.request.post('/api/v1/campaigns/c-bad/publish').set(auth(planner));
    expect(publish.status).toBe(400);
    expect(publish.body.error.details.problems.length).toBeGreaterThan(0);
  });

  it('deletes a draft leaving a tombstone, and refuses to delete a live campaign', async () => {
    const { t, planner, auth, now } = await world();
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('gone', { start: now + HOUR, end: now + DAY })).expect(201);
    await t.request.delete('/api/v1/campaigns/gone').set(auth(planner)).expect(204);
    await t.request.get('/api/v1/campaigns/gone').set(auth(planner)).expect(404);
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('running', { start: now - HOUR, end: now + DAY })).expect(201);
    await t.request.post('/api/v1/campaigns/running/publish').set(auth(planner)).expect(200);
    const refused = await t.request.delete('/api/v1/campaigns/running').set(auth(planner));
    expect(refused.status).toBe(409);
  });
});

describe('campaign lifecycle', () => {
  it('walks draft → live → paused → live → ended → archived and refuses impossible moves', async () => {
    const { t, planner, auth, now } = await world();
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY })).expect(201);
    const step = async (action: string, expected: number) => {
      const res = await t.request.post(`/api/v1/campaigns/c-1/${action}`).set(auth(planner));
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(expected);
      return res.body as { status: string; publishedVersion: number | null; error?: { code: string } };
    };
    expect((await step('resume', 409)).error?.code).toBe('conflict');
    expect(await step('publish', 200)).toMatchObject({ status: 'live', publishedVersion: 1 });
    await step('publish', 409);
    expect((await step('pause', 200)).status).toBe('paused');
    expect((await step('resume', 200)).status).toBe('live');
    await step('archive', 409);
    expect((await step('end', 200)).status).toBe('ended');
    await step('publish', 409);
    expect((await step('archive', 200)).status).toBe('archived');
    const edit = await t.request.put('/api/v1/campaigns/c-1').set(auth(planner)).send({ ...thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY }), baseVersion: 1 });
    expect(edit.status).toBe(409);
  });

  it('publishes a future campaign as scheduled', async () => {
    const { t, planner, auth, now } = await world();
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('later', { start: now + HOUR, end: now + DAY })).expect(201);
    const res = await t.request.post('/api/v1/campaigns/later/publish').set(auth(planner));
    expect(res.body.status).toBe('scheduled');
  });

  it('keeps the published version running while a new draft version is edited, until republished', async () => {
    const { t, planner, auth, now } = await world();
    const doc = thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY });
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(doc).expect(201);
    await t.request.post('/api/v1/campaigns/c-1/publish').set(auth(planner)).expect(200);
    const edited = await t.request.put('/api/v1/campaigns/c-1').set(auth(planner)).send({ ...doc, name: 'v2', baseVersion: 1 });
    expect(edited.body).toMatchObject({ status: 'live', version: 2, publishedVersion: 1 });
    const versions = await t.deps.db('campaign_versions').where({ campaign_id: 'c-1' }).select('version');
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const republished = await t.request.post('/api/v1/campaigns/c-1/publish').set(auth(planner));
    expect(republished.body).toMatchObject({ status: 'live', publishedVersion: 2 });
  });

  it('needs an approver to publish when approval is required', async () => {
    const { t, planner, auth, now } = await world({ config: { REQUIRE_APPROVAL: true } });
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY })).expect(201);
    const denied = await t.request.post('/api/v1/campaigns/c-1/publish').set(auth(planner));
    expect(denied.status).toBe(403);
    const approver = await t.login('approver');
    const ok = await t.request.post('/api/v1/campaigns/c-1/publish').set(auth(approver));
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('live');
  });

  it('lets analysts read but not write, and screens read only live campaigns', async () => {
    const { t, planner, auth, now } = await world();
    const analyst = await t.login('analyst');
    const screen = await t.login('screen');
    await t.request.post('/api/v1/campaigns').set(auth(analyst)).send(thresholdCampaign('x', { start: now, end: now + DAY })).expect(403);
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(thresholdCampaign('x', { start: now - HOUR, end: now + DAY })).expect(201);
    await t.request.post('/api/v1/campaigns/x/publish').set(auth(planner)).expect(200);
    await t.request.get('/api/v1/campaigns').set(auth(analyst)).expect(200);
    await t.request.get('/api/v1/campaigns').set(auth(screen)).expect(403);
    const live = await t.request.get('/api/v1/campaigns/live').set(auth(screen));
    expect(live.status).toBe(200);
    expect(live.body.campaigns.map((c: { id: string }) => c.id)).toEqual(['x']);
  });
});

describe('audit', () => {
  it('records who changed what, with a field diff', async () => {
    const { t, planner, auth, now } = await world();
    const doc = thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY });
    await t.request.post('/api/v1/campaigns').set(auth(planner)).send(doc).expect(201);
    await t.request.put('/api/v1/campaigns/c-1').set(auth(planner)).send({ ...doc, name: 'renamed', priority: 7, baseVersion: 1 }).expect(200);
    await t.request.post('/api/v1/campaigns/c-1/publish').set(auth(planner)).expect(200);
    const res = await t.request.get('/api/v1/audit').query({ entityId: 'c-1' }).set(auth(planner));
    expect(res.status).toBe(200);
    const entries = res.body.entries as { action: string; actor: string; at: number; diff: { path: string; op: string; from?: unknown; to?: unknown }[] }[];
    expect(entries.map((e) => e.action)).toEqual(['campaign.publish', 'campaign.update', 'campaign.create']);
    expect(entries.every((e) => e.actor === 'test-planner' && e.at === now)).toBe(true);
    expect(entries[1]!.diff).toEqual(
      expect.arrayContaining([
        { path: 'name', op: 'change', from: doc.name, to: 'renamed' },
        { path: 'priority', op: 'change', from: 100, to: 7 },
      ]),
    );
    expect(entries[0]!.diff).toEqual(expect.arrayContaining([{ path: 'status', op: 'change', from: 'draft', to: 'live' }]));
  });
});
