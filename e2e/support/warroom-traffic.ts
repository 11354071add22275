import { expect, type APIRequestContext } from '@playwright/test';
import { simulateSale, type SaleSimulationResult, type SimulatedFlashSale } from '../../server/src/live/sale-simulator.js';
import type { E2eState } from './e2e-state.js';

/** The flash sale the war-room journey opens: the demo's own slots (10:00, 20:00) may be closed when the suite runs. */
export const OPEN_FLASH: SimulatedFlashSale & { stock: Record<string, number> } = {
  campaignId: 'e2e-flash-now',
  skus: ['FRUIT-03', 'SEAFOOD-03'],
  stock: { 'FRUIT-03': 80, 'SEAFOOD-03': 40 },
};

/** Ordinary cart lines of the simulated shoppers (demo catalog SKUs). */
export const TRAFFIC_SKUS = ['FRUIT-01', 'FRUIT-02', 'VEGETABLES-01', 'MILK-01', 'YOGURT-01', 'EGGS-01', 'PORK-01', 'BREAD-01'];

/** The theme the demo's live campaigns belong to, as a screen user sees it (`GET /campaigns/live`). */
export async function demoThemeId(request: APIRequestContext, screenToken: string): Promise<string> {
  const res = await request.get('/api/v1/campaigns/live', { headers: { authorization: `Bearer ${screenToken}` } });
  expect(res.status(), await res.text()).toBe(200);
  const { campaigns } = (await res.json()) as { campaigns: { themeId?: string }[] };
  const themeId = campaigns.find((c) => c.themeId)?.themeId;
  if (!themeId) throw new Error('no live campaign belongs to a theme');
  return themeId;
}

/** Creates and publishes a flash sale in `themeId` with a slot open all day (as a planner would in the studio). */
export async function openFlashSale(request: APIRequestContext, adminToken: string, themeId: string): Promise<void> {
  const headers = { authorization: `Bearer ${adminToken}` };
  const now = Date.now();
  const doc = {
    id: OPEN_FLASH.campaignId,
    name: '全天秒杀（演示）',
    nameEn: 'All-day flash sale (demo)',
    kind: 'flash_sale',
    themeId,
    priority: 300,
    schedule: { start: new Date(now - 3_600_000).toISOString(), end: new Date(now + 86_400_000).toISOString(), timezone: 'Asia/Shanghai' },
    scope: { type: 'items', skus: OPEN_FLASH.skus, categoryIds: [], excludeSkus: [], excludeCategoryIds: [] },
    graph: {
      nodes: [
        { id: 'start', type: 'start', args: {}, position: { x: 0, y: 0 } },
        { id: 'offer', type: 'offer', args: { offer: { kind: 'flash_sale', slots: [{ start: '00:00', end: '24:00' }], items: OPEN_FLASH.skus.map((sku) => ({ sku, price: 990, stock: OPEN_FLASH.stock[sku]!, perUserLimit: 3 })), reservationMinutes: 15 } }, position: { x: 320, y: 0 } },
      ],
      edges: [{ id: 'start->offer', source: 'start', target: 'offer' }],
    },
  };
  const created = await request.post('/api/v1/campaigns', { headers, data: doc });
  expect(created.status(), await created.text()).toBe(201);
  const published = await request.post(`/api/v1/campaigns/${OPEN_FLASH.campaignId}/publish`, { headers, data: {} });
  expect(published.status(), await published.text()).toBe(200);
}

/** Simulated sale traffic running in the background until `stop()`, which resolves with what it did. */
export function startSaleTraffic(stack: E2eState, options: { seconds: number; ordersPerSecond: number }): { stop(): Promise<SaleSimulationResult> } {
  const controller = new AbortController();
  const run = simulateSale({
    baseUrl: stack.baseUrl,
    apiKey: stack.apiKey,
    seconds: options.seconds,
    ordersPerSecond: options.ordersPerSecond,
    skus: TRAFFIC_SKUS,
    flashSales: [OPEN_FLASH],
    flashShare: 0.6,
    eventCampaignIds: ['demo-threshold-tiers', 'demo-dairy-85', OPEN_FLASH.campaignId],
    users: 400,
    seed: 11,
    signal: controller.signal,
  });
  return {
    stop() {
      controller.abort();
      return run;
    },
  };
}
