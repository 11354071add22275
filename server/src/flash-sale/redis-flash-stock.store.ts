import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ConfirmOutcome, FlashEvent, FlashStockStore, InitialiseRequest, ReserveOutcome, ReserveRequest } from './flash-stock.store.js';
import { CAP_LUA, CLOSE_LUA, CONFIRM_LUA, INITIALISE_LUA, OPEN_LUA, RESERVE_LUA, SWEEP_LUA, TRIM_LUA } from './flash.lua.js';
import { decodeRecord, encodeRecord, newHold } from './reservation-record.js';
import { createReserveBatcher } from './reserve-batcher.js';
import { itemId, saleItemKeys, type SaleItemKeys, type SaleItemRef, type SaleItemTerms } from './sale-item.js';

const GROUP = 'persist';
/**
 * Reservation attempts per script call at most (see reserve-batcher.ts). Measured under wrk -c 64:
 * 8 → 54.6 µs server CPU per request, 16 → 50.0–56.6, 64 → 44.9–48.4 (redis-server 21.9 / 20 / 18.7–19.4).
 * A full batch holds Redis for ~64 × 10 µs, well under a millisecond.
 */
const RESERVE_BATCH = 64; // also bounds RESERVE_LUA's unpack() of 2 × batch values, far below Lua's ~8,000
type Reply = string | number | null | Reply[];

interface Script {
  lua: string;
  sha: string;
}

