import { z } from 'zod';

export const AuditQuerySchema = z.object({
  entityId: z.string().min(1).max(128).optional(),
  entityType: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Keyset cursor: entries with a smaller id (newest first). */
  cursor: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  diff: z.array(z.object({ path: z.string(), op: z.enum(['add', 'remove', 'change']), from: z.unknown().optional(), to: z.unknown().optional() })),
  at: z.number().int(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), cursor: z.number().int().nullable() });
