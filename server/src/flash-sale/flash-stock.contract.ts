import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FlashStockStore, ReserveRequest } from './flash-stock.store.js';
import { newReservationToken } from './reservation-token.js';
import type { SaleItemRef, SaleItemTerms } from './sale-item.js';

const T0 = 1_800_000_000_000;
const TERMS: SaleItemTerms = { price: 990, perUserLimit: 2, reservationMs: 60_000, closesAt: T0 + 3_600_000 };

/**
 * The behaviour both stock stores (Redis scripts, in-process twin) must share. `make` returns a
 * store with no state for any item.
 */
export function describeFlashStockContract(name: string, make: () => Promise<FlashStockStore>): void {
  describe(`flash stock store contract: ${name}`, () => {
    let store: FlashStockStore;
    let item: SaleItemRef;

    beforeEach(async () => {
      store = await make();
      item = { campaignId: `c-${randomUUID().slice(0, 8)}`, sku: 'sku-1' };
    });

    const attempt = (userId: string, quantity = 1, idempotencyKey: string = randomUUID(), now = T0): ReserveRequest => ({
      userId,
      quantity,
      idempotencyKey,
      token: newReservationToken(item),
      now,
    });

    it('answers closed for an item that was never initialised', async () => {
      expect((await store.reserve(item, attempt('u1'))).kind).toBe('closed');
    });

    it('sells exactly the allocation, then answers sold_out', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 3, reservations: [] });
      const kinds = [];
      for (let i = 0; i < 5; i++) kinds.push((await store.reserve(item, attempt(`u${i}`))).kind);
      expect(kinds).toEqual(['reserved', 'reserved', 'reserved', 'sold_out', 'sold_out']);
      expect((await store.inspect(item))?.stock).toBe(0);
    });

    it('answers short, not sold_out, when fewer units are left than asked for', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 1, reservations: [] });
      expect(await store.reserve(item, { ...attempt('u1'), quantity: 2 })).toEqual({ kind: 'short', stockLeft: 1 });
      expect((await store.reserve(item, attempt('u2'))).kind).toBe('reserved');
      expect((await store.reserve(item, attempt('u3'))).kind).toBe('sold_out');
    });

    it('never sells more than the stock under 200 concurrent attempts', async () => {
      await store.initialise(item, { terms: { ...TERMS, perUserLimit: 1 }, allocated: 50, reservations: [] });
      const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => store.reserve(item, attempt(`u${i}`))));
      expect(outcomes.filter((o) => o.kind === 'reserved')).toHaveLength(50);
      expect(outcomes.filter((o) => o.kind === 'sold_out')).toHaveLength(150);
    });

    it('refuses a user past the per-user limit', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 10, reservations: [] });
      expect((await store.reserve(item, attempt('u1', 2))).kind).toBe('reserved');
      expect(await store.reserve(item, attempt('u1', 1))).toEqual({ kind: 'user_limit', held: 2 });
      expect((await store.inspect(item))?.stock).toBe(8);
    });

    it('turns 10 parallel retries of one idempotency key into one reservation', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 10, reservations: [] });
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.reserve(item, attempt('u1', 1, 'same-key'))));
      const tokens = new Set(outcomes.map((o) => (o.kind === 'reserved' ? o.reservation.token : o.kind)));
      expect(tokens.size).toBe(1);
      expect(outcomes.filter((o) => o.kind === 'reserved' && !o.replayed)).toHaveLength(1);
      expect((await store.inspect(item))?.stock).toBe(9);
    });

    it('applies parallel attempts in order: later ones see earlier holds, keys and stock', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 4, reservations: [] });
      const sent = [
        attempt('u1', 1, 'a'), attempt('u1', 1, 'b'), attempt('u1', 1, 'c'), attempt('u1', 1, 'a'),
        attempt('u3', 1, 'e'), attempt('u2', 2, 'd'), attempt('u4', 1, 'f'),
      ];
      const outcomes = await Promise.all(sent.map((a) => store.reserve(item, a)));
      expect(outcomes.map((o) => o.kind)).toEqual(['reserved', 'reserved', 'user_limit', 'reserved', 'reserved', 'short', 'reserved']);
      expect(outcomes[2]).toEqual({ kind: 'user_limit', held: 2 });
      expect(outcomes[5]).toEqual({ kind: 'short', stockLeft: 1 });
      const first = outcomes[0];
      const replay = outcomes[3];
      if (first?.kind !== 'reserved' || replay?.kind !== 'reserved') throw new Error('expected reservations');
      expect(replay).toMatchObject({ replayed: true, reservation: first.reservation });
      const tokens = [sent[0], sent[1], sent[4], sent[6]].map((a) => a?.token ?? '');
      const stored = await store.reservations(item, tokens);
      const due = T0 + TERMS.reservationMs;
      expect(stored.map((r) => [r.userId, r.idempotencyKey, r.status, r.expiresAt])).toEqual([
        ['u1', 'a', 'held', due], ['u1', 'b', 'held', due], ['u3', 'e', 'held', due], ['u4', 'f', 'held', due],
      ]);
      expect((await store.inspect(item))?.stock).toBe(0);
      expect((await store.reserve(item, attempt('u5'))).kind).toBe('sold_out');
      expect((await store.reserve(item, attempt('u1', 1, 'g'))).kind).toBe('user_limit');
      const swept = await store.sweep(item, due, 10);
      expect(swept.expired.map((r) => r.token).sort()).toEqual([...tokens].sort());
      expect(swept.stockLeft).toBe(4);
      expect((await store.reserve(item, attempt('u1', 2, 'h', due))).kind).toBe('reserved');
    });

    it('closes at closesAt and on closeItem, and re-opens with new terms', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 10, reservations: [] });
      expect((await store.reserve(item, attempt('u1', 1, 'k1', TERMS.closesAt))).kind).toBe('closed');
      await store.closeItem(item);
      expect((await store.reserve(item, attempt('u1'))).kind).toBe('closed');
      expect(await store.open(item, { ...TERMS, price: 880 })).toBe(true);
      const outcome = await store.reserve(item, attempt('u1'));
      expect(outcome.kind === 'reserved' && outcome.reservation.price).toBe(880);
    });

    it('confirms idempotently per order and refuses another order or an expired hold', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 10, reservations: [] });
      const made = await store.reserve(item, attempt('u1'));
      if (made.kind !== 'reserved') throw new Error('expected a reservation');
      const token = made.reservation.token;
      expect(await store.confirm(item, token, 'o1', T0 + 1)).toMatchObject({ kind: 'confirmed', replayed: false });
      expect(await store.confirm(item, token, 'o1', T0 + 2)).toMatchObject({ kind: 'confirmed', replayed: true });
      expect((await store.confirm(item, token, 'o2', T0 + 3)).kind).toBe('conflict');
      const late = await store.reserve(item, attempt('u2'));
      if (late.kind !== 'reserved') throw new Error('expected a reservation');
      expect((await store.confirm(item, late.reservation.token, 'o3', T0 + TERMS.reservationMs)).kind).toBe('expired');
      expect((await store.confirm(item, 'missing.token', 'o4', T0)).kind).toBe('not_found');
    });

    it('returns the stock of an expired hold exactly once, and never of a confirmed one', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 2, reservations: [] });
      const a = await store.reserve(item, attempt('u1'));
      const b = await store.reserve(item, attempt('u2'));
      if (a.kind !== 'reserved' || b.kind !== 'reserved') throw new Error('expected reservations');
      await store.confirm(item, a.reservation.token, 'o1', T0 + 10);
      const later = T0 + TERMS.reservationMs;
      const sweeps = await Promise.all([store.sweep(item, later, 100), store.sweep(item, later, 100), store.sweep(item, later, 100)]);
      expect(sweeps.flatMap((s) => s.expired.map((r) => r.token))).toEqual([b.reservation.token]);
      expect((await store.inspect(item))?.stock).toBe(1);
      expect((await store.reserve(item, attempt('u2', 3, 'again', later))).kind).toBe('user_limit');
      expect((await store.reserve(item, attempt('u2', 1, 'again', later))).kind).toBe('reserved');
    });

    it('logs reserved, confirmed and expired events until they are acked', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 5, reservations: [] });
      const a = await store.reserve(item, attempt('u1'));
      await store.reserve(item, attempt('u2'));
      if (a.kind !== 'reserved') throw new Error('expected a reservation');
      await store.confirm(item, a.reservation.token, 'o1', T0 + 1);
      await store.sweep(item, T0 + TERMS.reservationMs, 10);
      const events = await store.readEvents([item], 100);
      expect(events.map((e) => e.type)).toEqual(['reserved', 'reserved', 'confirmed', 'expired']);
      expect(events[2]?.reservation).toMatchObject({ status: 'confirmed', orderId: 'o1' });
      expect(await store.readEvents([item], 100)).toEqual([]);
      expect((await store.readEvents([item], 100, 'pending')).map((e) => e.id)).toEqual(events.map((e) => e.id));
      await store.ack(events.slice(0, 2));
      const stale = await store.claimStale([item], 0, 100);
      expect(stale.map((e) => e.type)).toEqual(['confirmed', 'expired']);
      await store.ack(stale);
      expect(await store.claimStale([item], 0, 100)).toEqual([]);
    });

    it('rebuilds stock, limits and idempotency from restored reservations', async () => {
      const restored = [
        { token: 't1.x', campaignId: item.campaignId, sku: item.sku, userId: 'u1', quantity: 2, price: 990, expiresAt: T0 + 5000, idempotencyKey: 'k1', status: 'held' as const, orderId: null },
        { token: 't2.x', campaignId: item.campaignId, sku: item.sku, userId: 'u2', quantity: 1, price: 990, expiresAt: T0 + 5000, idempotencyKey: 'k2', status: 'confirmed' as const, orderId: 'o2' },
      ];
      expect(await store.initialise(item, { terms: TERMS, allocated: 5, reservations: restored })).toBe(true);
      expect(await store.initialise(item, { terms: TERMS, allocated: 99, reservations: [] })).toBe(false);
      expect((await store.inspect(item))?.stock).toBe(2);
      expect((await store.reserve(item, attempt('u1'))).kind).toBe('user_limit');
      const replay = await store.reserve(item, attempt('u2', 1, 'k2'));
      expect(replay.kind === 'reserved' && replay.reservation.token).toBe('t2.x');
      const swept = await store.sweep(item, T0 + 5000, 10);
      expect(swept.expired.map((r) => r.token)).toEqual(['t1.x']);
      expect(swept.stockLeft).toBe(4);
    });

    it('caps the stock to reported inventory without un-selling what is sold', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 10, reservations: [] });
      await store.reserve(item, attempt('u1', 2));
      expect(await store.capStock(item, 5)).toEqual({ stock: 5, removed: 3 });
      expect(await store.capStock(item, 9)).toEqual({ stock: 5, removed: 0 });
      expect(await store.inspect(item)).toMatchObject({ stock: 5, allocated: 7 });
      expect(await store.capStock({ campaignId: 'none', sku: 'none' }, 1)).toBeNull();
    });

    it('counts units, orders and GMV per second for the war room', async () => {
      await store.initialise(item, { terms: TERMS, allocated: 10, reservations: [] });
      await store.reserve(item, attempt('u1', 2));
      await store.reserve(item, attempt('u2', 1));
      expect(await store.liveCounters(item, Math.floor(T0 / 1000))).toEqual({ units: 3, orders: 2, gmv: 2970 });
    });
  });
}
