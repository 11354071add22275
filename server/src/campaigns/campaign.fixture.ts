import { createTemplateGraph } from '@promo/shared';
import type { CampaignWrite } from './campaign.schema.js';

/** A valid 满减 draft for tests: ¥10 off ¥100, storewide, in the window [start, end). */
export function thresholdCampaign(id: string, window: { start: number; end: number }, overrides: Partial<CampaignWrite> = {}): CampaignWrite & { id: string } {
  return {
    id,
    name: `满100减10 ${id}`,
    nameEn: `¥10 off ¥100 ${id}`,
    kind: 'threshold_off',
    status: 'draft',
    version: 0,
    priority: 100,
    schedule: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), timezone: 'Asia/Shanghai' },
    scope: { type: 'storewide', skus: [], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] },
    graph: createTemplateGraph('threshold_off', { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10_000, off: 1_000 }] }),
    stacking: { mode: 'exclusive', excludeDiscountedLines: false },
    limits: {},
    ...overrides,
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
