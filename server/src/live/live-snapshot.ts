import type { LiveRoomRef, LiveStock, MetricsSnapshot } from '@promo/shared';
import { nextSlotStart } from '@promo/shared';
import type { FlashStockStore } from '../flash-sale/flash-stock.store.js';
import type { RoomReading } from './live-aggregates.js';
import type { LiveDirectory } from './live-directory.js';

/** Minutes in the orders-per-minute series. */
export const SERIES_MINUTES = 30;

async function stockOf(directory: LiveDirectory, stock: FlashStockStore, room: LiveRoomRef, now: number): Promise<LiveStock[]> {
  const items = directory.flashItemsOf(room);
  return Promise.all(
    items.map(async (item) => {
      const state = await stock.inspect(item);
      const open = state?.status === 'open' && state.closesAt > now;
      const next = nextSlotStart(item.slots, item.timezone, now);
      return {
        campaignId: item.campaignId,
        sku: item.sku,
        stockLeft: state ? state.stock : null,
        allocated: state?.allocated ?? item.stock,
        closesAt: open ? state.closesAt : null,
        nextSlotAt: next !== null && next < item.windowEnd ? next : null,
      };
    }),
  );
}

/** Turns one room's counters, its budget and its flash stock into the `metrics` payload. */
export async function buildSnapshot(input: { room: LiveRoomRef; reading: RoomReading; directory: LiveDirectory; stock: FlashStockStore; now: number }): Promise<MetricsSnapshot> {
  const { room, reading, directory, now } = input;
  const { totals } = reading;
  const total = directory.budgetOf(room);
  const attempts = reading.lastMinute.orders + reading.lastMinute.failures;
  return {
    room,
    at: now,
    gmv: totals.gmv,
    orders: totals.orders,
    buyers: reading.buyers,
    discountSpent: totals.discount,
    budget: { total, spent: totals.discount, left: total === null ? null : total - totals.discount },
    conversion: {
      impressions: totals.impressions,
      clicks: totals.clicks,
      addToCart: totals.add_to_cart,
      rate: totals.impressions > 0 ? totals.orders / totals.impressions : null,
    },
    stock: await stockOf(directory, input.stock, room, now),
    errorRate: attempts > 0 ? reading.lastMinute.failures / attempts : null,
    ordersPerMinute: reading.series,
    regions: reading.regions,
    channels: reading.channels,
    topSkus: reading.topSkus,
  };
}
