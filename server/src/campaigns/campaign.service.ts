import { randomUUID } from 'node:crypto';
import type { Campaign } from '@promo/shared';
import type { Knex } from 'knex';
import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import { writeAudit } from '../audit/audit.repo.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import { recordChange } from '../sync/sync-changes.repo.js';
import { getThemeRow } from '../themes/theme.repo.js';
import { validateCampaign } from './campaign-validation.js';
import { getVersion, listVersions } from './campaign-versions.repo.js';
import {
  deleteCampaignCas,
  getCampaignRow,
  insertCampaign,
  listCampaignRows,
  toDoc,
  updateCampaignCas,
  type CampaignRow,
} from './campaign.repo.js';
import type { CampaignDoc, CampaignListQuery, CampaignVersion, CampaignVersionSummary, CampaignWrite, ValidationProblem } from './campaign.schema.js';
import { rewritePromotionItems } from './promotion-items.js';

/** A save either lands (new version) or meets a newer server copy; never a silent overwrite. */
export type SaveResult =
  | { status: 'accepted'; doc: CampaignDoc | null; version: number }
  | { status: 'conflict'; server: CampaignDoc | null; serverVersion: number };

/** The audited content of a document: without the bookkeeping that changes on every write. */
function content(doc: CampaignDoc | null): unknown {
  if (!doc) return undefined;
  const { version: _v, updatedAt: _a, updatedBy: _b, createdBy: _c, publishedVersion: _p, ...rest } = doc;
  return rest;
}

async function assertThemeExists(trx: Knex.Transaction, themeId: string | undefined): Promise<void> {
  if (themeId === undefined) return;
  const theme = await getThemeRow(trx, themeId);
  if (!theme || theme.deleted) throw new AppError('bad_request', `themeId: unknown theme ${themeId}`, { issues: [{ field: 'themeId', message: 'unknown theme' }] });
}

const liveDoc = (row: CampaignRow | undefined): CampaignDoc | null => (row && !row.deleted ? toDoc(row) : null);

export type CampaignService = ReturnType<typeof createCampaignService>;

