import type { Knex } from 'knex';
import type { Clock } from '../app/deps.js';

const DAY_MS = 86_400_000;
/** Segment thresholds (docs/adr/new-user-status.md). */
export const DORMANT_AFTER_DAYS = 30;
export const HIGH_VALUE_SPEND = 100_000;
const CACHE_MS = 5_000;
const CACHE_MAX = 50_000;

/** What the server knows about a buyer from its own order history. */
export interface UserProfile {
  /** No committed (uncancelled) order yet. */
  isNewUser: boolean;
  /** `new`, `dormant_30`, `high_value`, `active`. */
  segments: string[];
  orderCount: number;
  lastOrderAt: number | null;
  totalSpent: number;
}

export interface UserProfiles {
  /** `fresh` skips the cache (commit decides with current data). */
  get(userId: string, options?: { fresh?: boolean }): Promise<UserProfile>;
  /** Drops the cached profile after this instance committed or cancelled an order of the user. */
  invalidate(userId: string): void;
}

export function profileFrom(row: { n: number; last: number | null; spent: number }, now: number): UserProfile {
  const segments: string[] = [];
  if (row.n === 0) segments.push('new');
  else if (row.last !== null && now - row.last > DORMANT_AFTER_DAYS * DAY_MS) segments.push(`dormant_${DORMANT_AFTER_DAYS}`);
  else segments.push('active');
  if (row.spent >= HIGH_VALUE_SPEND) segments.push('high_value');
  return { isNewUser: row.n === 0, segments, orderCount: row.n, lastOrderAt: row.last, totalSpent: row.spent };
}

/**
 * New-user status and segments from committed orders, one indexed aggregate per user, cached for a
 * few seconds for quotes. Another instance's commit shows here after at most the cache time; commit
 * itself always reads fresh and the new-user counter guards the first order (ADR).
 */
export function createUserProfiles(db: Knex, clock: Clock): UserProfiles {
  // The pending read is cached, so concurrent quotes of one user share a query.
  const cache = new Map<string, { at: number; profile: Promise<UserProfile> }>();

  async function load(userId: string, now: number): Promise<UserProfile> {
    const row = await db('orders')
      .where({ user_id: userId, status: 'committed' })
      .first<{ n: number | string; last: number | string | null; spent: number | string | null }>(
        db.raw('COUNT(*) as n'),
        db.raw('MAX(created_at) as last'),
        db.raw('SUM(total) as spent'),
      );
    return profileFrom({ n: Number(row?.n ?? 0), last: row?.last == null ? null : Number(row.last), spent: Number(row?.spent ?? 0) }, now);
  }

  return {
    get(userId, options) {
      const now = clock.now();
      const hit = cache.get(userId);
      if (!options?.fresh && hit && now - hit.at < CACHE_MS) return hit.profile;
      const profile = load(userId, now);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(userId, { at: now, profile });
      profile.catch(() => cache.delete(userId));
      return profile;
    },
    invalidate(userId) {
      cache.delete(userId);
    },
  };
}
