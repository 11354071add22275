import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../test/test-db.js';
import { findMember } from './member.repo.js';
import { applyOrderPoints, createKnownMembers, prepareOrderPoints } from './order-points.js';

describe('order points preparation', () => {
  it('stores a member once per process (a bounded memory), and only for orders that move points', () =>
    withTestDb(async (db) => {
      const inserts: string[] = [];
      db.on('query', (q: { sql: string }) => {
        if (/^insert (ignore )?into [`"]members[`"]/i.test(q.sql)) inserts.push(q.sql);
      });
      const known = createKnownMembers(2);
      const order = (userId: string, earn: number) => ({ userId, orderId: `o-${userId}-${earn}`, redeem: 0, earn, now: 1_000 });
      await prepareOrderPoints(db, order('m-1', 0), known);
      expect(inserts).toHaveLength(0);
      expect(await findMember(db, 'm-1')).toBeNull();
      await prepareOrderPoints(db, order('m-1', 5), known);
      await prepareOrderPoints(db, order('m-1', 7), known);
      expect(inserts).toHaveLength(1);
      expect(await findMember(db, 'm-1')).toMatchObject({ userId: 'm-1', points: 0 });
      // Past the bound the oldest is forgotten and costs one more (harmless) insert-if-absent.
      await prepareOrderPoints(db, order('m-2', 5), known);
      await prepareOrderPoints(db, order('m-3', 5), known);
      await prepareOrderPoints(db, order('m-1', 5), known);
      expect(inserts).toHaveLength(4);
      expect(await findMember(db, 'm-1')).toMatchObject({ points: 0 });
    }));

  it('credits earned points even when the member row is missing at commit', () =>
    withTestDb(async (db) => {
      expect(await db.transaction((trx) => applyOrderPoints(trx, { userId: 'm-gone', orderId: 'o-1', redeem: 0, earn: 12, now: 2_000 }))).toBe(true);
      expect(await findMember(db, 'm-gone')).toMatchObject({ points: 12 });
    }));
});
