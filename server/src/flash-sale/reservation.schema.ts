import { z } from 'zod';

/**
 * Identifiers that end up inside Redis keys and `|`-separated records: no `|`, `{`, `}` or spaces,
 * so a value can neither break a record apart nor move an item out of its hash tag.
 */
export const FLASH_ID_PATTERN = /^[\w.:@-]{1,64}$/;
const FlashId = z.string().regex(FLASH_ID_PATTERN, 'letters, digits and _ . : @ - (1-64)');

export const ReserveBodySchema = z.object({
  userId: FlashId,
  sku: FlashId,
  quantity: z.number().int().min(1).max(100),
  idempotencyKey: FlashId,
});
export type ReserveBody = z.infer<typeof ReserveBodySchema>;

export const ReservationParamsSchema = z.object({ campaignId: FlashId });
export const ConfirmParamsSchema = z.object({ campaignId: FlashId, token: z.string().min(1).max(255) });
export const ConfirmBodySchema = z.object({ orderId: z.string().min(1).max(64) });

export const ReservationResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number().int().describe('epoch ms'),
  price: z.number().int().describe('flash price per unit, fen'),
});

export const ReservationStatusSchema = z.enum(['held', 'confirmed', 'expired']);
export type ReservationStatus = z.infer<typeof ReservationStatusSchema>;

export const ConfirmResponseSchema = z.object({
  token: z.string(),
  status: ReservationStatusSchema,
  orderId: z.string(),
});

/** One reservation as the stock store and the SQL table know it. */
export interface Reservation {
  token: string;
  campaignId: string;
  sku: string;
  userId: string;
  quantity: number;
  price: number;
  expiresAt: number;
  idempotencyKey: string;
  status: ReservationStatus;
  orderId: string | null;
}
