import { parentPort, workerData } from 'node:worker_threads';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createDb } from '../../db/create-db.js';
import { createRedisFlashStockStore } from '../redis-flash-stock.store.js';
import { createReservationPersister } from '../reservation-persister.js';
import { soldInSql } from '../reservations.repo.js';
import { createSqliteWriterGate } from './sqlite-writer-gate.js';
import type { PersisterRequest, PersisterResponse, PersisterThreadData } from './persister-thread.messages.js';

// The log → SQL persister on its own thread, with its own SQL pool and Redis connection: the
// request thread only posts a message per pass (see persister-thread.ts).
const data = workerData as PersisterThreadData;
const port = parentPort;
if (!port || !data.config.REDIS_URL) throw new Error('the persister thread needs a parent and REDIS_URL');

const db = createDb({ ...data.config, DB_POOL_MAX: 2 });
const writerWaiting = data.writerWaiting;
const redis = new Redis(data.config.REDIS_URL, { lazyConnect: false });
// ioredis reconnects by itself; a failed call rejects and reaches the caller as an error reply.
redis.on('error', () => undefined);
const stock = createRedisFlashStockStore({ redis, keyPrefix: data.config.REDIS_KEY_PREFIX, consumerName: data.consumerName });
const gate = writerWaiting ? createSqliteWriterGate({ flag: writerWaiting, txRows: data.txRows, sharedTxRows: 5_000, recentMs: 10_000 }) : null;
let now = 0;
const persister = createReservationPersister({
  db,
  stock,
  clock: { now: () => now },
  logger: pino({ level: 'silent' }),
  txRows: gate ? gate.txRows : data.txRows,
  save: { yieldBetweenChunks: false, ...(gate ? { commitEarly: gate.commitEarly } : {}) },
});

async function handle(request: PersisterRequest): Promise<number | number[]> {
  if (request.op === 'close') {
    await stock.dispose();
    await db.destroy();
    return 0;
  }
  // A count over every reservation row of an item: off the request thread too (reconciler).
  if (request.op === 'sold') return Promise.all(request.items.map((item) => soldInSql(db, item)));
  now = request.now;
  if (request.op === 'claimStale') return persister.claimStale(request.items, request.idleMs);
  return request.op === 'drain' ? persister.drain(request.items) : persister.tick(request.items);
}

// One request at a time, in the order posted: a close waits for the pass before it.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: PersisterRequest) => {
  queue = queue.then(() =>
    handle(request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies PersisterResponse),
      (err: unknown) => port.postMessage({ id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies PersisterResponse),
    ),
  );
});
