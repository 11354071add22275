import { CampaignKindSchema, CampaignSchema } from '@promo/shared';
import { describe, expect, it } from 'vitest';
import { CatalogItemSchema } from '../catalog/catalog.schema.js';
import { validateCampaign } from '../campaigns/campaign-validation.js';
import { scheduleStatus } from '../campaigns/campaign-lifecycle.js';
import { demoCampaigns } from './demo-campaigns.js';
import { demoCategories, demoItems } from './demo-catalog.js';

const now = Date.parse('2026-11-11T12:00:00+08:00');

describe('demo catalog', () => {
  it('has 500 valid, unique SKUs whose categories exist, the same on every run', () => {
    const items = demoItems();
    expect(items).toHaveLength(500);
    expect(new Set(items.map((i) => i.sku)).size).toBe(500);
    expect(new Set(items.map((i) => i.barcode)).size).toBe(500);
    const categoryIds = new Set(demoCategories().map((c) => c.id));
    for (const item of items) {
      expect(CatalogItemSchema.parse(item)).toEqual(item);
      expect(categoryIds.has(item.categoryId)).toBe(true);
      expect(item.cost).toBeLessThan(item.price);
    }
    expect(demoItems()).toEqual(items);
  });
});

describe('demo campaigns', () => {
  it('cover every kind, validate cleanly and are live at seeding time', () => {
    const campaigns = demoCampaigns(now);
    expect(new Set(campaigns.map((c) => c.kind))).toEqual(new Set(CampaignKindSchema.options));
    for (const campaign of campaigns) {
      const parsed = CampaignSchema.parse(campaign);
      expect(validateCampaign(parsed), campaign.id).toEqual([]);
      expect(scheduleStatus(parsed.schedule, now), campaign.id).toBe('live');
    }
  });

  it('only refer to SKUs of the demo catalog', () => {
    const skus = new Set(demoItems().map((i) => i.sku));
    for (const campaign of demoCampaigns(now)) for (const sku of campaign.scope.skus) expect(skus.has(sku), sku).toBe(true);
  });
});
