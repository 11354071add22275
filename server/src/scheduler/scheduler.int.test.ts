import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, thresholdCampaign } from '../campaigns/campaign.fixture.js';
import { modules } from '../app/modules.js';
import { announceCampaignsChanged } from '../campaigns/campaign-events.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import { schedulerModule } from './scheduler.module.js';

// The apps run without their own background scheduler so each test decides exactly when ticks happen.
const withoutScheduler = modules.filter((m) => m !== schedulerModule);

const apps: TestApp[] = [];
const schedulers: Scheduler[] = [];
afterEach(async () => {
  while (schedulers.length > 0) await schedulers.pop()!.close();
  while (apps.length > 0) await apps.pop()!.close();
});

const T0 = Date.parse('2026-11-10T09:59:50+08:00');

async function world(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp({ now: T0, modules: withoutScheduler, ...options });
  apps.push(t);
  const auth = { Authorization: `Bearer ${await t.login('planner')}` };
  const scheduler = (app: TestApp = t) => {
    const s = createScheduler(app.deps);
    schedulers.push(s);
    return s;
  };
  const status = async (id: string) => ((await t.deps.db('promotion').where({ id }).first('status')) as { status: string }).status;
  const transitions = async (id: string) => Number(((await t.deps.db('audit_log').where({ entity_id: id, action: 'campaign.schedule' }).count({ n: '*' })) as { n: number | string }[])[0]!.n);
  const publish = async (campaign: ReturnType<typeof thresholdCampaign>) => {
    await t.request.post('/api/v1/campaigns').set(auth).send(campaign).expect(201);
    const res = await t.request.post(`/api/v1/campaigns/${campaign.id}/publish`).set(auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { status: string };
  };
  return { t, auth, scheduler, status, transitions, publish };
}

describe('scheduler', () => {
  it('starts a campaign on its start second and ends it on its end second', async () => {
    const { t, scheduler, status, publish } = await world();
    const start = Date.parse('2026-11-10T10:00:00+08:00');
    const end = start + DAY;
    expect((await publish(thresholdCampaign('s1', { start, end }))).status).toBe('scheduled');
    const s = scheduler();
    t.clock.set(start - 1);
    const before = await s.tick();
    expect(await status('s1')).toBe('scheduled');
    expect(before.nextAt).toBe(start);
    t.clock.set(start);
    await s.tick();
    expect(await status('s1')).toBe('live');
    t.clock.set(end - 1);
    await s.tick();
    expect(await status('s1')).toBe('live');
    t.clock.set(end);
    await s.tick();
    expect(await status('s1')).toBe('ended');
  });

  it('follows a weekly recurrence: live on Wednesdays 10:00–22:00, scheduled between', async () => {
    const { t, scheduler, status, publish } = await world({ now: Date.parse('2026-11-10T12:00:00+08:00') });
    const campaign = thresholdCampaign('member-day', { start: Date.parse('2026-11-09T00:00:00+08:00'), end: Date.parse('2026-11-23T00:00:00+08:00') });
    campaign.schedule.recurrence = { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', endTime: '22:00' };
    expect((await publish(campaign)).status).toBe('scheduled');
    const s = scheduler();
    const steps: [string, string][] = [
      ['2026-11-11T09:59:59+08:00', 'scheduled'],
      ['2026-11-11T10:00:00+08:00', 'live'],
      ['2026-11-11T21:59:59+08:00', 'live'],
      ['2026-11-11T22:00:00+08:00', 'scheduled'],
      ['2026-11-18T10:00:00+08:00', 'live'],
      ['2026-11-18T22:00:00+08:00', 'ended'],
    ];
    for (const [at, expected] of steps) {
      t.clock.set(Date.parse(at));
      const { nextAt } = await s.tick();
      expect(await status('member-day'), at).toBe(expected);
      if (at === '2026-11-11T10:00:00+08:00') expect(nextAt).toBe(Date.parse('2026-11-11T22:00:00+08:00'));
    }
  });

  it('recomputes from the database after a restart', async () => {
    const { t, scheduler, status, publish } = await world();
    const start = Date.parse('2026-11-10T10:00:00+08:00');
    await publish(thresholdCampaign('s1', { start, end: start + DAY }));
    const first = scheduler();
    await first.tick();
    await first.close();
    t.clock.set(start + 5_000);
    const second = scheduler();
    await second.tick();
    expect(await status('s1')).toBe('live');
  });

  it('makes each transition once with two instances ticking together', async () => {
    const { t, scheduler, status, transitions, publish } = await world();
    const other = await createTestApp({ shareWith: t, modules: withoutScheduler });
    apps.unshift(other);
    const start = Date.parse('2026-11-10T10:00:00+08:00');
    for (const id of ['p1', 'p2', 'p3']) await publish(thresholdCampaign(id, { start, end: start + DAY }));
    const a = scheduler(t);
    const b = scheduler(other);
    t.clock.set(start);
    const [ra, rb] = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    for (const id of ['p1', 'p2', 'p3']) {
      expect(await status(id)).toBe('live');
      expect(await transitions(id)).toBe(1);
    }
    expect(ra!.moved.length + rb!.moved.length).toBeLessThanOrEqual(3);
  });

  it('ends a paused campaign when its window is over, and leaves it paused before', async () => {
    const { t, scheduler, status, publish, auth } = await world();
    const start = Date.parse('2026-11-10T09:00:00+08:00');
    await publish(thresholdCampaign('p', { start, end: start + DAY }));
    await t.request.post('/api/v1/campaigns/p/pause').set(auth).expect(200);
    const s = scheduler();
    t.clock.set(start + DAY - 1);
    await s.tick();
    expect(await status('p')).toBe('paused');
    t.clock.set(start + DAY);
    await s.tick();
    expect(await status('p')).toBe('ended');
  });

  it('when started, re-checks as soon as any instance announces a campaign change', async () => {
    const { t, scheduler, status, publish } = await world();
    const start = Date.parse('2026-11-10T10:00:00+08:00');
    await publish(thresholdCampaign('bg', { start, end: start + DAY }));
    const s = scheduler();
    await s.start();
    t.clock.set(start);
    await announceCampaignsChanged(t.deps.stores, 'elsewhere', start);
    await expect.poll(() => status('bg'), { timeout: 2000, interval: 20 }).toBe('live');
  });
});
