import { QuoteResultSchema } from '@promo/shared';
import { z } from 'zod';

export const OrderStatusSchema = z.enum(['pending', 'committed', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderParamsSchema = z.object({ orderId: z.string().min(1).max(64) });

/** What commit and cancel answer: the order's state and the priced result it was committed with. */
export const OrderResponseSchema = z.object({
  orderId: z.string(),
  userId: z.string(),
  status: OrderStatusSchema,
  result: QuoteResultSchema,
  createdAt: z.number().int(),
  cancelledAt: z.number().int().nullable(),
});
export type OrderResponse = z.infer<typeof OrderResponseSchema>;