/** Campaign documents: read, create, compare-and-set save, soft delete. Lifecycle lives in campaign-lifecycle.service.ts. */
export function createCampaignService(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  async function get(id: string): Promise<CampaignDoc> {
    const doc = liveDoc(await getCampaignRow(db, id));
    if (!doc) throw new AppError('not_found', `campaign ${id} not found`);
    return doc;
  }

  async function list(query: CampaignListQuery): Promise<{ campaigns: CampaignDoc[]; cursor: string | null }> {
    const rows = await listCampaignRows(db, query);
    const last = rows.at(-1);
    return { campaigns: rows.map(toDoc), cursor: rows.length === query.limit && last ? last.id : null };
  }

  async function insertNew(trx: Knex.Transaction, campaign: Campaign, actor: string): Promise<SaveResult> {
    const at = clock.now();
    await assertThemeExists(trx, campaign.themeId);
    await insertCampaign(trx, campaign, actor, at, 1);
    await rewritePromotionItems(trx, campaign);
    const doc = toDoc((await getCampaignRow(trx, campaign.id))!);
    await writeAudit(trx, { actor, action: 'campaign.create', entityType: 'campaign', entityId: campaign.id, before: undefined, after: content(doc), at });
    await recordChange(trx, { entityType: 'campaign', id: campaign.id, version: doc.version, deleted: false, at });
    return { status: 'accepted', doc, version: doc.version };
  }

  /**
   * Saves `input` if the stored version is still `baseVersion` (0 = create). Archived campaigns are
   * read-only. Editing a published campaign changes only the working copy: the frozen version keeps
   * running until the next publish.
   */
  async function save(input: CampaignWrite & { id: string }, baseVersion: number, actor: string): Promise<SaveResult> {
    const campaign: Campaign = { ...input, status: 'draft', version: baseVersion + 1 };
    try {
      return await db.transaction(async (trx) => {
        const row = await getCampaignRow(trx, campaign.id);
        if (!row) {
          if (baseVersion !== 0) return { status: 'conflict', server: null, serverVersion: 0 };
          return insertNew(trx, campaign, actor);
        }
        if (row.version !== baseVersion) return { status: 'conflict', server: liveDoc(row), serverVersion: row.version };
        if (row.status === 'archived' && !row.deleted) throw new AppError('conflict', 'archived campaigns are read-only', { status: row.status });
        await assertThemeExists(trx, campaign.themeId);
        const before = liveDoc(row);
        const at = clock.now();
        if (!(await updateCampaignCas(trx, campaign, baseVersion, actor, at))) {
          const now = await getCampaignRow(trx, campaign.id);
          return { status: 'conflict', server: liveDoc(now), serverVersion: now?.version ?? 0 };
        }
        await rewritePromotionItems(trx, campaign);
        const doc = toDoc((await getCampaignRow(trx, campaign.id))!);
        await writeAudit(trx, { actor, action: 'campaign.update', entityType: 'campaign', entityId: campaign.id, before: content(before), after: content(doc), at });
        await recordChange(trx, { entityType: 'campaign', id: campaign.id, version: doc.version, deleted: false, at });
        return { status: 'accepted', doc, version: doc.version };
      });
    } catch (error) {
      // Two creators of one id raced past the existence check: the loser sees the winner's copy.
      if (!isUniqueViolation(error)) throw error;
      const row = await getCampaignRow(db, campaign.id);
      return { status: 'conflict', server: liveDoc(row), serverVersion: row?.version ?? 0 };
    }
  }

  async function create(input: CampaignWrite, actor: string): Promise<CampaignDoc> {
    const id = input.id ?? `c_${randomUUID()}`;
    const result = await save({ ...input, id }, 0, actor);
    if (result.status === 'conflict') throw new AppError('conflict', `campaign ${id} already exists`, { server: result.server, serverVersion: result.serverVersion });
    return result.doc!;
  }

  /**
   * Soft delete leaving a tombstone for sync. Running campaigns (scheduled, live, paused) must be
   * ended first. `baseVersion` absent: delete whatever version is stored.
   */
  async function remove(id: string, baseVersion: number | undefined, actor: string): Promise<SaveResult> {
    return db.transaction(async (trx) => {
      const row = await getCampaignRow(trx, id);
      if (!row || row.deleted) {
        if (row && baseVersion === row.version) return { status: 'accepted', doc: null, version: row.version };
        if (!row) throw new AppError('not_found', `campaign ${id} not found`);
        return { status: 'conflict', server: null, serverVersion: row.version };
      }
      const expected = baseVersion ?? row.version;
      if (row.version !== expected) return { status: 'conflict', server: toDoc(row), serverVersion: row.version };
      if (row.status === 'scheduled' || row.status === 'live' || row.status === 'paused') {
        throw new AppError('conflict', `a ${row.status} campaign cannot be deleted: end it first`, { status: row.status });
      }
      const at = clock.now();
      if (!(await deleteCampaignCas(trx, id, expected, actor, at))) {
        const now = await getCampaignRow(trx, id);
        return { status: 'conflict', server: liveDoc(now), serverVersion: now?.version ?? 0 };
      }
      await trx('promotion_items').where({ promotion_id: id }).delete();
      await writeAudit(trx, { actor, action: 'campaign.delete', entityType: 'campaign', entityId: id, before: content(toDoc(row)), after: undefined, at });
      await recordChange(trx, { entityType: 'campaign', id, version: expected + 1, deleted: true, at });
      return { status: 'accepted', doc: null, version: expected + 1 };
    });
  }

  async function validate(id: string): Promise<ValidationProblem[]> {
    return validateCampaign(await get(id));
  }

  /** Published versions, newest first; 404 for an unknown or deleted campaign. */
  async function versions(id: string): Promise<CampaignVersionSummary[]> {
    await get(id);
    return listVersions(db, id);
  }

  async function version(id: string, number: number): Promise<CampaignVersion> {
    await get(id);
    const found = await getVersion(db, id, number);
    if (!found) throw new AppError('not_found', `campaign ${id} has no published version ${number}`);
    return found;
  }

  return { get, list, save, create, remove, validate, versions, version };
}
