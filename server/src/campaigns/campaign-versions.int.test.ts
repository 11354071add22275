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
  const auth = async (role: Parameters<TestApp['login']>[0]) => ({ Authorization: `Bearer ${await t.login(role)}` });
  return { t, planner: await auth('planner'), auth, now: t.clock.now() };
}

describe('campaign version history', () => {
  it('lists published versions newest first with who and when, and serves each frozen document', async () => {
    const { t, planner, auth, now } = await world({ config: { REQUIRE_APPROVAL: true } });
    const approver = await auth('approver');
    const doc = thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY }, { name: '第一版' });
    await t.request.post('/api/v1/campaigns').set(planner).send(doc).expect(201);
    await t.request.post('/api/v1/campaigns/c-1/publish').set(approver).expect(200);
    const firstAt = t.clock.now();

    t.clock.advance(5 * 60_000);
    await t.request.put('/api/v1/campaigns/c-1').set(planner).send({ ...doc, name: '第二版', baseVersion: 1 }).expect(200);
    const draftOnly = await t.request.get('/api/v1/campaigns/c-1/versions').set(planner);
    expect(draftOnly.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    await t.request.post('/api/v1/campaigns/c-1/publish').set(approver).expect(200);

    const list = await t.request.get('/api/v1/campaigns/c-1/versions').set(await auth('analyst'));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      versions: [
        { version: 2, publishedAt: firstAt + 5 * 60_000, publishedBy: 'test-approver' },
        { version: 1, publishedAt: firstAt, publishedBy: 'test-approver' },
      ],
    });

    const v1 = await t.request.get('/api/v1/campaigns/c-1/versions/1').set(planner);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, publishedAt: firstAt, publishedBy: 'test-approver', doc: { id: 'c-1', name: '第一版', version: 1, kind: 'threshold_off' } });
    expect(v1.body.doc).not.toHaveProperty('updatedBy');
    const v2 = await t.request.get('/api/v1/campaigns/c-1/versions/2').set(planner);
    expect(v2.body.doc).toMatchObject({ name: '第二版', version: 2 });
  });

  it('answers an empty history for a never-published draft and 404 for unknown campaigns or versions', async () => {
    const { t, planner, now } = await world();
    await t.request.post('/api/v1/campaigns').set(planner).send(thresholdCampaign('draft', { start: now + HOUR, end: now + DAY })).expect(201);
    const empty = await t.request.get('/api/v1/campaigns/draft/versions').set(planner);
    expect(empty.body).toEqual({ versions: [] });

    const noVersion = await t.request.get('/api/v1/campaigns/draft/versions/1').set(planner);
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.error.code).toBe('not_found');
    const unknown = await t.request.get('/api/v1/campaigns/nope/versions').set(planner);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const bad = await t.request.get('/api/v1/campaigns/draft/versions/first').set(planner);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('version');
  });

  it('hides the history of a deleted campaign', async () => {
    const { t, planner, now } = await world();
    await t.request.post('/api/v1/campaigns').set(planner).send(thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY })).expect(201);
    await t.request.post('/api/v1/campaigns/c-1/publish').set(planner).expect(200);
    await t.request.post('/api/v1/campaigns/c-1/end').set(planner).expect(200);
    await t.request.delete('/api/v1/campaigns/c-1').set(planner).expect(204);
    await t.request.get('/api/v1/campaigns/c-1/versions').set(planner).expect(404);
    await t.request.get('/api/v1/campaigns/c-1/versions/1').set(planner).expect(404);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const { t } = await world();
    const res = await t.request.get('/api/v1/openapi.json');
    const paths = res.body.paths as Record<string, { get?: { responses: Record<string, unknown> } }>;
    expect(paths['/api/v1/campaigns/{id}/versions']?.get?.responses).toHaveProperty('200');
    expect(paths['/api/v1/campaigns/{id}/versions/{version}']?.get?.responses).toHaveProperty('404');
  });
});
