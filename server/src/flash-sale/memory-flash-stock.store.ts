import type { ConfirmOutcome, FlashEvent, FlashStockStore, ReserveOutcome } from './flash-stock.store.js';
import type { Reservation } from './reservation.schema.js';
import { itemId, type SaleItemRef, type SaleItemTerms } from './sale-item.js';
import { newHold } from './reservation-record.js';

interface ItemState extends SaleItemTerms {
  status: 'open' | 'closed';
  allocated: number;
}

interface PendingEvent extends FlashEvent {
  deliveredAt: number | null;
}

interface MemoryItem {
  state: ItemState | null;
  stock: number;
  users: Map<string, number>;
  idem: Map<string, string>;
  reservations: Map<string, Reservation>;
  /** Held tokens by expiry; swept by scanning, which is fine for one process's item sizes. */
  expiries: Map<string, number>;
  events: Map<string, PendingEvent>;
  live: Map<number, { units: number; orders: number; gmv: number }>;
}

function emptyItem(): MemoryItem {
  return { state: null, stock: 0, users: new Map(), idem: new Map(), reservations: new Map(), expiries: new Map(), events: new Map(), live: new Map() };
}

/**
 * The embedded twin of the Redis scripts: each method does its whole job synchronously before its
 * promise resolves, so it is atomic within the process exactly as a script is in Redis.
 */
