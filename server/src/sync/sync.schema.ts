import { z } from 'zod';
import { CampaignDocSchema, CampaignWriteSchema } from '../campaigns/campaign.schema.js';
import { ThemeDocSchema, ThemeWriteSchema } from '../themes/theme.schema.js';

export const EntityTypeSchema = z.enum(['campaign', 'theme']);

export const PullQuerySchema = z.object({
  /** The cursor of the previous pull (0 = from the beginning). */
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const SyncChangeSchema = z.object({
  seq: z.number().int(),
  entityType: EntityTypeSchema,
  id: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  /** The current document (absent for tombstones). */
  doc: z.union([CampaignDocSchema, ThemeDocSchema]).optional(),
});
export type SyncChange = z.infer<typeof SyncChangeSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(SyncChangeSchema),
  /** Pass as `since` next time. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
});

const Id = z.string().min(1).max(64);
const BaseVersion = z.number().int().nonnegative();

function exactlyDocOrDeleted(change: { id: string; doc?: { id?: string | undefined }; deleted?: boolean }, ctx: z.RefinementCtx): void {
  if ((change.doc === undefined) === (change.deleted !== true)) ctx.addIssue({ code: 'custom', path: ['doc'], message: 'send either doc or deleted: true' });
  if (change.doc?.id !== undefined && change.doc.id !== change.id) ctx.addIssue({ code: 'custom', path: ['doc', 'id'], message: 'does not match id' });
}

export const PushChangeSchema = z
  .discriminatedUnion('entityType', [
    z.object({ entityType: z.literal('campaign'), id: Id, baseVersion: BaseVersion, doc: CampaignWriteSchema.optional(), deleted: z.boolean().optional() }),
    z.object({ entityType: z.literal('theme'), id: Id, baseVersion: BaseVersion, doc: ThemeWriteSchema.optional(), deleted: z.boolean().optional() }),
  ])
  .superRefine(exactlyDocOrDeleted);
export type PushChange = z.infer<typeof PushChangeSchema>;

export const PushBodySchema = z.object({ changes: z.array(PushChangeSchema).min(1).max(500) });

export const PushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), entityType: EntityTypeSchema, status: z.literal('accepted'), version: z.number().int() }),
  z.object({
    id: z.string(),
    entityType: EntityTypeSchema,
    status: z.literal('conflict'),
    /** The server's current document; null when the server holds a tombstone or nothing. */
    server: z.union([CampaignDocSchema, ThemeDocSchema]).nullable(),
    serverVersion: z.number().int(),
  }),
  z.object({
    id: z.string(),
    entityType: EntityTypeSchema,
    status: z.literal('rejected'),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) });
