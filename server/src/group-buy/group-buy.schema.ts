import { z } from 'zod';
import { FLASH_ID_PATTERN } from '../flash-sale/reservation.schema.js';

const Id = z.string().regex(FLASH_ID_PATTERN, 'letters, digits and _ . : @ - (1-64)');

export const GroupStatusSchema = z.enum(['open', 'complete', 'failed']);
export type GroupStatus = z.infer<typeof GroupStatusSchema>;

export const OpenGroupParamsSchema = z.object({ campaignId: Id });
export const OpenGroupBodySchema = z.object({ userId: Id, sku: Id });
/** A group id, or the group's share-link code. */
export const GroupParamsSchema = z.object({ groupId: Id });
export const JoinGroupBodySchema = z.object({ userId: Id });

export const GroupViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  sku: z.string(),
  leaderUserId: z.string(),
  shareCode: z.string(),
  size: z.number().int(),
  memberCount: z.number().int(),
  status: GroupStatusSchema,
  expiresAt: z.number().int(),
  members: z.array(z.object({ userId: z.string(), isLeader: z.boolean(), isVirtual: z.boolean(), joinedAt: z.number().int() })),
});
export type GroupView = z.infer<typeof GroupViewSchema>;
