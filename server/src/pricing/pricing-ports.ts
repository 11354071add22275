import type { Campaign, CampaignIndex } from '@promo/shared';

/** Catalog facts the quote needs per SKU (the campaigns engineer's `createCatalogReader`). */
export interface CatalogFacts {
  price: number;
  cost: number | null;
  /** Leaf to root. */
  categoryIds: readonly string[];
}

export interface CatalogLookup {
  getItems(skus: readonly string[]): Promise<Map<string, CatalogFacts>>;
}

/** The live campaigns kept in memory and refreshed across instances (`ModuleContext.liveCampaigns`). */
export interface LiveCampaignsView {
  snapshot(): { campaigns: readonly Campaign[]; index: CampaignIndex; version: number };
}

/** Valid flash-sale reservations by token (the flash-sale module's `createFlashReservationReader`). */
export interface FlashReservationLookup {
  getValid(tokens: readonly string[]): Promise<Map<string, { campaignId: string; sku: string; quantity: number; price: number; userId: string }>>;
}

/** The user's seats in open or complete groups (the group-buy module's `createGroupReader`). */
export interface GroupMembershipLookup {
  getMemberships(userId: string, groupIds: readonly string[]): Promise<Map<string, { campaignId: string; isLeader: boolean }>>;
}
