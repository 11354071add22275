import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, HOUR, thresholdCampaign } from './campaign.fixture.js';
import { createLiveCampaigns, type LiveCampaigns } from './live-campaigns.js';

const apps: TestApp[] = [];
const lives: LiveCampaigns[] = [];
afterEach(async () => {
  while (lives.length > 0) await lives.pop()!.close();
  while (apps.length > 0) await apps.pop()!.close();
});

describe('live campaigns', () => {
  it('shows a campaign published on instance A in instance B within 1 s, and drops it when paused', async () => {
    const a = await createTestApp();
    apps.push(a);
    const b = await createTestApp({ shareWith: a });
    apps.unshift(b);
    const live = createLiveCampaigns(b.deps, { safetyRefreshMs: 0 });
    lives.push(live);
    await live.start();
    const before = live.snapshot();
    expect(before.campaigns).toEqual([]);

    const auth = { Authorization: `Bearer ${await a.login('planner')}` };
    const now = a.clock.now();
    const doc = thresholdCampaign('cross', { start: now - HOUR, end: now + DAY });
    await a.request.post('/api/v1/campaigns').set(auth).send(doc).expect(201);
    await a.request.put('/api/v1/campaigns/cross').set(auth).send({ ...doc, name: 'published name', baseVersion: 1 }).expect(200);
    await a.request.post('/api/v1/campaigns/cross/publish').set(auth).expect(200);
    const published = performance.now();
    await expect.poll(() => live.snapshot().campaigns.map((c) => c.id), { timeout: 1000, interval: 10 }).toEqual(['cross']);
    console.info(`publish on A visible in B's snapshot after ${(performance.now() - published).toFixed(0)} ms (${a.backend})`);
    const snap = live.snapshot();
    expect(snap.version).toBeGreaterThan(before.version);
    expect(snap.campaigns[0]).toMatchObject({ name: 'published name', status: 'live', version: 2 });
    expect(snap.index.campaigns.map((c) => c.campaign.id)).toEqual(['cross']);

    // A draft edit does not change what runs until it is published.
    await a.request.put('/api/v1/campaigns/cross').set(auth).send({ ...doc, name: 'draft name', baseVersion: 2 }).expect(200);
    await live.refresh();
    expect(live.snapshot().campaigns[0]!.name).toBe('published name');

    await a.request.post('/api/v1/campaigns/cross/pause').set(auth).expect(200);
    await expect.poll(() => live.snapshot().campaigns.length, { timeout: 1000, interval: 10 }).toBe(0);
  });
});
