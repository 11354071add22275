import { CampaignSchema } from '@promo/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { staticCampaigns } from '../flash-sale/flash-campaign.fixture.js';
import { groupBuyModule, groupBuyService } from './group-buy.module.js';
import { createGroupReader } from './group-reader.js';

const NOW = Date.UTC(2026, 10, 11, 2, 0, 0);
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function groupCampaign(id: string, virtualFill: boolean) {
  return CampaignSchema.parse({
    id,
    name: `group ${id}`,
    kind: 'group_buy',
    status: 'live',
    schedule: { start: new Date(NOW - 3_600_000).toISOString(), end: new Date(NOW + 48 * 3_600_000).toISOString() },
    scope: { type: 'items', skus: ['gb-1'] },
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'offer', type: 'offer', args: { offer: { kind: 'group_buy', items: [{ sku: 'gb-1', groupPrice: 1990 }], groupSize: 5, fillHours: 24, virtualFill } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'offer' }],
    },
  });
}

async function app(): Promise<{ t: TestApp; key: string }> {
  const t = await createTestApp({ now: NOW, modules: [groupBuyModule({ campaigns: staticCampaigns([groupCampaign('c-gb', false), groupCampaign('c-gb-virtual', true)]), expireMs: 0 })] });
  apps.push(t);
  return { t, key: await t.apiKey(['orders']) };
}

async function openGroup(t: TestApp, key: string, campaignId: string) {
  const res = await t.request.post(`/api/v1/group-buys/${campaignId}/groups`).set('x-api-key', key).send({ userId: 'leader', sku: 'gb-1' });
  expect(res.status).toBe(201);
  return res.body as { id: string; shareCode: string };
}

describe('group buy', () => {
  it('seats exactly the group size out of 50 parallel joins, and completes the group once', async () => {
    const { t, key } = await app();
    const group = await openGroup(t, key, 'c-gb');
    const joins = await Promise.all(Array.from({ length: 50 }, (_, i) => t.request.post(`/api/v1/groups/${group.id}/join`).set('x-api-key', key).send({ userId: `u${i}` })));
    expect(joins.filter((r) => r.status === 200)).toHaveLength(4);
    expect(joins.filter((r) => r.status === 409).every((r) => r.body.error.code === 'group_full')).toBe(true);
    const view = await t.request.get(`/api/v1/groups/${group.shareCode}`).set('x-api-key', key);
    expect(view.body).toMatchObject({ status: 'complete', memberCount: 5 });
    expect(view.body.members).toHaveLength(5);
    expect(await t.deps.db('outbox').where({ dedupe_key: `group.completed:${group.id}` })).toHaveLength(1);
  });

  it('joins by share code idempotently and gives members the group price through the reader', async () => {
    const { t, key } = await app();
    const group = await openGroup(t, key, 'c-gb');
    const first = await t.request.post(`/api/v1/groups/${group.shareCode}/join`).set('x-api-key', key).send({ userId: 'friend' });
    const again = await t.request.post(`/api/v1/groups/${group.id}/join`).set('x-api-key', key).send({ userId: 'friend' });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.memberCount).toBe(2);
    const reader = createGroupReader(t.deps);
    expect(await reader.getMemberships('friend', [group.id, 'g_unknown'])).toEqual(new Map([[group.id, { campaignId: 'c-gb', sku: 'gb-1', status: 'open', isLeader: false }]]));
    expect((await reader.getMemberships('stranger', [group.id])).size).toBe(0);
  });

  it('fails an unfilled group at expiry, releases its members with a refund event, exactly once', async () => {
    const { t, key } = await app();
    const group = await openGroup(t, key, 'c-gb');
    await t.request.post(`/api/v1/groups/${group.id}/join`).set('x-api-key', key).send({ userId: 'friend' });
    t.clock.advance(24 * 3_600_000);
    const service = groupBuyService(t.deps)!;
    const closed = await Promise.all([service.expire(), service.expire()]);
    expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await t.request.get(`/api/v1/groups/${group.id}`).set('x-api-key', key)).body.status).toBe('failed');
    const late = await t.request.post(`/api/v1/groups/${group.id}/join`).set('x-api-key', key).send({ userId: 'late' });
    expect(late.body.error.code).toBe('group_failed');
    const [event] = await t.deps.db('outbox').where({ dedupe_key: `group.failed:${group.id}` });
    expect(JSON.parse(event.payload)).toMatchObject({ type: 'group.failed', members: ['leader', 'friend'] });
    expect((await createGroupReader(t.deps).getMemberships('friend', [group.id])).size).toBe(0);
  });

  it('completes a group with virtual members at expiry when the campaign allows virtual fill', async () => {
    const { t, key } = await app();
    const group = await openGroup(t, key, 'c-gb-virtual');
    t.clock.advance(24 * 3_600_000);
    expect(await groupBuyService(t.deps)!.expire()).toBe(1);
    const view = (await t.request.get(`/api/v1/groups/${group.id}`).set('x-api-key', key)).body;
    expect(view).toMatchObject({ status: 'complete', memberCount: 5 });
    expect(view.members.filter((m: { isVirtual: boolean }) => m.isVirtual)).toHaveLength(4);
  });
});