export function createMemoryFlashStockStore(): FlashStockStore & { wipe(): void } {
  const items = new Map<string, MemoryItem>();
  let seq = 0;

  function at(item: SaleItemRef): MemoryItem {
    const id = itemId(item);
    let found = items.get(id);
    if (!found) {
      found = emptyItem();
      items.set(id, found);
    }
    return found;
  }

  function append(m: MemoryItem, item: SaleItemRef, type: FlashEvent['type'], reservation: Reservation, now: number): void {
    seq += 1;
    const id = `${now}-${seq}`;
    m.events.set(id, { id, item, type, reservation: { ...reservation }, at: now, deliveredAt: null });
  }

  function reserve(item: SaleItemRef, req: Parameters<FlashStockStore['reserve']>[1]): ReserveOutcome {
    const m = at(item);
    const st = m.state;
    if (!st || st.status !== 'open' || req.now >= st.closesAt) return { kind: 'closed' };
    const idemKey = `${req.userId}|${req.idempotencyKey}`;
    const prior = m.idem.get(idemKey);
    const priorReservation = prior === undefined ? undefined : m.reservations.get(prior);
    if (priorReservation) return { kind: 'reserved', reservation: { ...priorReservation }, stockLeft: -1, replayed: true };
    const held = m.users.get(req.userId) ?? 0;
    if (held + req.quantity > st.perUserLimit) return { kind: 'user_limit', held };
    if (m.stock < req.quantity) return m.stock <= 0 ? { kind: 'sold_out' } : { kind: 'short', stockLeft: m.stock };
    m.stock -= req.quantity;
    m.users.set(req.userId, held + req.quantity);
    m.idem.set(idemKey, req.token);
    const reservation = newHold(item, req, st.price, st.reservationMs);
    m.reservations.set(req.token, reservation);
    m.expiries.set(req.token, reservation.expiresAt);
    append(m, item, 'reserved', reservation, req.now);
    const second = Math.floor(req.now / 1000);
    const live = m.live.get(second) ?? { units: 0, orders: 0, gmv: 0 };
    m.live.set(second, { units: live.units + req.quantity, orders: live.orders + 1, gmv: live.gmv + req.quantity * st.price });
    return { kind: 'reserved', reservation: { ...reservation }, stockLeft: m.stock, replayed: false };
  }

  function confirm(item: SaleItemRef, token: string, orderId: string, now: number): ConfirmOutcome {
    const m = at(item);
    const r = m.reservations.get(token);
    if (!r) return { kind: 'not_found' };
    if (r.status === 'confirmed') return r.orderId === orderId ? { kind: 'confirmed', reservation: { ...r }, replayed: true } : { kind: 'conflict', reservation: { ...r } };
    if (r.status === 'expired' || now >= r.expiresAt) return { kind: 'expired', reservation: { ...r } };
    r.status = 'confirmed';
    r.orderId = orderId;
    m.expiries.delete(token);
    append(m, item, 'confirmed', r, now);
    return { kind: 'confirmed', reservation: { ...r }, replayed: false };
  }

  return {
    reserve: async (item, req) => reserve(item, req),
    confirm: async (item, token, orderId, now) => confirm(item, token, orderId, now),

    async sweep(item, now, limit) {
      const m = at(item);
      const expired: Reservation[] = [];
      if (!m.state) return { expired, stockLeft: 0 };
      const due = [...m.expiries].filter(([, expiresAt]) => expiresAt <= now).sort((a, b) => a[1] - b[1]).slice(0, limit);
      for (const [token] of due) {
        m.expiries.delete(token);
        const r = m.reservations.get(token);
        if (!r || r.status !== 'held') continue;
        r.status = 'expired';
        m.stock += r.quantity;
        m.users.set(r.userId, (m.users.get(r.userId) ?? 0) - r.quantity);
        append(m, item, 'expired', r, now);
        expired.push({ ...r });
      }
      return { expired, stockLeft: m.stock };
    },

    async open(item, terms) {
      const m = at(item);
      if (!m.state) return false;
      m.state = { ...m.state, ...terms, status: 'open' };
      return true;
    },

    async initialise(item, request) {
      const m = at(item);
      if (m.state) return false;
      const fresh = emptyItem();
      let sold = 0;
      for (const r of request.reservations) {
        fresh.reservations.set(r.token, { ...r });
        fresh.idem.set(`${r.userId}|${r.idempotencyKey}`, r.token);
        if (r.status !== 'expired') {
          sold += r.quantity;
          fresh.users.set(r.userId, (fresh.users.get(r.userId) ?? 0) + r.quantity);
        }
        if (r.status === 'held') fresh.expiries.set(r.token, r.expiresAt);
      }
      fresh.stock = Math.max(0, request.allocated - sold);
      fresh.events = m.events;
      fresh.live = m.live;
      fresh.state = { ...request.terms, status: 'open', allocated: Math.max(request.allocated, sold) };
      items.set(itemId(item), fresh);
      return true;
    },

    async closeItem(item) {
      const m = at(item);
      if (m.state) m.state = { ...m.state, status: 'closed' };
    },

    async inspect(item) {
      const st = at(item).state;
      return st ? { status: st.status, stock: at(item).stock, allocated: st.allocated, closesAt: st.closesAt } : null;
    },

    async capStock(item, max) {
      const m = at(item);
      if (!m.state) return null;
      if (m.stock <= max) return { stock: m.stock, removed: 0 };
      const removed = m.stock - max;
      m.stock = max;
      m.state = { ...m.state, allocated: m.state.allocated - removed };
      return { stock: max, removed };
    },

    async reservations(item, tokens) {
      const m = at(item);
      return tokens.flatMap((t) => {
        const r = m.reservations.get(t);
        return r ? [{ ...r }] : [];
      });
    },

    async readEvents(list, count, from = 'new') {
      const out: FlashEvent[] = [];
      for (const item of list) {
        for (const e of at(item).events.values()) {
          if (out.length >= count) return out;
          if ((e.deliveredAt !== null) !== (from === 'pending')) continue;
          e.deliveredAt = performance.now();
          out.push(e);
        }
      }
      return out;
    },

    async claimStale(list, idleMs, count) {
      const out: FlashEvent[] = [];
      const now = performance.now();
      for (const item of list) {
        for (const e of at(item).events.values()) {
          if (out.length >= count) return out;
          if (e.deliveredAt === null || now - e.deliveredAt < idleMs) continue;
          e.deliveredAt = now;
          out.push(e);
        }
      }
      return out;
    },

    async ack(events) {
      for (const e of events) at(e.item).events.delete(e.id);
    },

    async liveCounters(item, second) {
      return at(item).live.get(second) ?? { units: 0, orders: 0, gmv: 0 };
    },

    async dispose() {
      items.clear();
    },

    /** Loses every item's state, as a Redis restart without persistence would (tests). */
    wipe() {
      items.clear();
    },
  };
}
