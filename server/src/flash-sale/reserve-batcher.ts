import type { ReserveOutcome, ReserveRequest } from './flash-stock.store.js';
import { itemId, type SaleItemRef } from './sale-item.js';

interface Attempt {
  request: ReserveRequest;
  resolve(outcome: ReserveOutcome): void;
  reject(err: unknown): void;
}

interface Batch {
  item: SaleItemRef;
  second: number;
  attempts: Attempt[];
}

/**
 * Collects the reservation attempts for one item (and one war-room second) that arrive during one
 * event-loop turn, and sends them as one script call: when a batch holds `max` attempts at once,
 * the rest once the turn's I/O callbacks ran. Redis sets the script up once per batch and the
 * client encodes one command, while each attempt is still checked and applied on its own, in
 * arrival order (docs/adr/flash-sale-hot-path.md). A lone attempt waits for nothing but the end of
 * its turn.
 */
export function createReserveBatcher(options: {
  max: number;
  send(item: SaleItemRef, second: number, requests: ReserveRequest[]): Promise<ReserveOutcome[]>;
  /** Runs the end of a turn's sends (one per item); a store may let them leave in one socket write. */
  together?(sendAll: () => void): void;
}) {
  const open = new Map<string, Batch>();
  let scheduled = false;

  function flush(key: string, batch: Batch): void {
    open.delete(key);
    options.send(batch.item, batch.second, batch.attempts.map((a) => a.request)).then(
      (outcomes) => {
        for (const [i, attempt] of batch.attempts.entries()) {
          const outcome = outcomes[i];
          if (outcome) attempt.resolve(outcome);
          else attempt.reject(new Error('flash reserve: no answer for an attempt of the batch'));
        }
      },
      (err: unknown) => {
        for (const attempt of batch.attempts) attempt.reject(err);
      },
    );
  }

  function flushOpen(): void {
    for (const [key, batch] of open) flush(key, batch);
  }

  function endTurn(): void {
    scheduled = false;
    if (open.size > 1 && options.together) options.together(flushOpen);
    else flushOpen();
  }

  return {
    reserve(item: SaleItemRef, request: ReserveRequest): Promise<ReserveOutcome> {
      const second = Math.floor(request.now / 1000);
      const key = `${itemId(item)}\n${second}`;
      let batch = open.get(key);
      if (!batch) {
        batch = { item, second, attempts: [] };
        open.set(key, batch);
      }
      const attempts = batch.attempts;
      const outcome = new Promise<ReserveOutcome>((resolve, reject) => attempts.push({ request, resolve, reject }));
      if (attempts.length >= options.max) flush(key, batch);
      else if (!scheduled) {
        scheduled = true;
        setImmediate(endTurn);
      }
      return outcome;
    },
  };
}
