import { z } from 'zod';
import { CampaignSchema, type Campaign } from '@promo/shared';

const FORMAT = 'promostudio.campaign';

const CampaignFileSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  campaign: CampaignSchema,
});

/** A campaign as an exchangeable file (status and server version are not carried over). */
export function serializeCampaignFile(campaign: Campaign): string {
  return JSON.stringify({ format: FORMAT, formatVersion: 1, campaign: { ...campaign, status: 'draft', version: 0 } }, null, 2);
}

export type ParsedCampaignFile = { ok: true; campaign: Campaign } | { ok: false; message: string };

/** Reads a campaign file (or a bare campaign document), always as a fresh draft. */
export function parseCampaignFile(text: string): ParsedCampaignFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  const wrapped = CampaignFileSchema.safeParse(json);
  const bare = wrapped.success ? null : CampaignSchema.safeParse(json);
  const campaign = wrapped.success ? wrapped.data.campaign : bare?.success ? bare.data : null;
  if (!campaign) {
    const issue = (wrapped.success ? undefined : (bare && !bare.success ? bare.error : wrapped.error))?.issues[0];
    return { ok: false, message: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid campaign' };
  }
  return { ok: true, campaign: { ...campaign, status: 'draft', version: 0 } };
}

/** A file name from the campaign name, without characters file systems refuse. */
export function campaignFileName(campaign: Pick<Campaign, 'name' | 'id'>): string {
  const base = campaign.name.replace(/[/\\:*?"<>|]+/g, '-').trim().slice(0, 80) || campaign.id;
  return `${base}.json`;
}
