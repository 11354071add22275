import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../app/deps.js';
import { leaseDue, markDelivered, markFailed, type OutboxRow } from './outbox.repo.js';

/** Delivers one message; throwing schedules a retry. */
export type OutboxHandler = (message: OutboxRow) => Promise<void>;

export interface OutboxWorkerOptions {
  db: Knex;
  clock: Clock;
  logger: Logger;
  handlers: Readonly<Record<string, OutboxHandler>>;
  /** Poll period (default 500 ms); `tick()` can be called directly. */
  pollMs?: number;
  /** First retry delay, doubled per attempt up to `maxBackoffMs` (defaults 1 s, 5 min). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts before a message is marked dead (default 12). */
  maxAttempts?: number;
  batch?: number;
}

export interface OutboxWorker {
  /** Delivers what is due now; returns how many were delivered. */
  tick(): Promise<number>;
  start(): void;
  close(): Promise<void>;
}

/** Exponential backoff with ±20% jitter, so many failed messages do not retry in lockstep. */
export function backoffMs(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Polls the outbox table for due messages of its topics and hands them to their handlers, at least
 * once each (receivers dedupe with the dedupe key). Safe on several instances: rows are leased.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, handlers } = options;
  const logger = options.logger.child({ module: 'outbox' });
  const topics = Object.keys(handlers);
  const base = options.baseBackoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 300_000;
  const maxAttempts = options.maxAttempts ?? 12;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function deliver(message: OutboxRow): Promise<boolean> {
    const handler = handlers[message.topic];
    if (!handler) return false;
    try {
      await handler(message);
      await markDelivered(db, message.id, clock.now());
      return true;
    } catch (err) {
      const attempt = message.attempts + 1;
      const reason = err instanceof Error ? err.message : String(err);
      const next = attempt >= maxAttempts ? null : clock.now() + backoffMs(attempt, base, max);
      if (next === null) logger.error({ topic: message.topic, dedupeKey: message.dedupeKey, reason }, 'outbox message dead after retries');
      await markFailed(db, message.id, reason, next);
      return false;
    }
  }

  async function tick(): Promise<number> {
    if (topics.length === 0) return 0;
    const now = clock.now();
    const leased = await leaseDue(db, topics, now, now + 60_000, options.batch ?? 50);
    let delivered = 0;
    for (const message of leased) if (await deliver(message)) delivered += 1;
    return delivered;
  }

  function tickOnce(): Promise<number> {
    running ??= tick().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    tick: tickOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tickOnce().catch((err: unknown) => logger.error({ err }, 'outbox tick failed'));
      }, options.pollMs ?? 500);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
