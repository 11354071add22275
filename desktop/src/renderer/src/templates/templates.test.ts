import { describe, expect, it } from 'vitest';
import { CampaignSchema, ThemeSchema, validateGraph } from '@promo/shared';
import { CAMPAIGN_KINDS, createCampaignDraft } from './kind-templates.js';
import { createFestivalTheme, FESTIVAL_YEARS, FESTIVALS } from './festival-templates.js';

function counter(): (prefix: 'cmp' | 'thm') => string {
  let n = 0;
  return (prefix) => `${prefix}_${++n}`;
}

describe('kind templates', () => {
  it.each(CAMPAIGN_KINDS)('gives a %s draft that parses and whose graph is valid', (kind) => {
    const draft = createCampaignDraft(kind, { id: `c_${kind}`, name: kind, start: '2026-06-01T00:00:00+08:00', end: '2026-06-19T00:00:00+08:00', sampleSkus: ['SKU-1', 'SKU-2'] });
    expect(CampaignSchema.parse(draft)).toEqual(draft);
    expect(validateGraph(draft.graph, kind)).toEqual([]);
  });

  it('scopes item-level kinds to the offer SKUs', () => {
    const draft = createCampaignDraft('flash_sale', { id: 'f', name: 'f', start: '2026-06-01T00:00:00+08:00', end: '2026-06-02T00:00:00+08:00', sampleSkus: ['SKU-9'] });
    expect(draft.scope).toMatchObject({ type: 'items', skus: ['SKU-9'] });
  });
});

describe('festival templates', () => {
  it.each(FESTIVALS)('creates a %s theme with valid campaigns inside its window', (key) => {
    const { theme, campaigns } = createFestivalTheme(key, 2026, counter());
    expect(ThemeSchema.parse(theme)).toEqual(theme);
    expect(campaigns.length).toBeGreaterThanOrEqual(2);
    for (const campaign of campaigns) {
      expect(CampaignSchema.parse(campaign)).toEqual(campaign);
      expect(campaign.themeId).toBe(theme.id);
      expect(Date.parse(campaign.schedule.start)).toBeGreaterThanOrEqual(Date.parse(theme.start));
      expect(Date.parse(campaign.schedule.end)).toBeLessThanOrEqual(Date.parse(theme.end));
      expect(validateGraph(campaign.graph, campaign.kind)).toEqual([]);
    }
  });

  it('places lunar festivals on their date of the year', () => {
    const spring = createFestivalTheme('spring', 2026, counter()).theme;
    expect(spring.start).toBe('2026-02-03T00:00:00+08:00');
    expect(spring.end).toBe('2026-02-24T00:00:00+08:00');
    const midAutumn = createFestivalTheme('midautumn', 2027, counter()).theme;
    expect(midAutumn.end).toBe('2027-09-16T00:00:00+08:00');
  });

  it('covers 11.11 itself and the flash sale at midnight on the day', () => {
    const { theme, campaigns } = createFestivalTheme('double11', 2026, counter());
    expect(theme.end).toBe('2026-11-12T00:00:00+08:00');
    expect(campaigns.find((c) => c.kind === 'flash_sale')?.schedule.start).toBe('2026-11-11T00:00:00+08:00');
  });

  it('knows lunar dates for every offered year', () => {
    for (const year of FESTIVAL_YEARS) expect(() => createFestivalTheme('lantern', year, counter())).not.toThrow();
    expect(() => createFestivalTheme('spring', 2040, counter())).toThrow(RangeError);
  });
});
