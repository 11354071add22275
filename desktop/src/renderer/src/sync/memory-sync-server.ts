import type { EntityType, PushResult, SyncChange } from '../api/api.schema.js';
import type { PushChange } from '../api/studio-api.js';
import type { SyncTransport } from './sync-transport.js';

interface StoredDoc {
  entityType: EntityType;
  version: number;
  deleted: boolean;
  doc: Record<string, unknown> | null;
}

/**
 * An in-memory stand-in for the server's sync endpoints with the same contract (server-wide
 * sequence, compare-and-set on version, tombstones). Used by the unit tests and by the demo
 * mode of the web build when no server is reachable.
 */
export class MemorySyncServer {
  private seq = 0;
  private readonly docs = new Map<string, StoredDoc>();
  private readonly log: SyncChange[] = [];
  /** Set to make every call fail like an unreachable server. */
  offline = false;
  pushCalls = 0;

  /** Writes as another planner would (bumps the version). */
  write(entityType: EntityType, id: string, doc: Record<string, unknown>): number {
    const current = this.docs.get(id);
    const version = (current?.version ?? 0) + 1;
    this.store(entityType, id, version, false, { ...doc, id, version });
    return version;
  }

  remove(entityType: EntityType, id: string): void {
    const current = this.docs.get(id);
    this.store(entityType, id, (current?.version ?? 0) + 1, true, null);
  }

  get(id: string): StoredDoc | undefined {
    return this.docs.get(id);
  }

  transport(): SyncTransport {
    return {
      pull: async (since, limit) => {
        this.failIfOffline();
        const changes = this.log.filter((c) => c.seq > since).slice(0, limit);
        const last = changes[changes.length - 1];
        return { changes, cursor: last ? last.seq : since, hasMore: this.log.some((c) => c.seq > (last?.seq ?? since)) };
      },
      push: async (changes) => {
        this.failIfOffline();
        this.pushCalls += 1;
        return { results: changes.map((change) => this.apply(change)) };
      },
    };
  }

  private apply(change: PushChange): PushResult {
    const current = this.docs.get(change.id);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== change.baseVersion) {
      return { id: change.id, status: 'conflict', server: current?.deleted ? null : (current?.doc ?? null), serverVersion: currentVersion };
    }
    const version = currentVersion + 1;
    if (change.deleted) this.store(change.entityType, change.id, version, true, null);
    else this.store(change.entityType, change.id, version, false, { ...(change.doc as Record<string, unknown>), version });
    return { id: change.id, status: 'accepted', version };
  }

  private store(entityType: EntityType, id: string, version: number, deleted: boolean, doc: Record<string, unknown> | null): void {
    this.docs.set(id, { entityType, version, deleted, doc });
    this.seq += 1;
    this.log.push({ seq: this.seq, entityType, id, version, deleted, ...(doc ? { doc } : {}) });
  }

  private failIfOffline(): void {
    if (this.offline) throw new TypeError('Failed to fetch');
  }
}
