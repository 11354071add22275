import { currentSlot, nextSlotStart, type Campaign, type DailySlot } from '@promo/shared';
import { offersOf } from '../campaigns/promotion-items.js';
import { tokenSuffix } from './reservation-token.js';
import { itemId, type SaleItemRef } from './sale-item.js';

/** A flash-sale SKU as its published campaign defines it. */
export interface SaleItemConfig extends SaleItemRef {
  /** `campaignId:sku`, computed once (the hot path keys local flags by it). */
  id: string;
  /** The item part of its reservation tokens, computed once. */
  tokenSuffix: string;
  price: number;
  /** Units the offer puts on sale (the warm-up never allocates more than reported inventory). */
  stock: number;
  perUserLimit: number;
  reservationMs: number;
  slots: readonly DailySlot[];
  timezone: string;
  windowStart: number;
  windowEnd: number;
}

/** Where campaigns come from: the app's shared live campaigns (`ModuleContext.liveCampaigns`) in production, a fixed list in tests. */
export interface CampaignSource {
  snapshot(): { campaigns: readonly Campaign[]; version: number };
}

export type SlotDecision = { kind: 'open'; closesAt: number } | { kind: 'not_started'; opensAt: number | null } | { kind: 'ended' };

/** The flash-sale items of one campaign (every flash_sale offer node). */
export function flashItemsOf(campaign: Campaign): SaleItemConfig[] {
  const windowStart = Date.parse(campaign.schedule.start);
  const windowEnd = Date.parse(campaign.schedule.end);
  return offersOf(campaign).flatMap((offer) =>
    offer.kind !== 'flash_sale'
      ? []
      : offer.items.map((i) => ({
          id: itemId({ campaignId: campaign.id, sku: i.sku }),
          tokenSuffix: tokenSuffix({ campaignId: campaign.id, sku: i.sku }),
          campaignId: campaign.id,
          sku: i.sku,
          price: i.price,
          stock: i.stock,
          perUserLimit: i.perUserLimit,
          reservationMs: offer.reservationMinutes * 60_000,
          slots: offer.slots,
          timezone: campaign.schedule.timezone,
          windowStart,
          windowEnd,
        })),
  );
}

/**
 * Whether the item takes reservations at `now`: inside the campaign window and one of its daily
 * slots. A slot is closed at the earlier of its end and the window's end.
 */
export function slotDecision(item: SaleItemConfig, now: number): SlotDecision {
  if (now >= item.windowEnd) return { kind: 'ended' };
  if (now < item.windowStart) return { kind: 'not_started', opensAt: nextSlotStart(item.slots, item.timezone, item.windowStart - 1) };
  const slot = currentSlot(item.slots, item.timezone, now);
  if (slot) return { kind: 'open', closesAt: Math.min(slot.end, item.windowEnd) };
  const next = nextSlotStart(item.slots, item.timezone, now);
  if (next === null || next >= item.windowEnd) return { kind: 'ended' };
  return { kind: 'not_started', opensAt: next };
}

export interface SaleCatalog {
  find(campaignId: string, sku: string): SaleItemConfig | undefined;
  all(): readonly SaleItemConfig[];
  /** The open window `[from, closesAt)` of an item at `now`, memoised so the hot path rarely computes slots. */
  decide(item: SaleItemConfig, now: number): SlotDecision;
}

/** An index of flash items rebuilt whenever the campaign source's snapshot version changes. */
export function createSaleCatalog(source: CampaignSource): SaleCatalog {
  let version = -1;
  let byId = new Map<string, SaleItemConfig>();
  let list: SaleItemConfig[] = [];
  const openWindows = new WeakMap<SaleItemConfig, { from: number; closesAt: number }>();

  function current(): Map<string, SaleItemConfig> {
    const snap = source.snapshot();
    if (snap.version !== version) {
      version = snap.version;
      list = snap.campaigns.filter((c) => c.status !== 'paused').flatMap(flashItemsOf);
      byId = new Map(list.map((i) => [i.id, i]));
    }
    return byId;
  }

  return {
    find: (campaignId, sku) => current().get(`${campaignId}:${sku}`),
    all() {
      current();
      return list;
    },
    decide(item, now) {
      const known = openWindows.get(item);
      if (known && known.from <= now && now < known.closesAt) return { kind: 'open', closesAt: known.closesAt };
      const decision = slotDecision(item, now);
      if (decision.kind === 'open') openWindows.set(item, { from: now, closesAt: decision.closesAt });
      return decision;
    },
  };
}
