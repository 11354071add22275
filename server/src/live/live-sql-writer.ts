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
  let cancels: { orderId: string; at: number }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function write(): Promise<void> {
    while (events.length + facts.length + cancels.length > 0) {
      const batchEvents = events.splice(0, BATCH);
      const batchFacts = facts.splice(0, BATCH);
      // Cancels only once every queued fact is in: a cancel's fact may sit in a later batch.
      const batchCancels = facts.length === 0 ? cancels.splice(0, BATCH) : [];
      try {
        if (batchEvents.length > 0) await db('events').insert(batchEvents).onConflict('event_id').ignore();
        if (batchFacts.length > 0) await db('order_facts').insert(batchFacts).onConflict('order_id').ignore();
        for (const f of batchFacts) if (factsByOrder.get(f.order_id) === f) factsByOrder.delete(f.order_id);
        for (const c of batchCancels) await db('order_facts').where({ order_id: c.orderId }).whereNull('cancelled_at').update({ cancelled_at: c.at });
      } catch (err) {
        // Put the batch back in front: nothing is lost while the database is away.
        events = [...batchEvents, ...events];
        facts = [...batchFacts, ...facts];
        cancels = [...batchCancels, ...cancels];
        throw err;
      }
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
      cancels.push({ orderId, at });
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
