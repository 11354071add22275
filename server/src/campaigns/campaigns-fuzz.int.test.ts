import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, HOUR, thresholdCampaign } from './campaign.fixture.js';

let t: TestApp;
let auth: { Authorization: string };
let stored: unknown;
let storedTheme: unknown;

beforeAll(async () => {
  t = await createTestApp();
  auth = { Authorization: `Bearer ${await t.login('planner')}` };
  const now = t.clock.now();
  await t.request.post('/api/v1/themes').set(auth).send({ id: 'keep-theme', name: '主题', start: new Date(now).toISOString(), end: new Date(now + DAY).toISOString() }).expect(201);
  await t.request.post('/api/v1/campaigns').set(auth).send(thresholdCampaign('keep', { start: now - HOUR, end: now + DAY })).expect(201);
  await t.request.post('/api/v1/campaigns/keep/publish').set(auth).expect(200);
  stored = (await t.request.get('/api/v1/campaigns/keep').set(auth)).body;
  storedTheme = (await t.request.get('/api/v1/themes/keep-theme').set(auth)).body;
});
afterAll(async () => {
  await t.close();
});

const junkString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom("'; DROP TABLE promotion; --", '" OR 1=1 --', '%_\\', '满减🎉\u0000\uffff', 'a'.repeat(5000), '../../etc/passwd', '{{7*7}}'),
);
const junk = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    junkString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(junkString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A valid campaign with one field replaced by junk, dropped, or blown up into a huge array. */
const mutatedCampaign = fc
  .record({
    field: fc.constantFrom('id', 'name', 'kind', 'schedule', 'scope', 'graph', 'priority', 'limits', 'stacking', 'themeId', 'experiment', 'baseVersion'),
    mode: fc.constantFrom('junk', 'drop', 'huge'),
    value: junk,
  })
  .map(({ field, mode, value }) => {
    const now = Date.now();
    const valid: Record<string, unknown> = { ...thresholdCampaign('keep', { start: now - HOUR, end: now + DAY }), baseVersion: 999 };
    if (mode === 'drop') return Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
    return { ...valid, [field]: mode === 'huge' ? Array.from({ length: 6000 }, () => value) : value };
  });

const body = fc.oneof(junk, mutatedCampaign);

function expectClientError(res: { status: number; body: { error?: { code?: unknown; message?: unknown } } }): void {
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(typeof res.body.error?.code).toBe('string');
  expect(typeof res.body.error?.message).toBe('string');
}

describe('campaign endpoints under junk input', () => {
  it('answer only 4xx in the error shape and leave stored data unchanged', async () => {
    let creations = 0;
    await fc.assert(
      fc.asyncProperty(body, junkString, async (payload, id) => {
        const safeId = encodeURIComponent(id.slice(0, 80)) || 'x';
        // A mutation can leave a valid document under a new id (e.g. the id dropped): that is a real create.
        const created = await t.request.post('/api/v1/campaigns').set(auth).type('json').send(JSON.stringify(payload) ?? 'null');
        if (created.status === 201) creations += 1;
        else expectClientError(created);
        expectClientError(await t.request.put('/api/v1/campaigns/keep').set(auth).type('json').send(JSON.stringify(payload) ?? 'null'));
        expectClientError(await t.request.put(`/api/v1/campaigns/${safeId}`).set(auth).type('json').send(JSON.stringify(payload) ?? 'null'));
        const pushed = await t.request.post('/api/v1/sync/push').set(auth).send({ changes: [{ entityType: 'campaign', id: 'keep', baseVersion: 999, doc: payload }] });
        if (pushed.status === 200) expect(pushed.body.results[0].status).not.toBe('accepted');
        else expectClientError(pushed);
        expectClientError(await t.request.put('/api/v1/themes/keep-theme').set(auth).type('json').send(JSON.stringify(payload) ?? 'null'));
        const list = await t.request.get('/api/v1/campaigns').query({ q: id.slice(0, 100), status: id.slice(0, 10) }).set(auth);
        expect(list.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect((await t.request.get('/api/v1/campaigns/keep').set(auth)).body).toEqual(stored);
    expect((await t.request.get('/api/v1/themes/keep-theme').set(auth)).body).toEqual(storedTheme);
    const count = (await t.deps.db('promotion').count({ n: '*' })) as { n: number | string }[];
    expect(Number(count[0]!.n)).toBe(1 + creations);
  });
});
