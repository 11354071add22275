import { randomBytes } from 'node:crypto';
import type { Coupon } from '@promo/shared';
import type { Knex } from 'knex';
import { AppError } from '../app/app-error.js';
import type { Clock } from '../app/deps.js';
import { isUniqueViolation, withTxRetry } from '../db/sql-errors.js';
import {
  countHeld,
  couponsOfUser,
  findTemplate,
  findTemplates,
  insertCoupons,
  insertTemplate,
  lockTemplate,
  reserveQuantity,
  type CouponRow,
} from './coupon.repo.js';
import type { CouponTemplate, CreateCouponTemplate, IssueResult, WalletCoupon } from './coupon.schema.js';

const DAY_MS = 86_400_000;

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

function validityAt(template: CouponTemplate, now: number): { from: number; to: number } {
  if (template.validity.type === 'days') return { from: now, to: now + template.validity.days * DAY_MS };
  return { from: Date.parse(template.validity.from), to: Date.parse(template.validity.to) };
}

function engineStatus(row: CouponRow, now: number): Coupon['status'] {
  if (row.status === 'used' || row.status === 'locked') return row.status;
  if (row.status === 'expired' || Number(row.valid_to) <= now) return 'expired';
  return 'available';
}

/** A stored coupon as the engine and the wallet see it. */
export function toWalletCoupon(row: CouponRow, template: CouponTemplate, now: number): WalletCoupon {
  return {
    id: row.id,
    templateId: row.template_id,
    value: template.value,
    scope: template.scope,
    stackable: template.stackable,
    validFrom: new Date(Number(row.valid_from)).toISOString(),
    validTo: new Date(Number(row.valid_to)).toISOString(),
    status: engineStatus(row, now),
    name: template.name,
    ...(template.nameEn ? { nameEn: template.nameEn } : {}),
    usedOrderId: row.used_order_id,
  };
}

export interface CouponService {
  createTemplate(input: CreateCouponTemplate, actor: string): Promise<CouponTemplate>;
  getTemplate(id: string): Promise<CouponTemplate>;
  /** Issues one coupon per user id, all or nothing against the template's total quantity. */
  issue(templateId: string, userIds: readonly string[], source?: string): Promise<IssueResult>;
  /** Issues inside the caller's transaction (registration coupon packs); never throws for quantity. */
  issueInTx(trx: Knex.Transaction, template: CouponTemplate, userId: string, quantity: number, source: string): Promise<string[]>;
  wallet(userId: string, ids?: readonly string[]): Promise<WalletCoupon[]>;
}

/** Coupon templates, issuing and wallets. Templates never change after creation, so they are cached. */
export function createCouponService(db: Knex, clock: Clock): CouponService {
  const templates = new Map<string, CouponTemplate>();

  async function templatesById(ids: readonly string[]): Promise<Map<string, CouponTemplate>> {
    const missing = ids.filter((id) => !templates.has(id));
    if (missing.length > 0) for (const t of await findTemplates(db, missing)) templates.set(t.id, t);
    return new Map(ids.flatMap((id) => (templates.has(id) ? [[id, templates.get(id)!] as const] : [])));
  }

  function couponRows(template: CouponTemplate, userIds: readonly string[], source: string): CouponRow[] {
    const now = clock.now();
    const { from, to } = validityAt(template, now);
    return userIds.map((userId) => ({
      id: newId('cp'),
      template_id: template.id,
      user_id: userId,
      status: 'issued',
      issued_at: now,
      used_order_id: null,
      valid_from: from,
      valid_to: to,
      source,
    }));
  }

  /** Users within the per-user limit, in request order (a user listed twice counts twice). */
  async function eligible(trx: Knex.Transaction, template: CouponTemplate, userIds: readonly string[]): Promise<{ ok: string[]; skipped: string[] }> {
    const held = template.perUserLimit === null ? new Map<string, number>() : await countHeld(trx, template.id, userIds);
    const ok: string[] = [];
    const skipped: string[] = [];
    for (const userId of userIds) {
      const count = held.get(userId) ?? 0;
      if (template.perUserLimit !== null && count >= template.perUserLimit) {
        skipped.push(userId);
        continue;
      }
      held.set(userId, count + 1);
      ok.push(userId);
    }
    return { ok, skipped };
  }

  const service: CouponService = {
    async createTemplate(input, actor) {
      const template: CouponTemplate = {
        id: input.id ?? newId('ct'),
        name: input.name,
        ...(input.nameEn ? { nameEn: input.nameEn } : {}),
        value: input.value,
        scope: input.scope,
        stackable: input.stackable,
        validity: input.validity,
        totalQuantity: input.totalQuantity ?? null,
        issuedCount: 0,
        perUserLimit: input.perUserLimit ?? null,
        createdAt: clock.now(),
        createdBy: actor,
      };
      try {
        await insertTemplate(db, template);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', `coupon template ${template.id} exists`);
        throw error;
      }
      return template;
    },
    async getTemplate(id) {
      const template = await findTemplate(db, id);
      if (!template) throw new AppError('not_found', `coupon template ${id} not found`);
      return template;
    },
    async issue(templateId, userIds, source = 'manual') {
      const template = await service.getTemplate(templateId);
      return withTxRetry(() =>
        db.transaction(async (trx) => {
          await lockTemplate(trx, templateId);
          const { ok, skipped } = await eligible(trx, template, userIds);
          if (ok.length > 0 && !(await reserveQuantity(trx, templateId, ok.length))) {
            throw new AppError('conflict', `not enough coupons left in template ${templateId}`, { requested: ok.length });
          }
          const rows = couponRows(template, ok, source);
          await insertCoupons(trx, rows);
          return {
            issued: rows.map((r) => ({ userId: r.user_id, couponId: r.id })),
            skipped: skipped.map((userId) => ({ userId, reason: 'user_limit_reached' as const })),
          };
        }),
      );
    },
    async issueInTx(trx, template, userId, quantity, source) {
      await lockTemplate(trx, template.id);
      const { ok } = await eligible(trx, template, Array.from({ length: quantity }, () => userId));
      let granted = ok.length;
      while (granted > 0 && !(await reserveQuantity(trx, template.id, granted))) granted -= 1;
      const rows = couponRows(template, ok.slice(0, granted), source);
      await insertCoupons(trx, rows);
      return rows.map((r) => r.id);
    },
    async wallet(userId, ids) {
      const rows = await couponsOfUser(db, userId, ids);
      const byId = await templatesById([...new Set(rows.map((r) => r.template_id))]);
      const now = clock.now();
      return rows.flatMap((row) => {
        const template = byId.get(row.template_id);
        return template ? [toWalletCoupon(row, template, now)] : [];
      });
    },
  };
  return service;
}
