import type { Knex } from 'knex';
import { AppError } from '../app/app-error.js';
import type { Clock } from '../app/deps.js';
import { writeAudit } from '../audit/audit.repo.js';
import { isUniqueViolation, withTxRetry } from '../db/sql-errors.js';
import { addPoints, emptyMember, ensureMember, findMember, setLevel } from './member.repo.js';
import type { AdjustPoints, LedgerEntry, Member, MemberAccount } from './member.schema.js';
import { findAdjustment, insertLedger, latestLedger } from './points-ledger.repo.js';

const CACHE_MS = 5_000;
const CACHE_MAX = 50_000;
const LEDGER_ROWS = 20;

class PointsShort extends Error {}

export interface AdjustResult {
  member: Member;
  entry: LedgerEntry;
  /** False when this adjustment id was applied before (nothing changed this time). */
  applied: boolean;
}

export interface MemberService {
  /** Level and balance for pricing; cached briefly for quotes, `fresh` for commit. */
  get(userId: string, options?: { fresh?: boolean }): Promise<Member>;
  /** Drops the cached member after this instance changed it. */
  invalidate(userId: string): void;
  account(userId: string): Promise<MemberAccount>;
  setLevel(userId: string, level: number, actor: string): Promise<Member>;
  adjust(userId: string, input: AdjustPoints, actor: string): Promise<AdjustResult>;
}

/** Member levels and points balances (docs/adr/members-and-points.md). */
export function createMemberService(db: Knex, clock: Clock): MemberService {
  // The pending read is cached, so concurrent quotes of one member share a query.
  const cache = new Map<string, { at: number; member: Promise<Member> }>();

  async function load(userId: string): Promise<Member> {
    return (await findMember(db, userId)) ?? emptyMember(userId);
  }

  async function appliedBefore(userId: string, adjustmentId: string): Promise<AdjustResult> {
    const entry = await findAdjustment(db, adjustmentId);
    if (!entry || entry.userId !== userId) throw new AppError('conflict', `adjustment ${adjustmentId} belongs to another member`);
    return { member: await load(userId), entry, applied: false };
  }

  return {
    get(userId, options) {
      const now = clock.now();
      const hit = cache.get(userId);
      if (!options?.fresh && hit && now - hit.at < CACHE_MS) return hit.member;
      const member = load(userId);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(userId, { at: now, member });
      member.catch(() => cache.delete(userId));
      return member;
    },
    invalidate(userId) {
      cache.delete(userId);
    },
    async account(userId) {
      const [member, ledger] = await Promise.all([load(userId), latestLedger(db, userId, LEDGER_ROWS)]);
      return { ...member, ledger };
    },
    async setLevel(userId, level, actor) {
      const now = clock.now();
      await withTxRetry(() =>
        db.transaction(async (trx) => {
          const before = await findMember(trx, userId);
          await setLevel(trx, userId, level, now);
          await writeAudit(trx, { actor, action: 'member.level', entityType: 'member', entityId: userId, before: { level: before?.level ?? 0 }, after: { level }, at: now });
        }),
      );
      cache.delete(userId);
      return load(userId);
    },
    async adjust(userId, input, actor) {
      const now = clock.now();
      if (input.adjustmentId !== undefined && (await findAdjustment(db, input.adjustmentId))) return appliedBefore(userId, input.adjustmentId);
      await ensureMember(db, userId, now);
      try {
        const id = await withTxRetry(() =>
          db.transaction(async (trx) => {
            // The ledger row first: a repeated adjustment id fails here, before the balance moves.
            const entryId = await insertLedger(trx, { userId, orderId: input.adjustmentId ?? null, delta: input.delta, reason: 'adjust', note: input.note ?? null, now });
            if (!(await addPoints(trx, userId, input.delta, 0, now))) throw new PointsShort();
            await writeAudit(trx, { actor, action: 'member.points_adjust', entityType: 'member', entityId: userId, before: undefined, after: { delta: input.delta, note: input.note ?? null, adjustmentId: input.adjustmentId ?? null }, at: now });
            return entryId;
          }),
        );
        cache.delete(userId);
        const entry: LedgerEntry = { id, userId, orderId: input.adjustmentId ?? null, delta: input.delta, reason: 'adjust', note: input.note ?? null, createdAt: now };
        return { member: await load(userId), entry, applied: true };
      } catch (error) {
        if (error instanceof PointsShort) throw new AppError('conflict', `member ${userId} has fewer than ${-input.delta} points`, { reason: 'insufficient_points' });
        if (input.adjustmentId !== undefined && isUniqueViolation(error)) return appliedBefore(userId, input.adjustmentId);
        throw error;
      }
    },
  };
}
