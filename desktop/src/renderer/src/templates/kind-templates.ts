import { createTemplateGraph, type Campaign, type CampaignKind, type Offer } from '@promo/shared';

export const CAMPAIGN_KINDS: readonly CampaignKind[] = ['threshold_off', 'percent_off', 'gift', 'flash_sale', 'group_buy', 'new_user', 'member'];

/** A sensible starting offer per kind; SKUs come from the cached catalog when there is one. */
export function defaultOffer(kind: CampaignKind, sampleSkus: readonly string[] = []): Offer {
  const sku = (i: number): string => sampleSkus[i] ?? sampleSkus[0] ?? 'SKU-0001';
  switch (kind) {
    case 'threshold_off':
      return { kind, mode: 'tiers', tiers: [{ minSpend: 10000, off: 1000 }, { minSpend: 20000, off: 3000 }] };
    case 'percent_off':
      return { kind, payRate: 8500, maxDiscount: 5000 };
    case 'gift':
      return { kind, mode: 'spend_get_gift', minSpend: 9900, gifts: [{ sku: sku(1), quantity: 1 }] };
    case 'flash_sale':
      return {
        kind,
        slots: [{ start: '10:00', end: '12:00' }, { start: '20:00', end: '22:00' }],
        items: [{ sku: sku(0), price: 990, stock: 100, perUserLimit: 1 }],
        reservationMinutes: 15,
      };
    case 'group_buy':
      return { kind, items: [{ sku: sku(0), groupPrice: 1990 }], groupSize: 3, fillHours: 24, virtualFill: false };
    case 'new_user':
      return { kind, firstOrder: { type: 'fixed', off: 1000, minSpend: 0 }, couponPack: [] };
    case 'member':
      return { kind, minLevel: 2, benefit: { type: 'percent', payRate: 9000 }, pointsRedemption: [] };
  }
}

export interface DraftOptions {
  id: string;
  name: string;
  nameEn?: string;
  /** ISO instants of the window. */
  start: string;
  end: string;
  timezone?: string;
  themeId?: string;
  offer?: Offer;
  sampleSkus?: readonly string[];
}

/** A new draft campaign of `kind`: storewide scope, exclusive, start → offer graph. */
export function createCampaignDraft(kind: CampaignKind, options: DraftOptions): Campaign {
  const offer = options.offer ?? defaultOffer(kind, options.sampleSkus);
  const itemScoped = kind === 'flash_sale' || kind === 'group_buy';
  const offerSkus = offer.kind === 'flash_sale' || offer.kind === 'group_buy' ? offer.items.map((i) => i.sku) : [];
  return {
    id: options.id,
    name: options.name,
    ...(options.nameEn ? { nameEn: options.nameEn } : {}),
    kind,
    status: 'draft',
    ...(options.themeId ? { themeId: options.themeId } : {}),
    priority: 100,
    schedule: {
      start: options.start,
      end: options.end,
      timezone: options.timezone ?? 'Asia/Shanghai',
      ...(kind === 'member' ? { recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '00:00', endTime: '24:00' } } : {}),
    },
    scope: {
      type: itemScoped ? 'items' : 'storewide',
      skus: itemScoped ? offerSkus : [],
      categoryIds: [],
      excludeSkus: [],
      excludeCategoryIds: [],
    },
    graph: createTemplateGraph(kind, offer),
    stacking: { mode: 'exclusive', excludeDiscountedLines: false },
    limits: {},
    version: 0,
  };
}

/** Ids are random and short enough for the 64-character limit. */
export function newId(prefix: 'cmp' | 'thm'): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
}
