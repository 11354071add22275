import { Worker } from 'node:worker_threads';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../../app/deps.js';
import type { ReservationPersister } from '../reservation-persister.js';
import type { SaleItemRef } from '../sale-item.js';
import type { PersisterRequest, PersisterResponse, PersisterThreadConfig, PersisterThreadData } from './persister-thread.messages.js';

const BOOT = new URL('./persister-thread.boot.mjs', import.meta.url);

/**
 * Rows per transaction on the thread (see persister-thread.worker.ts for SQLite's smaller size
 * while the request thread writes). Large transactions are cheaper per row: a commit writes every
 * page it dirtied, and random idempotency keys dirty index pages all over.
 */
const THREAD_TX_ROWS = 20_000;

export interface PersisterThread extends ReservationPersister {
  /** Finishes the calls already made, closes the thread's connections and ends it. */
  close(): Promise<void>;
  /** Units held or sold per item according to SQL (`soldInSql`), read on the thread, in order after earlier calls. */
  soldInSql(items: readonly SaleItemRef[]): Promise<number[]>;
  /** Ends the thread at once, as a crash would; the next call starts another (tests). */
  crash(): Promise<void>;
}

const READ_ONLY = /^\s*(select|pragma)\b/i;

/**
 * SQLite: flags every write the request thread starts on `db` (knex emits `query` before it runs
 * the statement), so the persister thread commits and lets it through. Returns the unwatch.
 */
export function watchWriters(db: Knex, flag: Int32Array): () => void {
  const onQuery = (query: { sql?: unknown }) => {
    if (typeof query.sql === 'string' && !READ_ONLY.test(query.sql)) Atomics.store(flag, 0, 1);
  };
  db.on('query', onQuery);
  return () => void db.off('query', onQuery);
}

type Call = { op: 'drain' | 'tick'; items: SaleItemRef[] } | { op: 'claimStale'; items: SaleItemRef[]; idleMs: number | undefined } | { op: 'sold'; items: SaleItemRef[] };

/**
 * The reservation persister on a worker thread with its own SQL pool and Redis connection (Redis
 * backends only: the in-process stock store's log lives in this thread's memory). The request
 * thread only posts a message per pass, so draining never holds its event loop: on SQLite the
 * commit of a large transaction used to stall every request for 65–100 ms
 * (docs/adr/flash-sale-hot-path.md). A thread that dies is started again on the next call; what it
 * had read but not written stays pending in the consumer group and is read again by its successor
 * under the same consumer name.
 */
export function startPersisterThread(options: {
  config: PersisterThreadConfig;
  consumerName: string;
  clock: Clock;
  logger: Logger;
  txRows?: number;
  /** The request thread's pool; on SQLite its writes make the thread release the write lock. */
  requestDb?: Knex;
}): PersisterThread {
  const writerWaiting = !options.config.DATABASE_URL && options.requestDb ? new Int32Array(new SharedArrayBuffer(4)) : null;
  const unwatch = writerWaiting && options.requestDb ? watchWriters(options.requestDb, writerWaiting) : () => undefined;
  const data: PersisterThreadData = {
    config: { DATA_DIR: options.config.DATA_DIR, DATABASE_URL: options.config.DATABASE_URL, REDIS_URL: options.config.REDIS_URL, REDIS_KEY_PREFIX: options.config.REDIS_KEY_PREFIX },
    consumerName: options.consumerName,
    txRows: options.txRows ?? THREAD_TX_ROWS,
    writerWaiting,
  };
  const pending = new Map<number, { resolve(value: number | number[]): void; reject(err: Error): void }>();
  let nextId = 1;
  let worker: Worker | null = null;
  let closed = false;

  function failAll(err: Error): void {
    for (const call of pending.values()) call.reject(err);
    pending.clear();
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = new Worker(BOOT, { workerData: data, name: 'flash-persister' });
    // The thread never keeps the process alive on its own; close() ends it deliberately.
    started.unref();
    started.on('message', (reply: PersisterResponse) => {
      const call = pending.get(reply.id);
      if (!call) return;
      pending.delete(reply.id);
      if (reply.ok) call.resolve(reply.value);
      else call.reject(new Error(`flash persister thread: ${reply.message}`));
    });
    started.on('error', (err) => options.logger.error({ err }, 'flash persister thread failed'));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (!closed) options.logger.warn({ code }, 'flash persister thread exited; the next pass starts another');
      failAll(new Error(`flash persister thread exited (${code})`));
    });
    worker = started;
    return started;
  }

  function send(request: PersisterRequest, target: Worker): Promise<number | number[]> {
    return new Promise<number | number[]>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      target.postMessage(request);
    });
  }

  function call(c: Call): Promise<number | number[]> {
    if (closed) return Promise.reject(new Error('flash persister thread is closed'));
    const items = c.items.map(({ campaignId, sku }) => ({ campaignId, sku }));
    const id = nextId++;
    const now = options.clock.now();
    if (c.op === 'sold') return send({ id, op: c.op, items }, thread());
    return send(c.op === 'claimStale' ? { id, op: c.op, items, now, idleMs: c.idleMs } : { id, op: c.op, items, now }, thread());
  }

  async function written(c: Call): Promise<number> {
    return Number(await call(c));
  }

  return {
    drain: (items) => written({ op: 'drain', items: [...items] }),
    tick: (items) => written({ op: 'tick', items: [...items] }),
    claimStale: (items, idleMs) => written({ op: 'claimStale', items: [...items], idleMs }),
    async soldInSql(items) {
      const sold = await call({ op: 'sold', items: [...items] });
      return Array.isArray(sold) ? sold : [];
    },
    async close() {
      if (closed) return;
      closed = true;
      unwatch();
      const running = worker;
      if (!running) return;
      // Calls already posted run first: the thread handles its messages in order.
      await send({ id: nextId++, op: 'close' }, running).catch(() => undefined);
      await running.terminate();
    },
    async crash() {
      await worker?.terminate();
    },
  };
}
