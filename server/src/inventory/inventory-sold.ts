import type { OutboxMessage } from '../outbox/outbox.repo.js';

/** Outbox topic of the webhook telling the product inventory system what was sold. */
export const INVENTORY_SOLD_TOPIC = 'inventory.sold';

export interface SoldUnits {
  token: string;
  campaignId: string;
  sku: string;
  quantity: number;
  orderId: string | null;
}

/** One sold-units event per confirmed flash reservation; the token makes a redelivery recognisable. */
export function inventorySoldMessage(sale: SoldUnits): OutboxMessage {
  return {
    topic: INVENTORY_SOLD_TOPIC,
    dedupeKey: `flash-sold:${sale.token}`,
    payload: { type: 'inventory.sold', sku: sale.sku, quantity: sale.quantity, campaignId: sale.campaignId, orderId: sale.orderId, reference: sale.token },
  };
}
