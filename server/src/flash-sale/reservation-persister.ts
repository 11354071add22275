import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../app/deps.js';
import { enqueueOutbox } from '../outbox/outbox.repo.js';
import { inventorySoldMessage } from '../inventory/inventory-sold.js';
import type { FlashEvent, FlashStockStore } from './flash-stock.store.js';
import type { Reservation } from './reservation.schema.js';
import { saveReservations } from './reservations.repo.js';
import type { SaleItemRef } from './sale-item.js';

/** Log entries per stream per XREADGROUP (a reserve batch's entry holds up to 64 events). */
const READ_COUNT = 500;
/**
 * Rows per SQL transaction. On SQLite every commit rewrites each page it dirtied, and the
 * idempotency index takes rows at random pages, so small transactions rewrite nearly one page
 * per row: 1,000-row transactions cost 25 µs a row at 300k rows, 20,000-row ones 8–9
 * (docs/adr/flash-sale-hot-path.md). The statements inside yield to the event loop between chunks.
 */
const TX_ROWS = 20_000;
/** How long the timer's pass lets read events wait for a fuller transaction (default). */
const MAX_LAG_MS = 1000;
const STALE_MS = 30_000;

/** Rows per INSERT slice; transactions end between slices. */
const SLICE = 500;

export interface SaveOptions {
  /**
   * Yield to the event loop between slices (default): on the request thread a long SQLite
   * transaction must not hold the loop. The persister thread has no requests to let through and
   * turns it off, holding SQLite's write lock for less time.
   */
  yieldBetweenChunks?: boolean;
  /**
   * Asked between slices: true when another writer waits for SQLite's one write lock, so the rows
   * so far are committed and the lock released (persister-thread/sqlite-writer-gate.ts).
   */
  commitEarly?: () => boolean;
  /** Rows per transaction at most (default: all in one). */
  txRows?: number;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Writes reservations to SQL with the outbox messages their confirmation causes, in 500-row slices.
 * One transaction, unless it would hold more than `options.txRows` rows or `options.commitEarly`
 * says another writer is waiting: then the rows so far are committed and the rest go in a new
 * transaction. Splitting is safe: rows and outbox messages are insert-if-absent, status moves only
 * forward, and the events are acked after the last commit.
 */
export async function persistReservations(db: Knex, reservations: readonly Reservation[], now: number, options: SaveOptions = {}): Promise<void> {
  const { commitEarly, txRows = Infinity } = options;
  const yieldBetween = options.yieldBetweenChunks ?? true;
  let done = 0;
  while (done < reservations.length) {
    const start = done;
    done = await db.transaction(async (trx) => {
      let next = start;
      do {
        if (next > start && yieldBetween) await yieldToEventLoop();
        const slice = reservations.slice(next, next + SLICE);
        await saveReservations(trx, slice, now);
        await enqueueOutbox(trx, slice.filter((r) => r.status === 'confirmed').map(inventorySoldMessage), now);
        next += slice.length;
      } while (next < reservations.length && next - start < txRows && !commitEarly?.());
      return next;
    });
  }
}

export interface ReservationPersisterDeps {
  db: Knex;
  stock: FlashStockStore;
  clock: Clock;
  logger: Logger;
  maxLagMs?: number;
  /** Rows per SQL transaction (default TX_ROWS), or a function asked before each write. */
  txRows?: number | (() => number);
  save?: SaveOptions;
}

export function createReservationPersister(deps: ReservationPersisterDeps): ReservationPersister {
  const maxLagMs = deps.maxLagMs ?? MAX_LAG_MS;
  const configured = deps.txRows ?? TX_ROWS;
  const txRows = typeof configured === 'function' ? configured : () => configured;
  let buffered: FlashEvent[] = [];
  let bufferedSince = 0;
  let queue: Promise<unknown> = Promise.resolve();

  function exclusive<T>(job: () => Promise<T>): Promise<T> {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  }

  async function persist(events: FlashEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const reservations = new Array<Reservation>(events.length);
    for (let i = 0; i < events.length; i++) reservations[i] = (events[i] as FlashEvent).reservation;
    await persistReservations(deps.db, reservations, deps.clock.now(), { ...deps.save, txRows: txRows() });
    await deps.stock.ack(events);
    return events.length;
  }

  async function flush(): Promise<number> {
    const events = buffered;
    buffered = [];
    try {
      return await persist(events);
    } catch (err) {
      // Still pending in the consumer group either way; keeping them here retries on the next tick.
      buffered = events.concat(buffered);
      throw err;
    }
  }

  /** Reads new events into the buffer, writing whenever it holds a full transaction. */
  async function readNew(items: readonly SaleItemRef[]): Promise<number> {
    let written = 0;
    for (;;) {
      const events = await deps.stock.readEvents(items, READ_COUNT, 'new');
      if (events.length > 0 && buffered.length === 0) bufferedSince = performance.now();
      for (const e of events) buffered.push(e);
      if (buffered.length >= txRows()) written += await flush();
      if (events.length < READ_COUNT) return written;
    }
  }

  return {
    /** Persists everything currently logged for `items`; returns the number of events written. */
    drain(items: readonly SaleItemRef[]): Promise<number> {
      return exclusive(async () => {
        let total = await flush();
        // Re-reading from the start of this consumer's pending list: each batch must be acked
        // before the next read, or the read would return it again.
        for (;;) {
          const written = await persist(await deps.stock.readEvents(items, READ_COUNT, 'pending'));
          total += written;
          if (written < READ_COUNT) break;
        }
        total += await readNew(items);
        return total + (await flush());
      });
    },
    /**
     * The timer's pass: reads what is new and writes once TX_ROWS are read or the oldest read
     * event waited `maxLagMs`, so a busy sale commits in few large transactions.
     */
    tick(items: readonly SaleItemRef[]): Promise<number> {
      return exclusive(async () => {
        const written = await readNew(items);
        if (buffered.length > 0 && performance.now() - bufferedSince >= maxLagMs) return written + (await flush());
        return written;
      });
    },
    claimStale(items: readonly SaleItemRef[], idleMs = STALE_MS): Promise<number> {
      return exclusive(async () => persist(await deps.stock.claimStale(items, idleMs, READ_COUNT)));
    },
  };
}
/** What the module drives: the in-process persister above, or the same one on its own thread (persister-thread/). */
export interface ReservationPersister {
  drain(items: readonly SaleItemRef[]): Promise<number>;
  tick(items: readonly SaleItemRef[]): Promise<number>;
  claimStale(items: readonly SaleItemRef[], idleMs?: number): Promise<number>;
}
