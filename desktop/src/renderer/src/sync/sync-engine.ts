import type { ConflictRecord, StudioDb } from '../db/studio-db.js';
import { applyPulledChanges, readCursor } from './apply-pulled.js';
import { pushOutbox } from './push-outbox.js';
import type { SyncTransport } from './sync-transport.js';

export const PULL_LIMIT = 500;

export interface SyncReport {
  pulled: number;
  pushed: number;
  rejected: string[];
  conflicts: ConflictRecord[];
}

export interface SyncEngine {
  /** One full round: pull every page since the cursor, then push the outbox. Throws on transport errors. */
  syncOnce(): Promise<SyncReport>;
  counts(): Promise<{ pending: number; conflicts: number }>;
}

export interface SyncEngineDeps {
  db: StudioDb;
  transport: SyncTransport;
  nowMs: () => number;
}

/** The sync logic, free of timers and network state (those live in the runner). */
export function createSyncEngine({ db, transport, nowMs }: SyncEngineDeps): SyncEngine {
  return {
    async syncOnce() {
      let pulled = 0;
      const rejected: string[] = [];
      let cursor = await readCursor(db);
      for (;;) {
        const page = await transport.pull(cursor, PULL_LIMIT);
        rejected.push(...(await applyPulledChanges(db, page.changes, page.cursor)));
        pulled += page.changes.length;
        // A server that answers hasMore without moving the cursor would loop forever.
        if (!page.hasMore || page.cursor <= cursor) break;
        cursor = page.cursor;
      }
      const { accepted, conflicts } = await pushOutbox(db, transport, nowMs);
      return { pulled, pushed: accepted, rejected, conflicts };
    },
    async counts() {
      return { pending: await db.outbox.count(), conflicts: await db.conflicts.count() };
    },
  };
}
