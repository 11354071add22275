import type { Campaign, CampaignKind, CampaignStatus } from '@promo/shared';

export interface CampaignFilters {
  kind?: CampaignKind | '';
  status?: CampaignStatus | '';
  themeId?: string;
  /** `YYYY-MM-DD`: campaigns whose window overlaps that day (in the campaign's zone, Shanghai by default). */
  date?: string;
  q?: string;
}

const DAY_MS = 86_400_000;

function dayWindow(date: string): [number, number] | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  // Campaign days are China days (+08:00) unless a campaign says otherwise; close enough for a filter.
  const start = Date.parse(`${date}T00:00:00+08:00`);
  return Number.isNaN(start) ? null : [start, start + DAY_MS];
}

/** The campaign list as filtered in the UI, newest window first. */
export function filterCampaigns(campaigns: readonly Campaign[], filters: CampaignFilters): Campaign[] {
  const q = filters.q?.trim().toLowerCase() ?? '';
  const day = filters.date ? dayWindow(filters.date) : null;
  return campaigns
    .filter((c) => !filters.kind || c.kind === filters.kind)
    .filter((c) => !filters.status || c.status === filters.status)
    .filter((c) => !filters.themeId || c.themeId === filters.themeId)
    .filter((c) => !q || c.name.toLowerCase().includes(q) || (c.nameEn ?? '').toLowerCase().includes(q) || c.id.toLowerCase().includes(q))
    .filter((c) => !day || (Date.parse(c.schedule.start) < day[1] && Date.parse(c.schedule.end) > day[0]))
    .sort((a, b) => Date.parse(b.schedule.start) - Date.parse(a.schedule.start) || a.name.localeCompare(b.name));
}
