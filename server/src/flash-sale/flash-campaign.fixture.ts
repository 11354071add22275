import { CampaignSchema, type Campaign } from '@promo/shared';
import type { CampaignSource } from './sale-catalog.js';

export interface FixtureItem {
  sku: string;
  price?: number;
  stock: number;
  perUserLimit?: number;
}

/** A published flash-sale campaign for tests and the benchmark: open all day between `start` and `end`. */
export function flashCampaign(id: string, items: FixtureItem[], window: { start: number; end: number }, slots = [{ start: '00:00', end: '24:00' }]): Campaign {
  return CampaignSchema.parse({
    id,
    name: `flash ${id}`,
    kind: 'flash_sale',
    status: 'live',
    schedule: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), timezone: 'Asia/Shanghai' },
    scope: { type: 'items', skus: items.map((i) => i.sku) },
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'offer',
          type: 'offer',
          args: {
            offer: {
              kind: 'flash_sale',
              slots,
              items: items.map((i) => ({ sku: i.sku, price: i.price ?? 990, stock: i.stock, perUserLimit: i.perUserLimit ?? 1 })),
              reservationMinutes: 15,
            },
          },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'offer' }],
    },
    version: 1,
  });
}

/** A fixed campaign list as a campaign source. */
export function staticCampaigns(campaigns: Campaign[]): CampaignSource {
  return { snapshot: () => ({ campaigns, version: 1 }) };
}
