/**
 * Counter key names. Every key of one campaign carries the hash tag `{c:<id>}` so a Redis Cluster
 * keeps them in one slot (docs/adr/commit-atomicity.md explains orders spanning campaigns).
 */
export const limitKeys = {
  budget: (campaignId: string) => `{c:${campaignId}}:budget`,
  usage: (campaignId: string) => `{c:${campaignId}}:usage`,
  userTotal: (campaignId: string, userId: string) => `{c:${campaignId}}:u:${userId}`,
  userDay: (campaignId: string, userId: string, day: string) => `{c:${campaignId}}:u:${userId}:d:${day}`,
  skuUser: (campaignId: string, sku: string, userId: string) => `{c:${campaignId}}:s:${sku}:u:${userId}`,
  /** Gifts given of one SKU across campaigns (the engine's gift stock is per SKU). */
  giftStock: (sku: string) => `{g:${sku}}:given`,
  themeBudget: (themeId: string) => `{t:${themeId}}:budget`,
  order: (orderId: string) => `{o:${orderId}}:limits`,
  /** Set once the counters were rebuilt from SQL on this Redis (absent: a new or emptied Redis). */
  ready: '{limits}:restored',
};
