import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../test/test-db.js';
import { createLiveSqlWriter, type OrderFactRow } from './live-sql-writer.js';

const fact = (i: number): OrderFactRow => ({ order_id: `o-${i}`, user_id: `u-${i}`, channel: 'app', region: '31', subtotal: 1000, discount: 100, total: 900, committed_at: 1_000 + i });

describe('live SQL writer', () => {
  it('answers queued facts until written, and applies a cancel whose fact sits in a later batch', () =>
    withTestDb(async (db) => {
      const writer = createLiveSqlWriter({ db, logger: pino({ level: 'silent' }), flushMs: 60_000 });
      for (let i = 0; i < 1_200; i += 1) writer.enqueueOrderFact(fact(i));
      writer.enqueueCancel('o-1100', 5_000);
      expect(writer.queuedFact('o-1100')).toMatchObject({ channel: 'app', region: '31' });
      await writer.flush();
      expect(writer.queuedFact('o-1100')).toBeUndefined();
      expect(writer.queued()).toBe(0);
      const rows = (await db('order_facts').whereNotNull('cancelled_at').select('order_id', 'cancelled_at')) as { order_id: string; cancelled_at: number | string }[];
      expect(rows.map((r) => [r.order_id, Number(r.cancelled_at)])).toEqual([['o-1100', 5_000]]);
      expect(Number(((await db('order_facts').count({ n: '*' }).first()) as { n: number | string }).n)).toBe(1_200);
    }));

  it('keeps a cancel that arrived before its order fact and applies it once the fact is written', () =>
    withTestDb(async (db) => {
      const writer = createLiveSqlWriter({ db, logger: pino({ level: 'silent' }), flushMs: 60_000 });
      writer.enqueueCancel('o-7', 9_000);
      await writer.flush();
      expect(writer.queued()).toBe(1);
      writer.enqueueOrderFact(fact(7));
      await writer.flush();
      expect(writer.queued()).toBe(0);
      expect(Number(((await db('order_facts').where({ order_id: 'o-7' }).first()) as { cancelled_at: number | string }).cancelled_at)).toBe(9_000);
    }));
});
