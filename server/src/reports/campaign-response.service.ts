import { z } from 'zod';
import type { Knex } from 'knex';
import { campaignOrders, exposures, userHistoryBefore } from '../analytics/analytics-data.repo.js';
import { profileFrom } from '../users/user-profile.service.js';

/** How to split a campaign's response. */
export const ResponseBySchema = z.enum(['segment', 'region', 'channel']);
export type ResponseBy = z.infer<typeof ResponseBySchema>;

/** The segments of the split, in display order. `high_value` overlaps the other three. */
export const RESPONSE_SEGMENTS = ['new', 'active', 'dormant', 'high_value'] as const;

export interface ResponseRow {
  key: string;
  /** Distinct users with an impression of the campaign in the group. */
  exposed: number;
  /** Distinct users with a committed order the campaign applied to, in the group. */
  buyers: number;
  orders: number;
  /** What those orders paid, in fen. */
  gmv: number;
  /** What the campaign gave on them, in fen. */
  discount: number;
  /** Share of the group's exposed users who bought with the campaign in the window; null without exposed users. */
  responseRate: number | null;
}

export interface CampaignResponse {
  campaignId: string;
  by: ResponseBy;
  window: { from: number; to: number };
  rows: ResponseRow[];
}

/**
 * A user's segments as they stood when the window opened (their order history before it), so a
 * first order inside the window still counts as a new user's response.
 */
function segmentsAt(history: { n: number; last: number; spent: number } | undefined, at: number): string[] {
  const profile = profileFrom(history ? { n: history.n, last: history.last, spent: history.spent } : { n: 0, last: null, spent: 0 }, at);
  return profile.segments.map((s) => (s.startsWith('dormant_') ? 'dormant' : s));
}

/**
 * How a campaign's audience responded, split by segment (new / active / dormant at the window's
 * start, plus high value), by region or by channel: exposed users, buyers, orders, GMV, discount
 * and response rate per group. Region and channel are where the order was placed or the
 * impression seen.
 */
export async function campaignResponse(db: Knex, campaignId: string, window: { from: number; to: number }, by: ResponseBy): Promise<CampaignResponse> {
  const orders = await campaignOrders(db, [campaignId], window.from, window.to);
  const seen = await exposures(db, [campaignId], window.from, window.to);
  let history = new Map<string, { n: number; last: number; spent: number }>();
  if (by === 'segment') history = await userHistoryBefore(db, [...new Set([...orders.map((o) => o.userId), ...seen.map((e) => e.userId)])], window.from);
  const keysOf = (user: string, place: { region: string; channel: string }): string[] => (by === 'segment' ? segmentsAt(history.get(user), window.from) : [by === 'region' ? place.region : place.channel]);

  const groups = new Map<string, { exposed: Set<string>; buyers: Set<string>; orders: Set<string>; gmv: number; discount: number }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { exposed: new Set(), buyers: new Set(), orders: new Set(), gmv: 0, discount: 0 };
      groups.set(key, g);
    }
    return g;
  };
  if (by === 'segment') for (const key of RESPONSE_SEGMENTS) group(key);
  for (const e of seen) for (const key of keysOf(e.userId, e)) group(key).exposed.add(e.userId);
  for (const o of orders) {
    for (const key of keysOf(o.userId, o)) {
      const g = group(key);
      g.buyers.add(o.userId);
      g.orders.add(o.orderId);
      g.gmv += o.total;
      g.discount += o.discount;
    }
  }
  const bought = new Set(orders.map((o) => o.userId));
  const responders = (exposed: Set<string>) => [...exposed].filter((u) => bought.has(u)).length;
  const rows = [...groups].map(([key, g]) => ({ key, exposed: g.exposed.size, buyers: g.buyers.size, orders: g.orders.size, gmv: g.gmv, discount: g.discount, responseRate: g.exposed.size > 0 ? responders(g.exposed) / g.exposed.size : null }));
  if (by !== 'segment') rows.sort((a, b) => b.gmv - a.gmv || a.key.localeCompare(b.key));
  return { campaignId, by, window, rows };
}
