import type { Knex } from 'knex';
import type { Logger } from 'pino';

export interface EventRow {
  event_id: string;
  type: string;
  user_id: string;
  campaign_id: string | null;
  theme_id: string | null;
  sku: string | null;
  amount: number | null;
  channel: string;
  region: string;
  at: number;
  received_at: number;
}

export interface OrderFactRow {
  order_id: string;
  user_id: string;
  channel: string;
  region: string;
  subtotal: number;
  discount: number;
  total: number;
  committed_at: number;
}

interface CancelRow {
  orderId: string;
  at: number;
  tries: number;
}

/** Flushes a cancel waits for its order's fact to reach SQL (at FLUSH_MS 500: about a minute). */
const CANCEL_TRIES = 120;

/** Rows held before new events are refused (503), so a stalled database cannot eat the heap. */
export const MAX_QUEUED = 200_000;
const BATCH = 500;

/**
 * The write-behind queue between ingestion and SQL: callers enqueue and return at once; a timer
 * flushes in batches with unique keys (a replayed event or order is ignored by the database too).
 */
export function createLiveSqlWriter(deps: { db: Knex; logger: Logger; flushMs: number }) {
  const { db, logger } = deps;
  let events: EventRow[] = [];
  let facts: OrderFactRow[] = [];
  /** Facts queued and not yet written, by order: a cancel right after its commit reads it here. */
  const factsByOrder = new Map<string, OrderFactRow>();
  let cancels: CancelRow[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  /** Up to BATCH queued cancels whose order's fact is no longer queued (so it is in SQL, or not enqueued yet). */
  function takeReadyCancels(): CancelRow[] {
    const ready: CancelRow[] = [];
    const waiting: CancelRow[] = [];
    for (const c of cancels) (ready.length < BATCH && !factsByOrder.has(c.orderId) ? ready : waiting).push(c);
    cancels = waiting;
    return ready;
  }

  async function write(): Promise<void> {
    // Cancels whose fact is not in SQL yet: its commit's hook may not have queued it, or another
    // instance holds it. They are tried again on later flushes, for a while.
    const later: CancelRow[] = [];
    try {
      while (events.length + facts.length + cancels.length > 0) {
        const batchEvents = events.splice(0, BATCH);
        const batchFacts = facts.splice(0, BATCH);
        try {
          if (batchEvents.length > 0) await db('events').insert(batchEvents).onConflict('event_id').ignore();
          if (batchFacts.length > 0) await db('order_facts').insert(batchFacts).onConflict('order_id').ignore();
        } catch (err) {
          // Put the batch back in front: nothing is lost while the database is away.
          events = [...batchEvents, ...events];
          facts = [...batchFacts, ...facts];
          throw err;
        }
        for (const f of batchFacts) if (factsByOrder.get(f.order_id) === f) factsByOrder.delete(f.order_id);
        const ready = takeReadyCancels();
        for (const [i, c] of ready.entries()) {
          try {
            const changed = await db('order_facts').where({ order_id: c.orderId }).whereNull('cancelled_at').update({ cancelled_at: c.at });
            if (changed === 0 && !(await db('order_facts').where({ order_id: c.orderId }).first('order_id'))) {
              if (c.tries < CANCEL_TRIES) later.push({ ...c, tries: c.tries + 1 });
              else logger.warn({ orderId: c.orderId }, 'live SQL: a cancel found no order fact; dropped');
            }
          } catch (err) {
            cancels = [...ready.slice(i), ...cancels];
            throw err;
          }
        }
      }
    } finally {
      cancels.push(...later);
    }
  }

  function flush(): Promise<void> {
    running ??= write().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    queued: () => events.length + facts.length + cancels.length,
    hasRoom: (rows: number) => events.length + rows <= MAX_QUEUED,
    enqueueEvents(rows: readonly EventRow[]) {
      events.push(...rows);
    },
    enqueueOrderFact(row: OrderFactRow) {
      facts.push(row);
      factsByOrder.set(row.order_id, row);
    },
    /** The fact of `orderId` if it is still queued (not yet in SQL). */
    queuedFact(orderId: string): OrderFactRow | undefined {
      return factsByOrder.get(orderId);
    },
    enqueueCancel(orderId: string, at: number) {
      cancels.push({ orderId, at, tries: 0 });
    },
    /** Writes everything queued now (tests, shutdown). */
    async flush() {
      // A flush already running may have started before the caller's rows were queued.
      await flush();
      if (events.length + facts.length + cancels.length > 0) await flush();
    },
    start() {
      timer = setInterval(() => void flush().catch((err: unknown) => logger.warn({ err }, 'live SQL flush failed; will retry')), deps.flushMs);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await flush().catch((err: unknown) => logger.error({ err, queued: events.length + facts.length }, 'final live SQL flush failed'));
    },
  };
}
export type LiveSqlWriter = ReturnType<typeof createLiveSqlWriter>;
