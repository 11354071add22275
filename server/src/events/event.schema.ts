import { ChannelSchema, FenSchema } from '@promo/shared';
import { z } from 'zod';

const Id = z.string().min(1).max(64);

/** One store event. `at` is when it happened on the client (epoch ms). */
export const StoreEventSchema = z.object({
  eventId: Id,
  type: z.enum(['impression', 'click', 'add_to_cart', 'share', 'order']),
  userId: Id,
  campaignId: Id.optional(),
  themeId: Id.optional(),
  sku: Id.optional(),
  /** Order events: what was paid, in fen (informational; GMV comes from commits). */
  amount: FenSchema.optional(),
  channel: ChannelSchema,
  /** Province code, or empty. */
  region: z.string().max(32).default(''),
  at: z.number().int().nonnegative(),
});
export type StoreEvent = z.infer<typeof StoreEventSchema>;

export const MAX_EVENTS_PER_BATCH = 500;

export const EventBatchSchema = z.object({ events: z.array(StoreEventSchema).min(1).max(MAX_EVENTS_PER_BATCH) });
export type EventBatch = z.infer<typeof EventBatchSchema>;

export const EventBatchResponseSchema = z.object({
  /** Events counted now. */
  accepted: z.number().int(),
  /** Events already seen (same eventId), ignored. */
  duplicates: z.number().int(),
});
export type EventBatchResponse = z.infer<typeof EventBatchResponseSchema>;
