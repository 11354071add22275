import { describe, expect, it } from 'vitest';
import type { ReserveOutcome, ReserveRequest } from './flash-stock.store.js';
import { createReserveBatcher } from './reserve-batcher.js';
import type { SaleItemRef } from './sale-item.js';

const a = { campaignId: 'c-1', sku: 'a' };
const b = { campaignId: 'c-1', sku: 'b' };
const NOW = Date.UTC(2026, 10, 11, 2, 0, 0);
const attempt = (userId: string, now = NOW): ReserveRequest => ({ userId, quantity: 1, idempotencyKey: `k-${userId}`, token: `t-${userId}`, now });

function recording(max: number) {
  const sends: { item: SaleItemRef; second: number; users: string[] }[] = [];
  const batcher = createReserveBatcher({
    max,
    async send(item, second, requests) {
      sends.push({ item, second, users: requests.map((r) => r.userId) });
      return requests.map((r): ReserveOutcome => ({ kind: 'user_limit', held: Number(r.userId.slice(1)) }));
    },
  });
  return { sends, batcher };
}

describe('reserve batcher', () => {
  it('sends the attempts of one turn for one item as one call, in arrival order, and answers each its own result', async () => {
    const { sends, batcher } = recording(16);
    const outcomes = await Promise.all(['u1', 'u2', 'u3'].map((u) => batcher.reserve(a, attempt(u))));
    expect(sends).toEqual([{ item: a, second: Math.floor(NOW / 1000), users: ['u1', 'u2', 'u3'] }]);
    expect(outcomes).toEqual([1, 2, 3].map((held) => ({ kind: 'user_limit', held })));
  });

  it('sends a full batch at once and the rest at the end of the turn', async () => {
    const { sends, batcher } = recording(2);
    const pending = ['u1', 'u2', 'u3'].map((u) => batcher.reserve(a, attempt(u)));
    expect(sends.map((s) => s.users)).toEqual([['u1', 'u2']]);
    await Promise.all(pending);
    expect(sends.map((s) => s.users)).toEqual([['u1', 'u2'], ['u3']]);
  });

  it('keeps items, and war-room seconds, in separate calls', async () => {
    const { sends, batcher } = recording(16);
    await Promise.all([batcher.reserve(a, attempt('u1')), batcher.reserve(b, attempt('u2')), batcher.reserve(a, attempt('u3', NOW + 1_000))]);
    expect(sends.map((s) => [s.item.sku, s.second - Math.floor(NOW / 1000), s.users])).toEqual([
      ['a', 0, ['u1']],
      ['b', 0, ['u2']],
      ['a', 1, ['u3']],
    ]);
  });

  it('rejects every attempt of a batch whose call failed, and later turns still go out', async () => {
    let fail = true;
    const batcher = createReserveBatcher({
      max: 16,
      async send(_item, _second, requests) {
        if (fail) throw new Error('redis down');
        return requests.map((): ReserveOutcome => ({ kind: 'sold_out' }));
      },
    });
    const results = await Promise.allSettled([batcher.reserve(a, attempt('u1')), batcher.reserve(a, attempt('u2'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.reserve(a, attempt('u3'))).toEqual({ kind: 'sold_out' });
  });

  it('sends the end of a turn for several items inside together(), and a lone item without it', async () => {
    const log: string[] = [];
    const batcher = createReserveBatcher({
      max: 16,
      async send(item, _second, requests) {
        log.push(`send ${item.sku}`);
        return requests.map((): ReserveOutcome => ({ kind: 'sold_out' }));
      },
      together(sendAll) {
        log.push('begin');
        sendAll();
        log.push('end');
      },
    });
    await Promise.all([batcher.reserve(a, attempt('u1')), batcher.reserve(b, attempt('u2'))]);
    expect(log).toEqual(['begin', 'send a', 'send b', 'end']);
    log.length = 0;
    await batcher.reserve(a, attempt('u3'));
    expect(log).toEqual(['send a']);
  });
});
