import { z } from 'zod';

const UserId = z.string().min(1).max(64);

export const MemberParamsSchema = z.object({ userId: UserId });

/** Why a points balance changed: an order earned, redeemed, released (cancel) or reversed (cancel) points, or staff adjusted them. */
export const PointsReasonSchema = z.enum(['earn', 'redeem', 'release', 'reverse', 'adjust']);
export type PointsReason = z.infer<typeof PointsReasonSchema>;

export const LevelSchema = z.number().int().min(0).max(10);

/** `PUT /members/{userId}` (store) and `PUT /members/{userId}/level` (studio): the member level. */
export const SetLevelSchema = z.object({ level: LevelSchema });

/**
 * `POST /members/{userId}/points-adjustments` (studio). `adjustmentId` makes a retried request
 * count once; a negative `delta` never takes the balance below 0.
 */
export const AdjustPointsSchema = z.object({
  delta: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((n) => n !== 0, 'must not be 0'),
  adjustmentId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only').optional(),
  note: z.string().max(200).optional(),
});
export type AdjustPoints = z.infer<typeof AdjustPointsSchema>;

export const LedgerEntrySchema = z.object({
  id: z.number().int(),
  userId: z.string(),
  orderId: z.string().nullable(),
  delta: z.number().int(),
  reason: PointsReasonSchema,
  note: z.string().nullable(),
  createdAt: z.number().int(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** A member as the server knows it. No row yet = level 0 and no points. */
export const MemberSchema = z.object({
  userId: z.string(),
  level: LevelSchema,
  /** Below 0 only when a cancel took back earned points that were already spent. */
  points: z.number().int(),
  updatedAt: z.number().int().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

/** A member with the latest ledger rows (newest first). */
export const MemberAccountSchema = MemberSchema.extend({ ledger: z.array(LedgerEntrySchema) });
export type MemberAccount = z.infer<typeof MemberAccountSchema>;
