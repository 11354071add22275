import { CampaignSchema, type Campaign, type CampaignStatus } from '@promo/shared';
import type { Knex } from 'knex';
import type { CampaignDoc, CampaignListQuery } from './campaign.schema.js';

type Db = Knex | Knex.Transaction;

export interface CampaignRow {
  id: string;
  name: string;
  name_en: string | null;
  type: string;
  status: string;
  start_time: number | string;
  end_time: number | string;
  rules: string;
  version: number;
  published_version: number | null;
  theme_id: string | null;
  priority: number;
  stacking: string;
  budget: number | string | null;
  created_by: string;
  created_at: number | string;
  updated_at: number | string;
  updated_by: string;
  deleted: number | boolean;
}

/**
 * The stored working document merged with the columns the server owns (status, version, who/when).
 * Documents are parsed with CampaignSchema when written, so reads trust them (a full sync pull of
 * 10,000 documents would otherwise spend most of its time re-validating); a schema change that adds
 * required fields therefore comes with a data migration.
 */
export function toDoc(row: CampaignRow): CampaignDoc {
  const stored: Omit<Campaign, 'status' | 'version'> = JSON.parse(row.rules);
  return {
    ...stored,
    status: row.status as CampaignStatus,
    version: Number(row.version),
    createdBy: row.created_by,
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by,
    publishedVersion: row.published_version === null ? null : Number(row.published_version),
  };
}

function columns(campaign: Campaign): Partial<CampaignRow> {
  const { status: _status, version: _version, ...content } = campaign;
  return {
    name: campaign.name,
    name_en: campaign.nameEn ?? null,
    type: campaign.kind,
    start_time: Date.parse(campaign.schedule.start),
    end_time: Date.parse(campaign.schedule.end),
    rules: JSON.stringify(content),
    theme_id: campaign.themeId ?? null,
    priority: campaign.priority,
    stacking: campaign.stacking.mode,
    budget: campaign.limits.budget ?? null,
  };
}

export async function getCampaignRow(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db<CampaignRow>('promotion').where({ id }).first();
}

export async function insertCampaign(trx: Knex.Transaction, campaign: Campaign, actor: string, at: number, version: number): Promise<void> {
  await trx('promotion').insert({
    id: campaign.id,
    ...columns(campaign),
    status: 'draft',
    version,
    published_version: null,
    created_by: actor,
    created_at: at,
    updated_at: at,
    updated_by: actor,
    deleted: false,
  });
}

/**
 * Compare-and-set save: writes only when the stored version is still `baseVersion`. A deleted
 * campaign (tombstone) can be revived this way by sync, which is why `deleted` is reset.
 */
export async function updateCampaignCas(trx: Knex.Transaction, campaign: Campaign, baseVersion: number, actor: string, at: number): Promise<boolean> {
  const changed = await trx('promotion')
    .where({ id: campaign.id, version: baseVersion })
    .update({ ...columns(campaign), version: baseVersion + 1, updated_at: at, updated_by: actor, deleted: false });
  return changed === 1;
}

/** Soft delete (a tombstone for sync), compare-and-set on the version. */
export async function deleteCampaignCas(trx: Knex.Transaction, id: string, baseVersion: number, actor: string, at: number): Promise<boolean> {
  const changed = await trx('promotion').where({ id, version: baseVersion, deleted: false }).update({ deleted: true, version: baseVersion + 1, updated_at: at, updated_by: actor });
  return changed === 1;
}

/** Moves the status only from `from` (idempotent under races: the loser changes nothing). */
export async function setStatusCas(
  trx: Knex.Transaction,
  id: string,
  from: CampaignStatus,
  to: CampaignStatus,
  meta: { actor: string; at: number; publishedVersion?: number; expectVersion?: number },
): Promise<boolean> {
  const where: Record<string, unknown> = { id, status: from, deleted: false };
  if (meta.expectVersion !== undefined) where.version = meta.expectVersion;
  const update: Record<string, unknown> = { status: to, updated_at: meta.at, updated_by: meta.actor };
  if (meta.publishedVersion !== undefined) update.published_version = meta.publishedVersion;
  const changed = await trx('promotion').where(where).update(update);
  return changed === 1;
}

export async function listCampaignRows(db: Db, query: CampaignListQuery): Promise<CampaignRow[]> {
  const q = db<CampaignRow>('promotion').select('*').where({ deleted: false }).orderBy('id').limit(query.limit);
  if (query.kind) q.where('type', query.kind);
  if (query.status) q.where('status', query.status);
  if (query.themeId) q.where('theme_id', query.themeId);
  if (query.from) q.where('end_time', '>', Date.parse(query.from));
  if (query.to) q.where('start_time', '<', Date.parse(query.to));
  if (query.cursor) q.where('id', '>', query.cursor);
  if (query.q) {
    const pattern = `%${query.q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    q.where((w) => {
      w.whereRaw("?? like ? escape '!'", ['name', pattern]).orWhereRaw("lower(??) like lower(?) escape '!'", ['name_en', pattern]).orWhere('id', query.q ?? '');
    });
  }
  return q;
}

export interface PublishedCampaign {
  campaign: Campaign;
  status: CampaignStatus;
}

/**
 * The frozen (published) documents of campaigns in `statuses`, with their current status: what
 * runs, regardless of any unpublished draft edits of the working copy.
 */
export async function loadPublished(db: Db, statuses: readonly CampaignStatus[]): Promise<PublishedCampaign[]> {
  const rows = (await db('promotion as p')
    .join('campaign_versions as v', (j) => {
      j.on('v.campaign_id', '=', 'p.id').andOn('v.version', '=', 'p.published_version');
    })
    .whereIn('p.status', [...statuses])
    .andWhere('p.deleted', false)
    .select('p.status as status', 'v.doc as doc')) as { status: CampaignStatus; doc: string }[];
  return rows.map((row) => {
    const campaign = CampaignSchema.parse({ ...(JSON.parse(row.doc) as Record<string, unknown>), status: row.status });
    return { campaign, status: row.status };
  });
}

export async function campaignsOfTheme(db: Db, themeId: string): Promise<CampaignRow[]> {
  return db<CampaignRow>('promotion').where({ theme_id: themeId, deleted: false }).orderBy('id');
}
