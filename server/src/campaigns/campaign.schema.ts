import { CampaignKindSchema, CampaignSchema, CampaignStatusSchema } from '@promo/shared';
import { z } from 'zod';

/**
 * A campaign as the API and sync return it: the shared document plus server bookkeeping.
 * `version` counts content edits; `publishedVersion` is the frozen version that runs (null before
 * the first publish). `version !== publishedVersion` on a published campaign = unpublished draft edits.
 */
export const CampaignDocSchema = CampaignSchema.extend({
  createdBy: z.string(),
  updatedAt: z.number().int(),
  updatedBy: z.string(),
  publishedVersion: z.number().int().nullable(),
});
export type CampaignDoc = z.infer<typeof CampaignDocSchema>;

/**
 * What a client may write: the shared document without server-owned fields. `status` and
 * `version` are accepted (the studio sends whole documents) but ignored: status moves only through
 * the lifecycle actions, the version only through saves.
 */
export const CampaignWriteSchema = CampaignSchema.extend({
  id: CampaignSchema.shape.id.optional(),
});
export type CampaignWrite = z.infer<typeof CampaignWriteSchema>;

/** `PUT /campaigns/{id}`: the whole document plus the version it was edited from. */
export const CampaignUpdateSchema = CampaignWriteSchema.extend({ baseVersion: z.number().int().nonnegative() });

export const CampaignListQuerySchema = z.object({
  kind: CampaignKindSchema.optional(),
  status: CampaignStatusSchema.optional(),
  themeId: z.string().min(1).max(64).optional(),
  /** Campaigns whose window overlaps [from, to) (ISO date-times). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Keyset cursor: the last id of the previous page. */
  cursor: z.string().min(1).max(64).optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;

export const CampaignPageSchema = z.object({ campaigns: z.array(CampaignDocSchema), cursor: z.string().nullable() });

export const LifecycleActionSchema = z.enum(['publish', 'pause', 'resume', 'end', 'archive']);
export type LifecycleAction = z.infer<typeof LifecycleActionSchema>;

/** One problem found by validation, naming the node or field it is about. */
export const ValidationProblemSchema = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type ValidationProblem = z.infer<typeof ValidationProblemSchema>;

export const ValidationResultSchema = z.object({ valid: z.boolean(), problems: z.array(ValidationProblemSchema) });

export const IdParamSchema = z.object({ id: z.string().min(1).max(64) });

export const VersionParamSchema = IdParamSchema.extend({ version: z.coerce.number().int().positive() });

/** A published (frozen) version of a campaign: what ran from `publishedAt` until the next publish. */
export const CampaignVersionSummarySchema = z.object({
  version: z.number().int().positive(),
  /** Epoch milliseconds. */
  publishedAt: z.number().int(),
  publishedBy: z.string(),
});
export type CampaignVersionSummary = z.infer<typeof CampaignVersionSummarySchema>;

export const CampaignVersionListSchema = z.object({ versions: z.array(CampaignVersionSummarySchema) });

/**
 * One frozen version with its document. `doc.status` is the status the campaign had when this
 * version was frozen; the campaign's current status is on `GET /campaigns/{id}`.
 */
export const CampaignVersionSchema = CampaignVersionSummarySchema.extend({ doc: CampaignSchema });
export type CampaignVersion = z.infer<typeof CampaignVersionSchema>;
