import type { Campaign, CampaignKind, Offer, Theme } from '@promo/shared';
import { createCampaignDraft, defaultOffer } from './kind-templates.js';

export const FESTIVALS = ['spring', 'lantern', '618', 'midautumn', 'national', 'double11', 'double12'] as const;
export type FestivalKey = (typeof FESTIVALS)[number];

/** Lunar festivals move every year: first day of the 1st month, 15th of the 1st, 15th of the 8th. */
const LUNAR_DATES: Record<'spring' | 'lantern' | 'midautumn', Record<number, string>> = {
  spring: { 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03' },
  lantern: { 2025: '2025-02-12', 2026: '2026-03-03', 2027: '2027-02-20', 2028: '2028-02-09', 2029: '2029-02-27', 2030: '2030-02-17' },
  midautumn: { 2025: '2025-10-06', 2026: '2026-09-25', 2027: '2027-09-15', 2028: '2028-10-03', 2029: '2029-09-22', 2030: '2030-09-12' },
};

export const FESTIVAL_YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;

interface CampaignPlan {
  kind: CampaignKind;
  name: string;
  nameEn: string;
  offer?: Offer;
  /** Day offsets inside the theme window (default: the whole window). */
  fromDay?: number;
  days?: number;
}

interface FestivalPlan {
  name: string;
  nameEn: string;
  palette: string[];
  /** First day of the window and its length in days. */
  window: (year: number) => { first: string; days: number };
  budget: number;
  campaigns: CampaignPlan[];
}

const addDays = (date: string, days: number): string => {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
};

const lunar = (key: keyof typeof LUNAR_DATES, year: number): string => {
  const date = LUNAR_DATES[key][year];
  if (!date) throw new RangeError(`no ${key} date for ${year}`);
  return date;
};

const tiers = (pairs: [number, number][]): Offer => ({ kind: 'threshold_off', mode: 'tiers', tiers: pairs.map(([minSpend, off]) => ({ minSpend: minSpend * 100, off: off * 100 })) });

const PLANS: Record<FestivalKey, FestivalPlan> = {
  spring: {
    name: '春节年货节',
    nameEn: 'Spring Festival Sale',
    palette: ['#c62828', '#f9a825'],
    window: (y) => ({ first: addDays(lunar('spring', y), -14), days: 21 }),
    budget: 50_000_000,
    campaigns: [
      { kind: 'threshold_off', name: '年货满减', nameEn: 'New Year goods: spend & save', offer: tiers([[199, 20], [399, 50], [699, 100]]) },
      { kind: 'gift', name: '满额送福袋', nameEn: 'Lucky bag with orders over ¥299', offer: { kind: 'gift', mode: 'spend_get_gift', minSpend: 29_900, gifts: [{ sku: 'GIFT-FUDAI', quantity: 1 }] } },
      { kind: 'flash_sale', name: '除夕秒杀', nameEn: "New Year's Eve flash sale", fromDay: 13, days: 1 },
      { kind: 'new_user', name: '新春新人礼', nameEn: 'New user welcome' },
    ],
  },
  lantern: {
    name: '元宵团圆',
    nameEn: 'Lantern Festival',
    palette: ['#d84315', '#ffcc80'],
    window: (y) => ({ first: addDays(lunar('lantern', y), -3), days: 4 }),
    budget: 10_000_000,
    campaigns: [
      { kind: 'percent_off', name: '汤圆 9 折', nameEn: 'Tangyuan 10% off', offer: { kind: 'percent_off', payRate: 9000 } },
      { kind: 'group_buy', name: '元宵拼团', nameEn: 'Lantern group buy' },
    ],
  },
  '618': {
    name: '618 年中大促',
    nameEn: '618 Mid-year Sale',
    palette: ['#e53935', '#1e88e5'],
    window: (y) => ({ first: `${y}-06-01`, days: 18 }),
    budget: 200_000_000,
    campaigns: [
      { kind: 'threshold_off', name: '618 跨店满减', nameEn: '618 spend & save', offer: tiers([[300, 50], [600, 120]]) },
      { kind: 'flash_sale', name: '618 零点秒杀', nameEn: '618 midnight flash sale', fromDay: 17, days: 1 },
      { kind: 'member', name: '会员日 95 折', nameEn: 'Member day 5% off', offer: { kind: 'member', minLevel: 1, benefit: { type: 'percent', payRate: 9500 }, pointsRedemption: [] } },
      { kind: 'group_buy', name: '618 拼团', nameEn: '618 group buy' },
    ],
  },
  midautumn: {
    name: '中秋团圆季',
    nameEn: 'Mid-Autumn Festival',
    palette: ['#6d4c41', '#ffd54f'],
    window: (y) => ({ first: addDays(lunar('midautumn', y), -10), days: 11 }),
    budget: 30_000_000,
    campaigns: [
      { kind: 'threshold_off', name: '月饼满减', nameEn: 'Mooncakes spend & save', offer: tiers([[100, 10], [200, 30]]) },
      { kind: 'gift', name: '买二送一', nameEn: 'Buy 2 get 1', offer: { kind: 'gift', mode: 'buy_n_get_m', buySkus: ['SKU-0001'], buyQuantity: 2, getSkus: ['SKU-0001'], getQuantity: 1, repeatable: true } },
    ],
  },
  national: {
    name: '国庆黄金周',
    nameEn: 'National Day Golden Week',
    palette: ['#c62828', '#ffeb3b'],
    window: (y) => ({ first: `${y}-10-01`, days: 7 }),
    budget: 80_000_000,
    campaigns: [
      { kind: 'percent_off', name: '国庆 8.8 折', nameEn: 'National Day 12% off', offer: { kind: 'percent_off', payRate: 8800, maxDiscount: 10_000 } },
      { kind: 'threshold_off', name: '黄金周满减', nameEn: 'Golden Week spend & save', offer: tiers([[200, 25], [500, 80]]) },
      { kind: 'new_user', name: '国庆新人礼', nameEn: 'New user welcome' },
    ],
  },
  double11: {
    name: '双十一狂欢',
    nameEn: 'Double 11',
    palette: ['#ff5722', '#212121'],
    window: (y) => ({ first: `${y}-10-31`, days: 12 }),
    budget: 500_000_000,
    campaigns: [
      { kind: 'threshold_off', name: '双十一每满减', nameEn: 'Double 11: ¥50 off every ¥300', offer: { kind: 'threshold_off', mode: 'every', every: 30_000, off: 5_000, cap: 50_000 } },
      { kind: 'flash_sale', name: '双十一零点秒杀', nameEn: 'Double 11 midnight flash sale', fromDay: 11, days: 1 },
      { kind: 'group_buy', name: '双十一拼团', nameEn: 'Double 11 group buy' },
      { kind: 'member', name: '会员专享价', nameEn: 'Members-only prices' },
      { kind: 'new_user', name: '双十一新人礼', nameEn: 'New user welcome' },
    ],
  },
  double12: {
    name: '双十二年终盛典',
    nameEn: 'Double 12',
    palette: ['#8e24aa', '#ff4081'],
    window: (y) => ({ first: `${y}-12-10`, days: 3 }),
    budget: 100_000_000,
    campaigns: [
      { kind: 'threshold_off', name: '双十二满减', nameEn: 'Double 12 spend & save', offer: tiers([[212, 30], [512, 80]]) },
      { kind: 'percent_off', name: '年终 9 折', nameEn: 'Year-end 10% off', offer: { kind: 'percent_off', payRate: 9000, maxDiscount: 20_000 } },
    ],
  },
};

export function festivalPlan(key: FestivalKey): Pick<FestivalPlan, 'name' | 'nameEn' | 'palette' | 'campaigns'> {
  return PLANS[key];
}

/**
 * A theme for a festival in `year` with its campaigns (drafts, China time). Ids come from
 * `newId` so a test can make them predictable.
 */
export function createFestivalTheme(key: FestivalKey, year: number, newId: (prefix: 'cmp' | 'thm') => string, sampleSkus: readonly string[] = []): { theme: Theme; campaigns: Campaign[] } {
  const plan = PLANS[key];
  const { first, days } = plan.window(year);
  const at = (day: string): string => `${day}T00:00:00+08:00`;
  const theme: Theme = {
    id: newId('thm'),
    name: `${year} ${plan.name}`,
    nameEn: `${plan.nameEn} ${year}`,
    festival: key,
    start: at(first),
    end: at(addDays(first, days)),
    palette: plan.palette,
    budget: plan.budget,
    version: 0,
  };
  const campaigns = plan.campaigns.map((c) => {
    const from = addDays(first, c.fromDay ?? 0);
    return createCampaignDraft(c.kind, {
      id: newId('cmp'),
      name: c.name,
      nameEn: c.nameEn,
      start: at(from),
      end: at(addDays(from, c.days ?? days)),
      themeId: theme.id,
      offer: c.offer ?? defaultOffer(c.kind, sampleSkus),
      sampleSkus,
    });
  });
  return { theme, campaigns };
}
