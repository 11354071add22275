import type { Knex } from 'knex';
import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import { toDoc } from '../campaigns/campaign.repo.js';
import type { CampaignService } from '../campaigns/campaign.service.js';
import { toThemeDoc, type ThemeRow } from '../themes/theme.repo.js';
import type { ThemeService } from '../themes/theme.service.js';
import { readChanges, type ChangeRow } from './sync-changes.repo.js';
import type { PushChange, PushResult, SyncChange } from './sync.schema.js';

const CHUNK = 500;

async function docsById<T>(trx: Knex.Transaction, table: string, ids: string[], toDocFn: (row: never) => T): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (await trx(table).whereIn('id', ids.slice(i, i + CHUNK)).andWhere('deleted', false)) as { id: string }[];
    for (const row of rows) out.set(row.id, toDocFn(row as never));
  }
  return out;
}

/** Studio sync: pull changes since a cursor, push edits with compare-and-set per document. */
export function createSyncService(deps: Pick<AppDeps, 'db'>, campaigns: CampaignService, themes: ThemeService) {
  /**
   * One keyset page of the change log with each document's current state. Read in one
   * transaction so the documents match the page.
   */
  async function pull(since: number, limit: number): Promise<{ changes: SyncChange[]; cursor: number; hasMore: boolean }> {
    return deps.db.transaction(async (trx) => {
      const rows: ChangeRow[] = await readChanges(trx, since, limit + 1);
      const page = rows.slice(0, limit);
      const campaignIds = page.filter((r) => r.entityType === 'campaign' && !r.deleted).map((r) => r.id);
      const themeIds = page.filter((r) => r.entityType === 'theme' && !r.deleted).map((r) => r.id);
      const campaignDocs = await docsById(trx, 'promotion', campaignIds, toDoc);
      const themeDocs = await docsById(trx, 'themes', themeIds, (row: ThemeRow) => toThemeDoc(row));
      const changes = page.map((r): SyncChange => {
        const doc = r.deleted ? undefined : r.entityType === 'campaign' ? campaignDocs.get(r.id) : themeDocs.get(r.id);
        return { seq: r.seq, entityType: r.entityType, id: r.id, version: doc?.version ?? r.version, deleted: r.deleted || doc === undefined, ...(doc ? { doc } : {}) };
      });
      return { changes, cursor: page.at(-1)?.seq ?? since, hasMore: rows.length > limit };
    });
  }

  async function pushOne(change: PushChange, actor: string): Promise<PushResult> {
    const { entityType, id } = change;
    try {
      const result =
        entityType === 'campaign'
          ? change.deleted
            ? await campaigns.remove(id, change.baseVersion, actor)
            : await campaigns.save({ ...change.doc!, id }, change.baseVersion, actor)
          : change.deleted
            ? await themes.remove(id, change.baseVersion, actor)
            : await themes.save({ ...change.doc!, id }, change.baseVersion, actor);
      if (result.status === 'accepted') return { id, entityType, status: 'accepted', version: result.version };
      return { id, entityType, status: 'conflict', server: result.server, serverVersion: result.serverVersion };
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // Created and deleted offline before ever reaching the server: nothing to delete.
      if (error.code === 'not_found' && change.deleted) return { id, entityType, status: 'accepted', version: 0 };
      return { id, entityType, status: 'rejected', error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
    }
  }

  /** Applies changes in order, each in its own transaction: one conflict does not block the rest. */
  async function push(changes: readonly PushChange[], actor: string): Promise<PushResult[]> {
    const results: PushResult[] = [];
    for (const change of changes) results.push(await pushOne(change, actor));
    return results;
  }

  return { pull, push };
}
