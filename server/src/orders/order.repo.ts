import { QuoteResultSchema, type QuoteResult } from '@promo/shared';
import type { Knex } from 'knex';
import { LimitPlanSchema, type LimitPlan } from '../limits/limit-plan.schema.js';
import type { OrderResponse, OrderStatus } from './order.schema.js';

type Db = Knex | Knex.Transaction;

interface OrderRow {
  order_id: string;
  user_id: string;
  status: OrderStatus;
  subtotal: number | string;
  discount: number | string;
  total: number | string;
  result: string;
  limits_plan: string;
  created_at: number | string;
  cancelled_at: number | string | null;
}

export interface StoredOrder {
  response: OrderResponse;
  plan: LimitPlan;
}

const EMPTY_PLAN = JSON.stringify({ orderId: '-', entries: [] });

function toStored(row: OrderRow): StoredOrder {
  const result: QuoteResult =
    row.status === 'pending' ? emptyResult() : QuoteResultSchema.parse(JSON.parse(row.result));
  return {
    response: {
      orderId: row.order_id,
      userId: row.user_id,
      status: row.status,
      result,
      createdAt: Number(row.created_at),
      cancelledAt: row.cancelled_at === null ? null : Number(row.cancelled_at),
    },
    plan: LimitPlanSchema.parse(JSON.parse(row.limits_plan)),
  };
}

function emptyResult(): QuoteResult {
  const zero = { subtotal: 0, itemDiscount: 0, orderDiscount: 0, couponDiscount: 0, pointsDiscount: 0, discount: 0, total: 0 };
  return { lines: [], totals: zero, applied: [], notApplied: [], coupons: { applied: [], rejected: [] }, points: { requested: 0, used: 0, amount: 0, reason: null }, upsell: [] };
}

export async function findOrderOrigin(db: Db, orderId: string): Promise<OrderOrigin | null> {
  const row = await db('orders').where({ order_id: orderId }).first<{ channel: string | null; province: string | null } | undefined>('channel', 'province');
  return row?.channel ? { channel: row.channel, province: row.province } : null;
}

export async function findOrder(db: Db, orderId: string): Promise<StoredOrder | null> {
  const row = await db<OrderRow>('orders').where({ order_id: orderId }).first();
  return row ? toStored(row) : null;
}

/** Where an order came from, kept on its row for the war room's splits (null on orders older than it). */
export interface OrderOrigin {
  channel: string;
  province: string | null;
}

/** Inserts the pending claim row; the unique order id makes exactly one caller the committer. */
export async function insertClaim(db: Db, orderId: string, userId: string, now: number, origin: OrderOrigin): Promise<void> {
  await db('orders').insert({
    order_id: orderId,
    user_id: userId,
    channel: origin.channel,
    province: origin.province,
    status: 'pending',
    subtotal: 0,
    discount: 0,
    total: 0,
    result: '{}',
    limits_plan: EMPTY_PLAN,
    created_at: now,
    cancelled_at: null,
  });
}

/** Records what is about to be consumed before consuming it, so a crash leaves a plan to release. */
export async function savePendingPlan(db: Db, orderId: string, plan: LimitPlan): Promise<void> {
  await db('orders').where({ order_id: orderId, status: 'pending' }).update({ limits_plan: JSON.stringify(plan) });
}

export async function deleteClaim(db: Db, orderId: string): Promise<void> {
  await db('orders').where({ order_id: orderId, status: 'pending' }).del();
}

export interface PromotionRecord {
  user_id: string;
  promotion_id: string;
  order_id: string;
  create_time: number;
  discount: number;
  variant: string | null;
}

/** Turns the claim into the committed order and writes one participation record per applied campaign. */
export async function finalizeOrder(trx: Knex.Transaction, orderId: string, result: QuoteResult, plan: LimitPlan, records: readonly PromotionRecord[]): Promise<boolean> {
  const changed = await trx('orders')
    .where({ order_id: orderId, status: 'pending' })
    .update({
      status: 'committed',
      subtotal: result.totals.subtotal,
      discount: result.totals.discount,
      total: result.totals.total,
      result: JSON.stringify(result),
      limits_plan: JSON.stringify(plan),
    });
  if (changed === 0) return false;
  if (records.length > 0) await trx('promotion_records').insert([...records]);
  return true;
}

/** Marks a committed order cancelled (once) and removes its participation records. */
export async function markCancelled(trx: Knex.Transaction, orderId: string, now: number): Promise<boolean> {
  const changed = await trx('orders').where({ order_id: orderId, status: 'committed' }).update({ status: 'cancelled', cancelled_at: now });
  if (changed === 0) return false;
  await trx('promotion_records').where({ order_id: orderId }).del();
  return true;
}

/** Claims older than `before` that never settled (the committing process died). */
export async function stalePending(db: Db, before: number, limit: number): Promise<StoredOrder[]> {
  const rows = await db<OrderRow>('orders').where({ status: 'pending' }).andWhere('created_at', '<', before).orderBy('created_at').limit(limit);
  return rows.map(toStored);
}
