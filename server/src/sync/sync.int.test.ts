import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DAY, HOUR, thresholdCampaign } from '../campaigns/campaign.fixture.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

interface Change {
  seq: number;
  entityType: string;
  id: string;
  version: number;
  deleted: boolean;
  doc?: { name: string };
}

async function world() {
  const t = await createTestApp({ now: Date.parse('2026-11-10T12:00:00+08:00') });
  apps.push(t);
  const auth = { Authorization: `Bearer ${await t.login('planner')}` };
  const now = t.clock.now();
  const theme = { id: 'th-1', name: '双11', start: new Date(now).toISOString(), end: new Date(now + 5 * DAY).toISOString(), budget: 100_000 };
  const pull = async (since: number, limit = 500) => {
    const res = await t.request.get('/api/v1/sync/changes').query({ since, limit }).set(auth);
    expect(res.status).toBe(200);
    return res.body as { changes: Change[]; cursor: number; hasMore: boolean };
  };
  const push = async (changes: unknown[]) => {
    const res = await t.request.post('/api/v1/sync/push').set(auth).send({ changes });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results as { id: string; status: string; version?: number; serverVersion?: number; server?: { name: string } | null }[];
  };
  return { t, auth, now, theme, pull, push };
}

describe('sync push', () => {
  it('accepts creates and edits from the right base, and answers a stale base with the server copy', async () => {
    const { now, theme, push, t, auth } = await world();
    const doc = thresholdCampaign('c-1', { start: now + HOUR, end: now + DAY });
    expect(await push([{ entityType: 'theme', id: 'th-1', baseVersion: 0, doc: theme }, { entityType: 'campaign', id: 'c-1', baseVersion: 0, doc: { ...doc, themeId: 'th-1' } }])).toEqual([
      { id: 'th-1', entityType: 'theme', status: 'accepted', version: 1 },
      { id: 'c-1', entityType: 'campaign', status: 'accepted', version: 1 },
    ]);
    expect(await push([{ entityType: 'campaign', id: 'c-1', baseVersion: 1, doc: { ...doc, name: 'mine' } }])).toEqual([{ id: 'c-1', entityType: 'campaign', status: 'accepted', version: 2 }]);
    const [conflict] = await push([{ entityType: 'campaign', id: 'c-1', baseVersion: 1, doc: { ...doc, name: 'theirs' } }]);
    expect(conflict).toMatchObject({ status: 'conflict', serverVersion: 2, server: { name: 'mine' } });
    const stored = await t.request.get('/api/v1/campaigns/c-1').set(auth);
    expect(stored.body.name).toBe('mine');
    const [createTwice] = await push([{ entityType: 'campaign', id: 'c-1', baseVersion: 0, doc }]);
    expect(createTwice).toMatchObject({ status: 'conflict', serverVersion: 2 });
  });

  it('accepts exactly one of many concurrent pushes from the same baseVersion', async () => {
    const { now, push } = await world();
    const doc = thresholdCampaign('c-1', { start: now + HOUR, end: now + DAY });
    await push([{ entityType: 'campaign', id: 'c-1', baseVersion: 0, doc }]);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => push([{ entityType: 'campaign', id: 'c-1', baseVersion: 1, doc: { ...doc, name: `edit ${i}` } }])));
    const statuses = results.map(([r]) => r!.status);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'conflict')).toHaveLength(11);
  });

  it('rejects a bad document with 400 naming the field', async () => {
    const { t, auth } = await world();
    const res = await t.request.post('/api/v1/sync/push').set(auth).send({ changes: [{ entityType: 'campaign', id: 'x', baseVersion: 0, doc: { name: 'no kind' } }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('changes.0.doc.kind');
  });
});

describe('sync pull', () => {
  it('pages through changes by cursor and reports deletions as tombstones, latest state only', async () => {
    const { now, theme, push, pull } = await world();
    await push([{ entityType: 'theme', id: 'th-1', baseVersion: 0, doc: theme }]);
    for (const id of ['a', 'b', 'c']) await push([{ entityType: 'campaign', id, baseVersion: 0, doc: thresholdCampaign(id, { start: now + HOUR, end: now + DAY }) }]);
    const all = await pull(0);
    expect(all.changes.map((c) => c.id)).toEqual(['th-1', 'a', 'b', 'c']);
    expect(all.changes[1]!.doc!.name).toContain('a');
    expect(all.hasMore).toBe(false);

    const page1 = await pull(0, 2);
    expect(page1.changes.map((c) => c.id)).toEqual(['th-1', 'a']);
    expect(page1.hasMore).toBe(true);
    const page2 = await pull(page1.cursor, 2);
    expect(page2.changes.map((c) => c.id)).toEqual(['b', 'c']);
    expect(page2.hasMore).toBe(false);

    await push([{ entityType: 'campaign', id: 'a', baseVersion: 1, deleted: true }, { entityType: 'campaign', id: 'b', baseVersion: 1, doc: { ...thresholdCampaign('b', { start: now + HOUR, end: now + DAY }), name: 'b2' } }]);
    const since = await pull(page2.cursor);
    expect(since.changes).toEqual([
      { seq: expect.any(Number), entityType: 'campaign', id: 'a', version: 2, deleted: true },
      expect.objectContaining({ id: 'b', version: 2, deleted: false, doc: expect.objectContaining({ name: 'b2' }) }),
    ]);
    const fromScratch = await pull(0);
    expect(fromScratch.changes.map((c) => `${c.id}@${c.version}${c.deleted ? '†' : ''}`)).toEqual(['th-1@1', 'c@1', 'a@2†', 'b@2']);
    expect((await pull(fromScratch.cursor)).changes).toEqual([]);
  });

  it('pulls 10,000 documents in keyset pages quickly', async () => {
    const { t, now, pull } = await world();
    const doc = thresholdCampaign('template', { start: now + HOUR, end: now + DAY });
    const { status: _s, version: _v, ...content } = doc;
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: `bulk-${String(i).padStart(5, '0')}`,
      name: `bulk ${i}`,
      type: 'threshold_off',
      status: 'draft',
      start_time: now + HOUR,
      end_time: now + DAY,
      rules: JSON.stringify({ ...content, id: `bulk-${String(i).padStart(5, '0')}`, name: `bulk ${i}` }),
      version: 1,
      priority: 100,
      stacking: 'exclusive',
      created_by: 'bulk',
      created_at: now,
      updated_at: now,
      updated_by: 'bulk',
      deleted: false,
    }));
    await t.deps.db.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) {
        await trx('promotion').insert(rows.slice(i, i + 500));
        await trx('sync_changes').insert(rows.slice(i, i + 500).map((r, j) => ({ seq: i + j + 1, entity_type: 'campaign', entity_id: r.id, version: 1, deleted: false, at: now })));
      }
      await trx('sync_seq').where({ id: 1 }).update({ value: rows.length });
    });
    const started = performance.now();
    let cursor = 0;
    let total = 0;
    let hasMore = true;
    while (hasMore) {
      const page = await pull(cursor, 1000);
      total += page.changes.length;
      cursor = page.cursor;
      hasMore = page.hasMore;
    }
    const ms = performance.now() - started;
    console.info(`sync pull of 10,000 docs (${t.backend}): ${ms.toFixed(0)} ms`);
    expect(total).toBe(10_000);
    expect(ms).toBeLessThan(15_000);
  });
});
