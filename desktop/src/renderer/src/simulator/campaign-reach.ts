import { OfferSchema, type Campaign, type Offer } from '@promo/shared';

/** The offers of a campaign (one per offer node that parses). */
export function offersOf(campaign: Campaign): Offer[] {
  return campaign.graph.nodes.flatMap((n) => {
    if (n.type !== 'offer') return [];
    const parsed = OfferSchema.safeParse(n.args.offer);
    return parsed.success ? [parsed.data] : [];
  });
}

/** SKUs an offer names itself (flash, group, member price): those are targeted whatever the scope. */
export function offerSkus(offer: Offer): string[] {
  switch (offer.kind) {
    case 'flash_sale':
    case 'group_buy':
      return offer.items.map((i) => i.sku);
    case 'member':
      return offer.benefit.type === 'price' ? offer.benefit.items.map((i) => i.sku) : [];
    default:
      return [];
  }
}

/** Whether a campaign can touch an item (scope with exclusions, or SKUs its offers name). */
export function campaignCovers(campaign: Campaign, sku: string, categoryPath: readonly string[]): boolean {
  const { scope } = campaign;
  if (scope.excludeSkus.includes(sku) || categoryPath.some((c) => scope.excludeCategoryIds.includes(c))) return false;
  const named = offersOf(campaign).flatMap(offerSkus);
  if (named.length > 0) return named.includes(sku);
  if (scope.type === 'storewide') return true;
  if (scope.type === 'items') return scope.skus.includes(sku);
  return categoryPath.some((c) => scope.categoryIds.includes(c));
}

export function windowsOverlap(a: Campaign, b: Campaign): boolean {
  return Date.parse(a.schedule.start) < Date.parse(b.schedule.end) && Date.parse(b.schedule.start) < Date.parse(a.schedule.end);
}
