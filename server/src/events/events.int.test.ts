import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { waitFor } from '../../test/services/wait-for.js';
import { liveAggregatesFor } from '../live/live-aggregates.registry.js';
import { liveTestModules } from '../live/live-test.fixtures.js';

function event(i: number, extra: Record<string, unknown> = {}) {
  return { eventId: `e-${i}`, type: i % 4 === 0 ? 'click' : 'impression', userId: `u${i % 50}`, campaignId: 'c-ev', channel: 'app', region: '31', at: Date.UTC(2026, 10, 11), ...extra };
}

describe('POST /api/v1/events', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('answers 202 to a burst of batches, counts each eventId once and stores each once in SQL', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const key = await t.apiKey(['events']);
    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 100 }, (_, i) => event(b * 50 + i)));
    const replies = await Promise.all(batches.map((events) => t.request.post('/api/v1/events').set('X-Api-Key', key).send({ events })));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 202));
    const accepted = replies.reduce((s, r) => s + (r.body as { accepted: number }).accepted, 0);
    const distinct = new Set(batches.flat().map((e) => e.eventId)).size;
    expect(accepted).toBe(distinct);
    const reading = (await liveAggregatesFor(t.deps.stores, t.clock).read(['campaign:c-ev'], Date.UTC(2026, 10, 11), 1)).get('campaign:c-ev')!;
    const clicks = [...new Set(batches.flat().filter((e) => e.type === 'click').map((e) => e.eventId))].length;
    expect(reading.totals.impressions + reading.totals.clicks).toBe(distinct);
    expect(reading.totals.clicks).toBe(clicks);
    await waitFor('events in SQL', async () => Number(((await t.deps.db('events').count({ n: '*' }).first()) as { n: number }).n) === distinct, 5000);
  });

  it('rejects a bad batch with 400 naming the field, a batch over 500, and a key without the events scope', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    const key = await t.apiKey(['events']);
    const bad = await t.request.post('/api/v1/events').set('X-Api-Key', key).send({ events: [event(1, { type: 'teleport' })] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('events.0.type');
    const big = await t.request.post('/api/v1/events').set('X-Api-Key', key).send({ events: Array.from({ length: 501 }, (_, i) => event(i)) });
    expect(big.status).toBe(400);
    const wrongScope = await t.request.post('/api/v1/events').set('X-Api-Key', await t.apiKey(['quote'])).send({ events: [event(1)] });
    expect(wrongScope.status).toBe(403);
  });
});
