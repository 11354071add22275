import { CouponValueSchema, ScopeSchema, type CouponValue, type Scope } from '@promo/shared';
import type { Knex } from 'knex';
import type { CouponTemplate } from './coupon.schema.js';

type Db = Knex | Knex.Transaction;

interface TemplateRow {
  id: string;
  name: string;
  name_en: string | null;
  type: string;
  off: number | string | null;
  pay_rate: number | null;
  max_discount: number | string | null;
  min_spend: number | string;
  scope: string;
  stackable: number | boolean;
  validity_days: number | null;
  valid_from: number | string | null;
  valid_to: number | string | null;
  total_quantity: number | null;
  issued_count: number;
  per_user_limit: number | null;
  created_at: number | string;
  created_by: string;
}

/** A coupon row in the database. `issued` is what the engine calls `available`. */
export interface CouponRow {
  id: string;
  template_id: string;
  user_id: string;
  status: 'issued' | 'locked' | 'used' | 'expired';
  issued_at: number;
  used_order_id: string | null;
  valid_from: number;
  valid_to: number;
  source: string;
}

const nullableNumber = (v: number | string | null): number | null => (v === null ? null : Number(v));

function valueColumns(value: CouponValue): Pick<TemplateRow, 'type' | 'off' | 'pay_rate' | 'max_discount' | 'min_spend'> {
  switch (value.type) {
    case 'fixed':
      return { type: 'fixed', off: value.off, pay_rate: null, max_discount: null, min_spend: value.minSpend };
    case 'percent':
      return { type: 'percent', off: null, pay_rate: value.payRate, max_discount: value.maxDiscount ?? null, min_spend: value.minSpend };
    case 'threshold':
      return { type: 'threshold', off: value.off, pay_rate: null, max_discount: null, min_spend: value.minSpend };
  }
}

function valueOf(row: TemplateRow): CouponValue {
  return CouponValueSchema.parse({
    type: row.type,
    minSpend: Number(row.min_spend),
    ...(row.off !== null ? { off: Number(row.off) } : {}),
    ...(row.pay_rate !== null ? { payRate: Number(row.pay_rate) } : {}),
    ...(row.max_discount !== null ? { maxDiscount: Number(row.max_discount) } : {}),
  });
}

function toTemplate(row: TemplateRow): CouponTemplate {
  const scope: Scope = ScopeSchema.parse(JSON.parse(row.scope));
  return {
    id: row.id,
    name: row.name,
    ...(row.name_en ? { nameEn: row.name_en } : {}),
    value: valueOf(row),
    scope,
    stackable: Boolean(row.stackable),
    validity:
      row.validity_days !== null
        ? { type: 'days', days: Number(row.validity_days) }
        : { type: 'window', from: new Date(Number(row.valid_from)).toISOString(), to: new Date(Number(row.valid_to)).toISOString() },
    totalQuantity: row.total_quantity === null ? null : Number(row.total_quantity),
    issuedCount: Number(row.issued_count),
    perUserLimit: nullableNumber(row.per_user_limit),
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
  };
}

export async function insertTemplate(db: Db, template: CouponTemplate): Promise<void> {
  const window = template.validity.type === 'window' ? template.validity : null;
  await db('coupon_templates').insert({
    id: template.id,
    name: template.name,
    name_en: template.nameEn ?? null,
    ...valueColumns(template.value),
    scope: JSON.stringify(template.scope),
    stackable: template.stackable,
    validity_days: template.validity.type === 'days' ? template.validity.days : null,
    valid_from: window ? Date.parse(window.from) : null,
    valid_to: window ? Date.parse(window.to) : null,
    total_quantity: template.totalQuantity,
    issued_count: 0,
    per_user_limit: template.perUserLimit,
    created_at: template.createdAt,
    created_by: template.createdBy,
  });
}

export async function findTemplate(db: Db, id: string): Promise<CouponTemplate | null> {
  const row = await db<TemplateRow>('coupon_templates').where({ id }).first();
  return row ? toTemplate(row) : null;
}

export async function findTemplates(db: Db, ids: readonly string[]): Promise<CouponTemplate[]> {
  if (ids.length === 0) return [];
  const rows = await db<TemplateRow>('coupon_templates').whereIn('id', [...new Set(ids)]);
  return rows.map(toTemplate);
}

/**
 * Takes `count` coupons off the template's total quantity, or returns false when fewer are left.
 * The conditional UPDATE is the atomic check: it row-locks the template until the transaction ends.
 */
export async function reserveQuantity(trx: Knex.Transaction, templateId: string, count: number): Promise<boolean> {
  const changed = await trx('coupon_templates')
    .where({ id: templateId })
    .andWhere((q) => q.whereNull('total_quantity').orWhereRaw('issued_count + ? <= total_quantity', [count]))
    .update({ issued_count: trx.raw('issued_count + ?', [count]) });
  return changed > 0;
}

/** Locks the template row for the rest of the transaction (serialises issuing per template). */
export async function lockTemplate(trx: Knex.Transaction, templateId: string): Promise<void> {
  await trx('coupon_templates').where({ id: templateId }).update({ issued_count: trx.raw('issued_count') });
}

/** Coupons each user already holds from a template (any status). */
export async function countHeld(db: Db, templateId: string, userIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db('coupons')
    .where({ template_id: templateId })
    .whereIn('user_id', [...new Set(userIds)])
    .groupBy('user_id')
    .select<{ user_id: string; n: number | string }[]>('user_id', db.raw('COUNT(*) as n'));
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

export async function insertCoupons(db: Db, rows: readonly CouponRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await db('coupons').insert(rows.slice(i, i + 400));
}

export async function couponsOfUser(db: Db, userId: string, ids?: readonly string[]): Promise<CouponRow[]> {
  const query = db<CouponRow>('coupons').where({ user_id: userId });
  if (ids) query.whereIn('id', [...ids]);
  return query.orderBy([{ column: 'issued_at' }, { column: 'id' }]);
}

/** Marks the coupons used by `orderId`; returns how many were still issued and valid at `now`. */
export async function markUsed(trx: Knex.Transaction, userId: string, couponIds: readonly string[], orderId: string, now: number): Promise<number> {
  if (couponIds.length === 0) return 0;
  return trx('coupons')
    .where({ user_id: userId, status: 'issued' })
    .whereIn('id', [...couponIds])
    .andWhere('valid_from', '<=', now)
    .andWhere('valid_to', '>', now)
    .update({ status: 'used', used_order_id: orderId });
}

/** Withdraws the coupons issued with `source` that were not used yet (a cancelled points exchange). */
export async function revokeIssued(trx: Knex.Transaction, source: string): Promise<number> {
  return trx('coupons').where({ source, status: 'issued' }).update({ status: 'expired' });
}

/** Gives back the coupons an order used (cancel). */
export async function releaseForOrder(trx: Knex.Transaction, orderId: string): Promise<number> {
  return trx('coupons').where({ used_order_id: orderId, status: 'used' }).update({ status: 'issued', used_order_id: null });
}
