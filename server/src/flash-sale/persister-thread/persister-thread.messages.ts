import type { Config } from '../../config/config.schema.js';
import type { SaleItemRef } from '../sale-item.js';

/** What the persister thread needs to open its own SQL pool and Redis connection. */
export type PersisterThreadConfig = Pick<Config, 'DATA_DIR' | 'DATABASE_URL' | 'REDIS_URL' | 'REDIS_KEY_PREFIX'>;

export interface PersisterThreadData {
  config: PersisterThreadConfig;
  /** This thread's name in the stream consumer group. */
  consumerName: string;
  /** Rows per SQL transaction (see persister-thread.ts). */
  txRows: number;
  /**
   * SQLite only: set to 1 by the request thread when it starts a write, so the thread commits
   * what it has and releases the file's one write lock (reset by the thread when it reads it).
   */
  writerWaiting: Int32Array | null;
}

/** A call into the thread. `now` is the caller's clock, so timestamps follow the app's clock. */
export type PersisterRequest =
  | { id: number; op: 'drain' | 'tick'; items: SaleItemRef[]; now: number }
  | { id: number; op: 'claimStale'; items: SaleItemRef[]; now: number; idleMs: number | undefined }
  | { id: number; op: 'sold'; items: SaleItemRef[] }
  | { id: number; op: 'close' };

/** `value`: events written (drain, tick, claimStale), units held or sold per item (sold), 0 (close). */
export type PersisterResponse = { id: number; ok: true; value: number | number[] } | { id: number; ok: false; message: string };
