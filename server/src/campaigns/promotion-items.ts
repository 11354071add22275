import { OfferSchema, type Campaign, type Offer } from '@promo/shared';
import type { Knex } from 'knex';

/** A derived per-SKU row of an item-level campaign (for SQL reporting and joins; the document stays the truth). */
export interface PromotionItemRow {
  promotion_id: string;
  item_id: string;
  discount: number | null;
  limit: number | null;
  price: number | null;
  stock: number | null;
}

/** The offers of a campaign's offer nodes that parse (invalid ones are the validator's business). */
export function offersOf(campaign: Campaign): Offer[] {
  const offers: Offer[] = [];
  for (const node of campaign.graph.nodes) {
    if (node.type !== 'offer') continue;
    const parsed = OfferSchema.safeParse(node.args.offer);
    if (parsed.success) offers.push(parsed.data);
  }
  return offers;
}

/** Flash-sale, group-buy and member-price SKUs of a campaign, one row per SKU per offer. */
export function derivePromotionItems(campaign: Campaign): PromotionItemRow[] {
  const base = { promotion_id: campaign.id, discount: null, limit: null, price: null, stock: null };
  const rows: PromotionItemRow[] = [];
  for (const offer of offersOf(campaign)) {
    if (offer.kind === 'flash_sale') {
      for (const item of offer.items) rows.push({ ...base, item_id: item.sku, price: item.price, stock: item.stock, limit: item.perUserLimit });
    } else if (offer.kind === 'group_buy') {
      for (const item of offer.items) rows.push({ ...base, item_id: item.sku, price: item.groupPrice, discount: offer.leaderDiscount ?? null });
    } else if (offer.kind === 'member' && offer.benefit.type === 'price') {
      for (const item of offer.benefit.items) rows.push({ ...base, item_id: item.sku, price: item.price });
    }
  }
  return rows;
}

/** Replaces the derived rows of one campaign (called on every save, in its transaction). */
export async function rewritePromotionItems(trx: Knex.Transaction, campaign: Campaign): Promise<void> {
  await trx('promotion_items').where({ promotion_id: campaign.id }).delete();
  const rows = derivePromotionItems(campaign);
  for (let i = 0; i < rows.length; i += 200) await trx('promotion_items').insert(rows.slice(i, i + 200));
}
