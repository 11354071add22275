import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, HOUR, thresholdCampaign } from './campaign.fixture.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

async function world() {
  const t = await createTestApp({ now: Date.parse('2026-11-10T12:00:00+08:00') });
  apps.push(t);
  return { t, auth: { Authorization: `Bearer ${await t.login('planner')}` }, now: t.clock.now() };
}

const countBy = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('concurrent studio writes', () => {
  it('publishes a campaign once when many publishes race: one 200, the rest 409, one version row', async () => {
    const { t, auth, now } = await world();
    await t.request.post('/api/v1/campaigns').set(auth).send(thresholdCampaign('c-1', { start: now - HOUR, end: now + DAY })).expect(201);
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => t.request.post('/api/v1/campaigns/c-1/publish').set(auth)))).map((r) => r.status);
    expect(countBy(statuses)).toEqual({ 200: 1, 409: 9 });
    const versions = await t.request.get('/api/v1/campaigns/c-1/versions').set(auth);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('creates a campaign once when many creators of one id race: one 201, the rest 409', async () => {
    const { t, auth, now } = await world();
    const doc = thresholdCampaign('same-id', { start: now + HOUR, end: now + DAY });
    const statuses = (await Promise.all(Array.from({ length: 10 }, (_, i) => t.request.post('/api/v1/campaigns').set(auth).send({ ...doc, name: `creator ${i}` })))).map((r) => r.status);
    expect(countBy(statuses)).toEqual({ 201: 1, 409: 9 });
  });

  it('creates a theme once when many pushes create the same id: one accepted, the rest conflicts', async () => {
    const { t, auth, now } = await world();
    const theme = { id: 'th-1', name: '双11', start: new Date(now).toISOString(), end: new Date(now + 5 * DAY).toISOString() };
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.request.post('/api/v1/sync/push').set(auth).send({ changes: [{ entityType: 'theme', id: 'th-1', baseVersion: 0, doc: { ...theme, name: `主题 ${i}` } }] })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    const results = responses.map((r) => (r.body.results as { status: string; serverVersion?: number }[])[0]!);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(9);
    expect(results.filter((r) => r.status === 'conflict').every((r) => r.serverVersion === 1)).toBe(true);
  });
});
