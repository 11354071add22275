/** One SKU of one flash-sale campaign: the unit of stock, limits and Redis keys. */
export interface SaleItemRef {
  campaignId: string;
  sku: string;
}

/** What an open sale item enforces, fixed when it is opened for a slot. */
export interface SaleItemTerms {
  /** The flash price in fen, locked into every reservation. */
  price: number;
  perUserLimit: number;
  reservationMs: number;
  /** Epoch ms after which the item takes no reservation (end of the current slot). */
  closesAt: number;
}

export function itemId(item: SaleItemRef): string {
  return `${item.campaignId}:${item.sku}`;
}

/**
 * Every Redis key of one sale item shares the hash tag `{fs:<campaignId>:<sku>}`, so each script
 * touches one Cluster slot. The stores' namespace prefix goes in front of the tag. `live` takes the second (epoch s) of the war-room counter bucket.
 */
export function saleItemKeys(item: SaleItemRef, prefix = '') {
  const tag = `${prefix}{fs:${item.campaignId}:${item.sku}}`;
  return {
    state: `${tag}:state`,
    stock: `${tag}:stock`,
    users: `${tag}:users`,
    idem: `${tag}:idem`,
    reservations: `${tag}:res`,
    expiries: `${tag}:exp`,
    stream: `${tag}:stream`,
    live: (second: number) => `${tag}:live:${second}`,
  };
}
export type SaleItemKeys = ReturnType<typeof saleItemKeys>;
