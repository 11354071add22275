import { describe, expect, it } from 'vitest';
import { createCampaignDraft } from '../templates/kind-templates.js';
import { filterCampaigns } from './campaign-filters.js';

const a = { ...createCampaignDraft('threshold_off', { id: 'a', name: '春节满减', start: '2026-02-10T00:00:00+08:00', end: '2026-02-20T00:00:00+08:00', themeId: 't1' }), status: 'live' as const };
const b = createCampaignDraft('flash_sale', { id: 'b', name: 'Flash 618', nameEn: 'Midyear flash', start: '2026-06-18T00:00:00+08:00', end: '2026-06-19T00:00:00+08:00' });
const all = [a, b];

describe('campaign filters', () => {
  it('filters by kind, status and theme', () => {
    expect(filterCampaigns(all, { kind: 'flash_sale' }).map((c) => c.id)).toEqual(['b']);
    expect(filterCampaigns(all, { status: 'live' }).map((c) => c.id)).toEqual(['a']);
    expect(filterCampaigns(all, { themeId: 't1' }).map((c) => c.id)).toEqual(['a']);
  });

  it('matches names in either language', () => {
    expect(filterCampaigns(all, { q: '春节' }).map((c) => c.id)).toEqual(['a']);
    expect(filterCampaigns(all, { q: 'midyear' }).map((c) => c.id)).toEqual(['b']);
  });

  it('keeps campaigns whose window overlaps the chosen China day', () => {
    expect(filterCampaigns(all, { date: '2026-02-19' }).map((c) => c.id)).toEqual(['a']);
    expect(filterCampaigns(all, { date: '2026-02-20' })).toEqual([]);
    expect(filterCampaigns(all, { date: '2026-06-18' }).map((c) => c.id)).toEqual(['b']);
  });

  it('lists the newest window first', () => {
    expect(filterCampaigns(all, {}).map((c) => c.id)).toEqual(['b', 'a']);
  });
});