function script(lua: string): Script {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

const SCRIPTS = {
  reserve: script(RESERVE_LUA),
  confirm: script(CONFIRM_LUA),
  sweep: script(SWEEP_LUA),
  initialise: script(INITIALISE_LUA),
  open: script(OPEN_LUA),
  close: script(CLOSE_LUA),
  cap: script(CAP_LUA),
  trim: script(TRIM_LUA),
};

export interface RedisFlashStockOptions {
  /** A connection this store owns (closed by dispose); see the ADR for why it is its own. */
  redis: Redis;
  /** The stores' namespace (`Stores.keyPrefix`). */
  keyPrefix: string;
  /** Name of this instance in the stream consumer group. */
  consumerName: string;
}

const EVENT_TYPE: Record<string, FlashEvent['type']> = { r: 'reserved', c: 'confirmed', x: 'expired' };

/** A log entry `type|at|token|record` (see RESERVE_LUA); the record keeps its own `|`s. */
function decodeLogEntry(item: SaleItemRef, id: string, entry: string): FlashEvent {
  const first = entry.indexOf('|');
  const second = entry.indexOf('|', first + 1);
  const third = entry.indexOf('|', second + 1);
  const type = EVENT_TYPE[entry.slice(0, first)];
  if (!type || third < 0) throw new Error(`corrupt flash log entry ${id}`);
  return { id, item, type, reservation: decodeRecord(item, entry.slice(second + 1, third), entry.slice(third + 1)), at: Number(entry.slice(first + 1, second)) };
}

function str(reply: Reply | undefined): string {
  return typeof reply === 'string' ? reply : String(reply ?? '');
}

/** The Redis stock store: one EVALSHA per operation, EVAL on NOSCRIPT (restarted or failed-over Redis). */
export function createRedisFlashStockStore(options: RedisFlashStockOptions): FlashStockStore {
  const { redis, keyPrefix, consumerName } = options;
  const keyCache = new Map<string, SaleItemKeys>();
  const streamItems = new Map<string, SaleItemRef>();

  function keysOf(item: SaleItemRef): SaleItemKeys {
    const id = itemId(item);
    let keys = keyCache.get(id);
    if (!keys) {
      keys = saleItemKeys(item, keyPrefix);
      keyCache.set(id, keys);
      streamItems.set(keys.stream, item);
    }
    return keys;
  }

  async function run(s: Script, keys: string[], args: (string | number)[]): Promise<Reply> {
    try {
      return (await redis.evalsha(s.sha, keys.length, ...keys, ...args)) as Reply;
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return (await redis.eval(s.lua, keys.length, ...keys, ...args)) as Reply;
    }
  }

  function parseStreamReply(reply: unknown): FlashEvent[] {
    const events: FlashEvent[] = [];
    if (!Array.isArray(reply)) return events;
    for (const [stream, entries] of reply as [string, [string, string[]][]][]) {
      const item = streamItems.get(stream);
      if (!item) continue;
      for (const [id, fields] of entries) events.push(...toEvents(item, id, fields));
    }
    return events;
  }

  function isNoGroup(err: unknown): boolean {
    return err instanceof Error && err.message.startsWith('NOGROUP');
  }

  /** The events of one log entry: a reserve batch (`b`, one line each), one event (`e`), or the older four-field form. */
  function toEvents(item: SaleItemRef, id: string, fields: string[]): FlashEvent[] {
    if (fields[0] === 'b') return (fields[1] ?? '').split('\n').map((line) => decodeLogEntry(item, id, line));
    if (fields[0] === 'e') return [decodeLogEntry(item, id, fields[1] ?? '')];
    // Entries written before the one-field format (t, k, v, at), still drained after an upgrade.
    const f: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
    return [{ id, item, type: EVENT_TYPE[f.t ?? ''] ?? 'reserved', reservation: decodeRecord(item, f.k ?? '', f.v ?? ''), at: Number(f.at) }];
  }

  /** One attempt's answer in RESERVE_LUA's reply; a new reservation is built from the attempt itself. */
  function toOutcome(item: SaleItemRef, req: ReserveRequest, reply: Reply | undefined, price: number, ttl: number): ReserveOutcome {
    if (typeof reply === 'number') {
      if (reply === -1) return { kind: 'sold_out' };
      if (reply < 0) return { kind: 'closed' };

      return { kind: 'reserved', reservation: newHold(item, req, price, ttl), stockLeft: reply, replayed: false };
    }
    const r = Array.isArray(reply) ? reply : [];
    const kind = r[0];
    if (kind === 'dup') return { kind: 'reserved', reservation: decodeRecord(item, str(r[1]), str(r[2])), stockLeft: -1, replayed: true };
    if (kind === 'user_limit') return { kind: 'user_limit', held: Number(r[1]) };
    if (kind === 'short') return { kind: 'short', stockLeft: Number(r[1]) };
    return { kind: 'closed' };
  }

  // The reservation attempts of one turn go per item as one script call (reserve-batcher.ts); a
  // full batch is written at once, so Redis starts on it while the turn's other requests are parsed.
  const batcher = createReserveBatcher({
    max: RESERVE_BATCH,
    async send(item, second, requests) {
      const k = keysOf(item);
      const args: (string | number)[] = [];
      for (const req of requests) args.push(req.userId, req.quantity, req.idempotencyKey, req.token, req.now);
      const reply = (await run(SCRIPTS.reserve, [k.state, k.stock, k.users, k.idem, k.reservations, k.expiries, k.stream, k.live(second)], args)) as Reply[];
      const price = Number(reply[0]);
      const ttl = Number(reply[1]);
      return requests.map((req, i) => toOutcome(item, req, reply[i + 2], price, ttl));
    },
    // The turn's batches for several items leave in one write: one syscall (and one wake-up of
    // Redis) instead of one per item.
    together(sendAll) {
      const stream = redis.status === 'ready' ? redis.stream : null;
      stream?.cork();
      try {
        sendAll();
      } finally {
        stream?.uncork();
      }
    },
  });

  return {
    reserve: (item, req: ReserveRequest) => batcher.reserve(item, req),

    async confirm(item, token, orderId, now): Promise<ConfirmOutcome> {
      const k = keysOf(item);
      const reply = (await run(SCRIPTS.confirm, [k.reservations, k.expiries, k.stream], [token, orderId, now])) as Reply[];
      const kind = reply[0];
      if (kind === 'not_found') return { kind: 'not_found' };
      const reservation = decodeRecord(item, token, str(reply[1]));
      if (kind === 'ok' || kind === 'dup') return { kind: 'confirmed', reservation, replayed: kind === 'dup' };
      if (kind === 'expired') return { kind: 'expired', reservation };
      return { kind: 'conflict', reservation };
    },

    async sweep(item, now, limit) {
      const k = keysOf(item);
      const reply = (await run(SCRIPTS.sweep, [k.state, k.stock, k.users, k.reservations, k.expiries, k.stream], [now, limit])) as Reply[];
      const expired = [];
      for (let i = 1; i + 1 < reply.length; i += 2) expired.push(decodeRecord(item, str(reply[i]), str(reply[i + 1])));
      return { expired, stockLeft: Math.max(0, Number(reply[0])) };
    },

    async open(item, terms: SaleItemTerms) {
      const k = keysOf(item);
      return Number(await run(SCRIPTS.open, [k.state], [terms.price, terms.perUserLimit, terms.reservationMs, terms.closesAt])) === 1;
    },

    async initialise(item, request: InitialiseRequest) {
      const k = keysOf(item);
      const { terms } = request;
      const args: (string | number)[] = [terms.price, terms.perUserLimit, terms.reservationMs, terms.closesAt, request.allocated];
      for (const r of request.reservations) args.push(r.token, encodeRecord(r));
      const reply = await run(SCRIPTS.initialise, [k.state, k.stock, k.users, k.idem, k.reservations, k.expiries, k.stream], args);
      return Number(reply) === 1;
    },

    async closeItem(item) {
      await run(SCRIPTS.close, [keysOf(item).state], []);
    },

    async inspect(item) {
      const k = keysOf(item);
      const [state, stock] = await Promise.all([redis.hgetall(k.state), redis.get(k.stock)]);
      if (!state.status) return null;
      return { status: state.status === 'open' ? 'open' : 'closed', stock: Number(stock ?? 0), allocated: Number(state.alloc), closesAt: Number(state.closesAt) };
    },

    async capStock(item, max) {
      const k = keysOf(item);
      const [stock, removed] = ((await run(SCRIPTS.cap, [k.state, k.stock], [max])) as Reply[]).map(Number);
      return stock === undefined || stock < 0 ? null : { stock, removed: removed ?? 0 };
    },

    async reservations(item, tokens) {
      if (tokens.length === 0) return [];
      const records = await redis.hmget(keysOf(item).reservations, ...tokens);
      return tokens.flatMap((token, i) => {
        const record = records[i];
        return record ? [decodeRecord(item, token, record)] : [];
      });
    },

    async readEvents(items, count, from = 'new') {
      if (items.length === 0) return [];
      // One read per stream (pipelined): streams live on different Cluster slots, and a stream
      // without its group (state lost with it; the rebuild recreates both) fails alone.
      const pipeline = redis.pipeline();
      for (const item of items) pipeline.xreadgroup('GROUP', GROUP, consumerName, 'COUNT', count, 'STREAMS', keysOf(item).stream, from === 'new' ? '>' : '0');
      const replies = (await pipeline.exec()) ?? [];
      const events: FlashEvent[] = [];
      for (const [err, reply] of replies) {
        if (err && !isNoGroup(err)) throw err;
        if (!err) events.push(...parseStreamReply(reply));
      }
      return events;
    },

    async claimStale(items, idleMs, count) {
      const events: FlashEvent[] = [];
      for (const item of items) {
        const stream = keysOf(item).stream;
        const reply = (await redis.xautoclaim(stream, GROUP, consumerName, idleMs, '0-0', 'COUNT', count).catch(() => null)) as [string, [string, string[] | null][]] | null;
        for (const [id, fields] of reply?.[1] ?? []) if (fields) events.push(...toEvents(item, id, fields));
      }
      return events;
    },

    async ack(events) {
      const byStream = new Map<string, string[]>();
      for (const e of events) {
        const stream = keysOf(e.item).stream;
        const ids = byStream.get(stream);
        if (ids) ids.push(e.id);
        else byStream.set(stream, [e.id]);
      }
      const pipeline = redis.pipeline();
      for (const [stream, ids] of byStream) pipeline.xack(stream, GROUP, ...ids);
      await pipeline.exec();
      // Acked entries are in SQL; trimming keeps the stream about as short as the backlog. Best
      // effort: a stream that lost its group with Redis state is rebuilt, not trimmed.
      await Promise.all([...byStream.keys()].map((stream) => run(SCRIPTS.trim, [stream], [GROUP]).catch(() => undefined)));
    },

    async liveCounters(item, second) {
      const h = await redis.hgetall(keysOf(item).live(second));
      return { units: Number(h.u ?? 0), orders: Number(h.o ?? 0), gmv: Number(h.g ?? 0) };
    },

    async dispose() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
