import type { Knex } from 'knex';

/** One committed or cancelled order with a campaign's part of it. */
export interface CampaignOrderRow {
  orderId: string;
  userId: string;
  campaignId: string;
  discount: number;
  total: number;
  createdAt: number;
  region: string;
  channel: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Committed orders the campaigns applied to in `[from, to)`, one row per (order, campaign). */
export async function campaignOrders(db: Knex, campaignIds: readonly string[], from: number, to: number): Promise<CampaignOrderRow[]> {
  if (campaignIds.length === 0) return [];
  const rows = (await db('promotion_records as r')
    .join('orders as o', 'o.order_id', 'r.order_id')
    .leftJoin('order_facts as f', 'f.order_id', 'r.order_id')
    .whereIn('r.promotion_id', [...campaignIds])
    .andWhere('o.status', 'committed')
    .andWhere('o.created_at', '>=', from)
    .andWhere('o.created_at', '<', to)
    .select('r.order_id', 'r.user_id', 'r.promotion_id', 'r.discount', 'o.total', 'o.created_at', 'f.region', 'f.channel')) as Record<string, unknown>[];
  return rows.map((r) => ({
    orderId: String(r.order_id),
    userId: String(r.user_id),
    campaignId: String(r.promotion_id),
    discount: Number(r.discount),
    total: Number(r.total),
    createdAt: Number(r.created_at),
    region: r.region ? String(r.region) : 'unknown',
    channel: r.channel ? String(r.channel) : 'unknown',
  }));
}

/** Distinct users with an event of `type` for the campaigns in `[from, to)`. */
export async function eventUsers(db: Knex, campaignIds: readonly string[], type: string, from: number, to: number): Promise<string[]> {
  if (campaignIds.length === 0) return [];
  const rows = (await db('events').whereIn('campaign_id', [...campaignIds]).andWhere({ type }).andWhere('at', '>=', from).andWhere('at', '<', to).distinct('user_id')) as { user_id: string }[];
  return rows.map((r) => r.user_id);
}

/** Event counts per type for the campaigns in `[from, to)`. */
export async function eventCounts(db: Knex, campaignIds: readonly string[], from: number, to: number): Promise<Record<string, number>> {
  if (campaignIds.length === 0) return {};
  const rows = (await db('events').whereIn('campaign_id', [...campaignIds]).andWhere('at', '>=', from).andWhere('at', '<', to).groupBy('type').select('type').count({ n: '*' })) as { type: string; n: number | string }[];
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

/** Per user: committed orders and what they paid in `[from, to)` (users without orders are absent). */
export async function userOrderTotals(db: Knex, userIds: readonly string[], from: number, to: number): Promise<Map<string, { orders: number; revenue: number }>> {
  const out = new Map<string, { orders: number; revenue: number }>();
  for (const part of chunks(userIds)) {
    const rows = (await db('orders').whereIn('user_id', part).andWhere('status', 'committed').andWhere('created_at', '>=', from).andWhere('created_at', '<', to).groupBy('user_id').select('user_id').count({ n: '*' }).sum({ revenue: 'total' })) as { user_id: string; n: number | string; revenue: number | string }[];
    for (const r of rows) out.set(r.user_id, { orders: Number(r.n), revenue: Number(r.revenue) });
  }
  return out;
}

/** Users among `userIds` with a committed order before `before`. */
export async function usersWithOrdersBefore(db: Knex, userIds: readonly string[], before: number): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(userIds)) {
    const rows = (await db('orders').whereIn('user_id', part).andWhere('status', 'committed').andWhere('created_at', '<', before).distinct('user_id')) as { user_id: string }[];
    for (const r of rows) out.add(r.user_id);
  }
  return out;
}

/** Platform-wide activity in `[from, to)`: committed orders and distinct active users (orders or events). */
export async function platformActivity(db: Knex, from: number, to: number): Promise<{ orders: number; activeUsers: number }> {
  const orders = (await db('orders').where('status', 'committed').andWhere('created_at', '>=', from).andWhere('created_at', '<', to).count({ n: '*' }).first()) as { n: number | string } | undefined;
  const buyers = (await db('orders').where('status', 'committed').andWhere('created_at', '>=', from).andWhere('created_at', '<', to).distinct('user_id')) as { user_id: string }[];
  const visitors = (await db('events').where('at', '>=', from).andWhere('at', '<', to).distinct('user_id')) as { user_id: string }[];
  return { orders: Number(orders?.n ?? 0), activeUsers: new Set([...buyers, ...visitors].map((r) => r.user_id)).size };
}

/** Discount a campaign gave each user in `[from, to)` (committed orders). */
export async function discountByUser(db: Knex, campaignId: string, userIds: readonly string[], from: number, to: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(userIds)) {
    const rows = (await db('promotion_records as r').join('orders as o', 'o.order_id', 'r.order_id').where('r.promotion_id', campaignId).andWhere('o.status', 'committed').whereIn('r.user_id', part).andWhere('o.created_at', '>=', from).andWhere('o.created_at', '<', to).groupBy('r.user_id').select('r.user_id').sum({ d: 'r.discount' })) as { user_id: string; d: number | string }[];
    for (const r of rows) out.set(r.user_id, Number(r.d));
  }
  return out;
}

/** One user's exposure to the campaigns: where and through which channel they saw them. */
export interface ExposureRow {
  userId: string;
  region: string;
  channel: string;
}

/** Distinct (user, region, channel) of impression events for the campaigns in `[from, to)`. */
export async function exposures(db: Knex, campaignIds: readonly string[], from: number, to: number): Promise<ExposureRow[]> {
  if (campaignIds.length === 0) return [];
  const rows = (await db('events').whereIn('campaign_id', [...campaignIds]).andWhere({ type: 'impression' }).andWhere('at', '>=', from).andWhere('at', '<', to).distinct('user_id', 'region', 'channel')) as { user_id: string; region: string; channel: string }[];
  return rows.map((r) => ({ userId: r.user_id, region: r.region || 'unknown', channel: r.channel || 'unknown' }));
}

/** Per user: committed orders, last order time and total spent before `before` (users without orders are absent). */
export async function userHistoryBefore(db: Knex, userIds: readonly string[], before: number): Promise<Map<string, { n: number; last: number; spent: number }>> {
  const out = new Map<string, { n: number; last: number; spent: number }>();
  for (const part of chunks(userIds)) {
    const rows = (await db('orders').whereIn('user_id', part).andWhere('status', 'committed').andWhere('created_at', '<', before).groupBy('user_id').select('user_id').count({ n: '*' }).max({ last: 'created_at' }).sum({ spent: 'total' })) as { user_id: string; n: number | string; last: number | string; spent: number | string }[];
    for (const r of rows) out.set(r.user_id, { n: Number(r.n), last: Number(r.last), spent: Number(r.spent) });
  }
  return out;
}
