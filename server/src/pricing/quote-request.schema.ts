import { ChannelSchema, FenSchema, RedemptionRequestSchema, RegionSchema } from '@promo/shared';
import { z } from 'zod';

const Text64 = z.string().min(1).max(64);

/** A cart line as a store sends it: the server attaches price, cost and categories from the catalog. */
export const QuoteLineInputSchema = z.object({
  lineId: Text64.optional(),
  sku: Text64,
  quantity: z.number().int().positive().max(9999),
  reservationToken: z.string().min(1).max(128).optional(),
  groupId: z.string().min(1).max(128).optional(),
});

/** `POST /quote`: who buys what, where. The server adds new-user status, segments, counters and coupons. */
export const QuoteRequestSchema = z.object({
  userId: Text64,
  channel: ChannelSchema,
  region: RegionSchema.default({}),
  cart: z.object({
    lines: z.array(QuoteLineInputSchema).min(1).max(200),
    couponIds: z.array(Text64).max(10).default([]),
    pointsToRedeem: z.number().int().nonnegative().max(1_000_000_000).default(0),
    /** Points exchanges of member campaigns (docs/adr/pricing-pipeline-semantics.md). */
    redemptions: z.array(RedemptionRequestSchema).max(10).default([]),
  }),
  user: z
    .object({
      tags: z.array(z.string().max(64)).max(100).default([]),
      /**
       * Accepted for compatibility and ignored: the server's member level decides (set it with
       * `PUT /members/{userId}`; docs/adr/members-and-points.md).
       */
      memberLevel: z.number().int().min(0).max(10).default(0).describe('Ignored: the server-side member level applies (PUT /members/{userId})'),
    })
    .default({ tags: [], memberLevel: 0 }),
});
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

/**
 * `POST /orders`: the quote request plus the order id (the idempotency key). `expectedTotal`, when
 * sent, is the total the customer agreed to: a re-priced total that differs answers 409; without
 * it, a campaign blocked by a limit answers 409 (docs/adr/commit-atomicity.md).
 */
export const CommitRequestSchema = QuoteRequestSchema.extend({
  orderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
  expectedTotal: FenSchema.optional(),
});
export type CommitRequest = z.infer<typeof CommitRequestSchema>;
