// pnpm --filter @promo/bench run flash:persister — the reservation persister alone: fills one
// item's stream with reservations through the real reserve script, then times one drain into
// SQLite (CPU per event). FLASH_PERSIST_PROFILE=<file> writes a CPU profile of the drain alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { systemClock } from '../../server/src/app/deps.js';
import { createSqliteDb } from '../../server/src/db/create-db.js';
import { migrateLatest } from '../../server/src/db/migrate.js';
import { createRedisFlashStockStore } from '../../server/src/flash-sale/redis-flash-stock.store.js';
import { createReservationPersister } from '../../server/src/flash-sale/reservation-persister.js';
import { newReservationToken } from '../../server/src/flash-sale/reservation-token.js';
import { soldInSql } from '../../server/src/flash-sale/reservations.repo.js';
import { startRedis } from '../../server/test/services/index.js';

const EVENTS = Number(process.env.FLASH_PERSIST_EVENTS ?? 100_000);
/** Drains in a row on one SQLite file: later rounds insert into a table that outgrew the page cache. */
const ROUNDS = Number(process.env.FLASH_PERSIST_ROUNDS ?? 3);
const IN_FLIGHT = 500;
const SKUS = ['p-a', 'p-b', 'p-c'];

const redisService = await startRedis();
const dataDir = mkdtempSync(join(tmpdir(), 'promo-persist-bench-'));
const db = createSqliteDb(join(dataDir, 'bench.sqlite'));
const stock = createRedisFlashStockStore({ redis: new Redis(redisService.url), keyPrefix: '', consumerName: 'bench' });
try {
  await migrateLatest(db);
  const items = SKUS.map((sku) => ({ campaignId: 'c-persist', sku }));
  const now = Date.now();
  for (const item of items) {
    await stock.initialise(item, { terms: { price: 990, perUserLimit: 100, reservationMs: 900_000, closesAt: now + 3_600_000 }, allocated: EVENTS * ROUNDS, reservations: [] });
  }
  const persister = createReservationPersister({ db, stock, clock: systemClock, logger: pino({ level: 'warn' }) });
  const profileFile = process.env.FLASH_PERSIST_PROFILE;
  let written = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    // Like the HTTP bench's wrk script: random users out of 2M, a fresh idempotency key each, random SKU.
    for (let i = 0; i < EVENTS; i += IN_FLIGHT) {
      const batch = [];
      for (let j = i; j < Math.min(EVENTS, i + IN_FLIGHT); j++) {
        const item = items[randomInt(items.length)] ?? items[0];
        if (!item) throw new Error('no items');
        batch.push(stock.reserve(item, { userId: `u${randomInt(1, 2_000_000)}`, quantity: 1, idempotencyKey: `k${round}-${j}`, token: newReservationToken(item), now: Date.now() }));
      }
      await Promise.all(batch);
    }
    const session = new Session();
    const profiling = profileFile !== undefined && round === ROUNDS;
    if (profiling) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    // How long the drain holds the event loop at a time: what a request arriving meanwhile waits.
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const drained = await persister.drain(items);
    loopDelay.disable();
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (profiling) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      session.disconnect();
    }
    written += drained;
    console.log(`round ${round}: ${drained} events in ${wallMs.toFixed(0)} ms, ${((cpu.user + cpu.system) / Math.max(1, drained)).toFixed(1)} µs CPU/event (table had ${written - drained} rows), event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`);
    if (drained !== EVENTS) process.exitCode = 1;
  }
  let inSql = 0;
  for (const item of items) inSql += await soldInSql(db, item);
  console.log(`SQL sold ${inSql} of ${written}`);
  if (inSql !== written) process.exitCode = 1;
} finally {
  await stock.dispose();
  await db.destroy();
  await redisService.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
