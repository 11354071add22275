import type { TestApp } from '../../test/test-app.js';

/** A committed order as the analysis reads it from SQL (orders, promotion_records, order_facts). */
export interface SeedOrder {
  id: string;
  user: string;
  total: number;
  /** The campaign's discount on this order; no promotion record when absent. */
  discount?: number;
  campaignId?: string;
  at: number;
  region?: string;
  channel?: string;
  status?: 'committed' | 'cancelled';
}

/** Writes orders straight to SQL: the analysis reads SQL only, so the tests skip pricing. */
export async function seedOrders(t: TestApp, orders: readonly SeedOrder[]): Promise<void> {
  const db = t.deps.db;
  for (const o of orders) {
    const discount = o.discount ?? 0;
    const status = o.status ?? 'committed';
    await db('orders').insert({ order_id: o.id, user_id: o.user, status, subtotal: o.total + discount, discount, total: o.total, result: '{}', limits_plan: '{}', created_at: o.at, cancelled_at: status === 'cancelled' ? o.at : null });
    if (o.campaignId) await db('promotion_records').insert({ user_id: o.user, promotion_id: o.campaignId, order_id: o.id, create_time: o.at, discount, variant: null });
    await db('order_facts').insert({ order_id: o.id, user_id: o.user, channel: o.channel ?? 'app', region: o.region ?? '31', subtotal: o.total + discount, discount, total: o.total, committed_at: o.at, cancelled_at: null });
  }
}

/** A store event row (impression by default) as the events endpoint's write-behind stores it. */
export interface SeedEvent {
  user: string;
  campaignId: string;
  at: number;
  type?: 'impression' | 'click';
  region?: string;
  channel?: string;
}

/** Writes event rows straight to SQL in chunks. */
export async function seedEvents(t: TestApp, events: readonly SeedEvent[]): Promise<void> {
  const rows = events.map((e, i) => ({ event_id: `seed-${e.campaignId}-${e.user}-${e.at}-${i}`, type: e.type ?? 'impression', user_id: e.user, campaign_id: e.campaignId, theme_id: null, sku: null, amount: null, channel: e.channel ?? 'app', region: e.region ?? '31', at: e.at, received_at: e.at }));
  for (let i = 0; i < rows.length; i += 200) await t.deps.db('events').insert(rows.slice(i, i + 200));
}
