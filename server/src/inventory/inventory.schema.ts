import { z } from 'zod';
import { FLASH_ID_PATTERN } from '../flash-sale/reservation.schema.js';

const Sku = z.string().regex(FLASH_ID_PATTERN, 'letters, digits and _ . : @ - (1-64)');
const Quantity = z.number().int().min(0).max(1_000_000_000);

export const InventorySkuParamsSchema = z.object({ sku: Sku });
export const InventoryLevelBodySchema = z.object({ quantity: Quantity });
export const InventoryBatchBodySchema = z.object({
  items: z
    .array(z.object({ sku: Sku, quantity: Quantity }))
    .min(1)
    .max(1000)
    .refine((items) => new Set(items.map((i) => i.sku)).size === items.length, 'each sku once'),
});
export const InventoryReplySchema = z.object({
  updated: z.number().int(),
  /** Flash-sale items whose open stock was lowered to the new inventory. */
  cappedSaleItems: z.array(z.object({ campaignId: z.string(), sku: z.string(), stock: z.number().int() })),
});
export type InventoryReply = z.infer<typeof InventoryReplySchema>;
