import { CampaignSchema, type Campaign } from '@promo/shared';
import type { Knex } from 'knex';
import type { CampaignVersion, CampaignVersionSummary } from './campaign.schema.js';

type Db = Knex | Knex.Transaction;

interface VersionRow {
  campaign_id: string;
  version: number;
  doc: string;
  published_at: number | string;
  published_by: string;
}

/** Freezes `campaign` as published version `campaign.version` (rows are never updated afterwards). */
export async function insertVersion(trx: Knex.Transaction, campaign: Campaign, actor: string, at: number): Promise<void> {
  await trx('campaign_versions').insert({ campaign_id: campaign.id, version: campaign.version, doc: JSON.stringify(campaign), published_at: at, published_by: actor });
}

/** Every published version of a campaign, newest first, without the documents. */
export async function listVersions(db: Db, campaignId: string): Promise<CampaignVersionSummary[]> {
  const rows = (await db('campaign_versions')
    .where({ campaign_id: campaignId })
    .orderBy('version', 'desc')
    .select('version', 'published_at', 'published_by')) as Pick<VersionRow, 'version' | 'published_at' | 'published_by'>[];
  return rows.map((row) => ({ version: Number(row.version), publishedAt: Number(row.published_at), publishedBy: row.published_by }));
}

/**
 * One frozen document. It was parsed when written; parsing again here drops the server
 * bookkeeping that was stored alongside (createdBy, updatedAt, ...), leaving the shared document.
 */
export async function getVersion(db: Db, campaignId: string, version: number): Promise<CampaignVersion | undefined> {
  const row = (await db('campaign_versions').where({ campaign_id: campaignId, version }).first()) as VersionRow | undefined;
  if (!row) return undefined;
  return {
    version: Number(row.version),
    publishedAt: Number(row.published_at),
    publishedBy: row.published_by,
    doc: CampaignSchema.parse(JSON.parse(row.doc)),
  };
}
