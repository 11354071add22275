import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Campaign } from '@promo/shared';
import { resolveConflict } from '../conflicts/resolve-conflict.js';
import { deleteDocLocally, saveDocLocally } from '../db/local-docs.js';
import { entityKey, openStudioDb, type StudioDb } from '../db/studio-db.js';
import { createCampaignDraft } from '../templates/kind-templates.js';
import { MemorySyncServer } from './memory-sync-server.js';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';

let dbCount = 0;
function freshDb(): StudioDb {
  dbCount += 1;
  return openStudioDb(`sync-test-${dbCount}`, { indexedDB, IDBKeyRange });
}

function draft(id: string, name = '满减'): Campaign {
  return createCampaignDraft('threshold_off', { id, name, start: '2026-06-01T00:00:00+08:00', end: '2026-06-19T00:00:00+08:00' });
}

describe('sync engine', () => {
  let server: MemorySyncServer;
  let db: StudioDb;
  let engine: SyncEngine;
  let now = 1_000;

  beforeEach(() => {
    server = new MemorySyncServer();
    db = freshDb();
    engine = createSyncEngine({ db, transport: server.transport(), nowMs: () => now++ });
  });

  it('pulls every page since the cursor and remembers the cursor', async () => {
    for (let i = 0; i < 1_203; i += 1) server.write('campaign', `c${i}`, draft(`c${i}`));
    const report = await engine.syncOnce();
    expect(report.pulled).toBe(1_203);
    expect(await db.campaigns.count()).toBe(1_203);
    expect((await db.meta.get('cursor'))?.value).toBe(1_203);
    server.write('campaign', 'c5', draft('c5', '改名'));
    expect((await engine.syncOnce()).pulled).toBe(1);
    expect((await db.campaigns.get('c5'))?.doc).toMatchObject({ name: '改名', version: 2 });
  });

  it('pushes a local edit and records the accepted version', async () => {
    await saveDocLocally(db, 'campaign', draft('c1'), now);
    expect(await engine.counts()).toEqual({ pending: 1, conflicts: 0 });
    const report = await engine.syncOnce();
    expect(report.pushed).toBe(1);
    expect(server.get('c1')?.version).toBe(1);
    expect(await db.campaigns.get('c1')).toMatchObject({ baseVersion: 1, dirty: false, doc: { version: 1 } });
    expect(await engine.counts()).toEqual({ pending: 0, conflicts: 0 });
  });

  it('keeps offline edits queued and delivers them once the server is back', async () => {
    server.offline = true;
    await saveDocLocally(db, 'campaign', draft('c1', 'v1'), now);
    await saveDocLocally(db, 'campaign', draft('c1', 'v2'), now);
    await expect(engine.syncOnce()).rejects.toThrow('Failed to fetch');
    expect(await engine.counts()).toEqual({ pending: 1, conflicts: 0 });
    server.offline = false;
    await engine.syncOnce();
    expect(server.get('c1')?.doc).toMatchObject({ name: 'v2' });
    expect(server.pushCalls).toBe(1);
  });

  it('does not overwrite unpushed local edits with pulled changes', async () => {
    server.write('campaign', 'c1', draft('c1', 'server v1'));
    await engine.syncOnce();
    await saveDocLocally(db, 'campaign', draft('c1', 'mine'), now);
    server.write('campaign', 'c1', draft('c1', 'theirs v2'));
    const report = await engine.syncOnce();
    expect((await db.campaigns.get('c1'))?.doc.name).toBe('mine');
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]).toMatchObject({ entityId: 'c1', serverVersion: 2, mine: { name: 'mine' }, theirs: { name: 'theirs v2' } });
    expect(await engine.counts()).toEqual({ pending: 0, conflicts: 1 });
  });

  it('resolving a conflict with a merge pushes on the server version as the new base', async () => {
    server.write('campaign', 'c1', draft('c1', 'v1'));
    await engine.syncOnce();
    await saveDocLocally(db, 'campaign', { ...draft('c1', 'mine'), priority: 10 }, now);
    server.write('campaign', 'c1', draft('c1', 'theirs'));
    const [conflict] = (await engine.syncOnce()).conflicts;
    expect(conflict).toBeDefined();
    await resolveConflict(db, entityKey('campaign', 'c1'), { kind: 'keep', doc: { ...conflict!.theirs, priority: 10 } }, now);
    const report = await engine.syncOnce();
    expect(report.conflicts).toHaveLength(0);
    expect(server.get('c1')).toMatchObject({ version: 3, doc: { name: 'theirs', priority: 10 } });
    expect(await engine.counts()).toEqual({ pending: 0, conflicts: 0 });
  });

  it('taking theirs replaces the local copy without pushing', async () => {
    server.write('campaign', 'c1', draft('c1', 'v1'));
    await engine.syncOnce();
    await saveDocLocally(db, 'campaign', draft('c1', 'mine'), now);
    server.write('campaign', 'c1', draft('c1', 'theirs'));
    await engine.syncOnce();
    await resolveConflict(db, entityKey('campaign', 'c1'), { kind: 'take-theirs' }, now);
    expect(await db.campaigns.get('c1')).toMatchObject({ dirty: false, baseVersion: 2, doc: { name: 'theirs' } });
    const pushesBefore = server.pushCalls;
    await engine.syncOnce();
    expect(server.pushCalls).toBe(pushesBefore);
  });

  it('conflicts when an edit made on an older version is saved after a newer copy was pulled', async () => {
    server.write('campaign', 'c1', draft('c1', 'v1'));
    await engine.syncOnce();
    server.write('campaign', 'c1', draft('c1', 'theirs v2'));
    await engine.syncOnce();
    expect((await db.campaigns.get('c1'))?.baseVersion).toBe(2);
    // The editor opened v1 and saves its edit only now; the stored copy is not its content.
    const editorContent = JSON.stringify(draft('c1', 'v1'));
    await saveDocLocally(db, 'campaign', draft('c1', 'mine on v1'), now, { basedOn: 1, isOwnContent: (doc) => JSON.stringify({ ...doc, version: 0 }) === editorContent });
    const report = await engine.syncOnce();
    expect(report.conflicts).toHaveLength(1);
    expect(server.get('c1')?.doc).toMatchObject({ name: 'theirs v2' });
  });

  it("keeps the newer version when the stored copy is the editor's own content accepted meanwhile", async () => {
    await saveDocLocally(db, 'campaign', draft('c1', 'first'), now);
    await engine.syncOnce();
    expect((await db.campaigns.get('c1'))?.baseVersion).toBe(1);
    // The editor still thinks it is on version 0, but the stored copy is its own content.
    await saveDocLocally(db, 'campaign', draft('c1', 'second'), now, { basedOn: 0, isOwnContent: (doc) => doc.name === 'first' });
    const report = await engine.syncOnce();
    expect(report.conflicts).toEqual([]);
    expect(server.get('c1')).toMatchObject({ version: 2, doc: { name: 'second' } });
  });

  it('keeps an edit made while its push was in flight', async () => {
    await saveDocLocally(db, 'campaign', draft('c1', 'first'), now);
    const transport = server.transport();
    const slowEngine = createSyncEngine({
      db,
      nowMs: () => now++,
      transport: {
        pull: transport.pull,
        push: async (changes) => {
          await saveDocLocally(db, 'campaign', draft('c1', 'second'), now);
          return transport.push(changes);
        },
      },
    });
    await slowEngine.syncOnce();
    expect(await db.campaigns.get('c1')).toMatchObject({ dirty: true, baseVersion: 1, doc: { name: 'second' } });
    await engine.syncOnce();
    expect(server.get('c1')).toMatchObject({ version: 2, doc: { name: 'second' } });
  });

  it('pushes a large outbox in batches', async () => {
    for (let i = 0; i < 250; i += 1) await saveDocLocally(db, 'campaign', draft(`b${i}`), now);
    const report = await engine.syncOnce();
    expect(report.pushed).toBe(250);
    expect(server.pushCalls).toBe(3);
    expect(await engine.counts()).toEqual({ pending: 0, conflicts: 0 });
  });

  it('a document deleted on the server while edited locally conflicts; taking theirs removes it', async () => {
    server.write('campaign', 'c1', draft('c1'));
    await engine.syncOnce();
    await saveDocLocally(db, 'campaign', draft('c1', 'mine'), now);
    server.remove('campaign', 'c1');
    const [conflict] = (await engine.syncOnce()).conflicts;
    expect(conflict).toMatchObject({ entityId: 'c1', theirs: null });
    await resolveConflict(db, entityKey('campaign', 'c1'), { kind: 'take-theirs' }, now);
    expect(await db.campaigns.get('c1')).toBeUndefined();
    expect(await engine.counts()).toEqual({ pending: 0, conflicts: 0 });
  });

  it('propagates deletions both ways', async () => {
    server.write('campaign', 'c1', draft('c1'));
    server.write('campaign', 'c2', draft('c2'));
    await engine.syncOnce();
    server.remove('campaign', 'c1');
    await deleteDocLocally(db, 'campaign', 'c2', now);
    await engine.syncOnce();
    expect(await db.campaigns.count()).toBe(0);
    expect(server.get('c2')?.deleted).toBe(true);
  });

  it('drops a never-synced draft deleted locally without telling the server', async () => {
    await saveDocLocally(db, 'campaign', draft('c1'), now);
    await deleteDocLocally(db, 'campaign', 'c1', now);
    expect(await engine.counts()).toEqual({ pending: 0, conflicts: 0 });
    await engine.syncOnce();
    expect(server.pushCalls).toBe(0);
  });

  it('skips pulled documents that break the campaign schema', async () => {
    server.write('campaign', 'bad', { name: '' });
    server.write('campaign', 'good', draft('good'));
    const report = await engine.syncOnce();
    expect(report.rejected).toEqual(['bad']);
    expect(await db.campaigns.get('good')).toBeDefined();
    expect(await db.campaigns.get('bad')).toBeUndefined();
  });
});
