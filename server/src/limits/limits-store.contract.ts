import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LimitsStore } from './limits-store.js';

export interface LimitsStoreFixture {
  store: LimitsStore;
  close(): Promise<void>;
}

/** The one behaviour every LimitsStore implementation must show (run from each implementation's test file). */
export function limitsStoreContract(make: () => Promise<LimitsStoreFixture>): void {
  let fixture: LimitsStoreFixture;
  beforeEach(async () => {
    fixture = await make();
  });
  afterEach(async () => {
    await fixture.close();
  });

  it('applies every entry of a plan and reads the usage back', async () => {
    const { store } = fixture;
    const outcome = await store.consume({
      orderId: 'o1',
      entries: [
        { key: 'a', amount: 300, cap: 1000 },
        { key: 'b', amount: 1, cap: 5 },
        { key: 'c', amount: 2, cap: null },
      ],
    });
    expect(outcome).toEqual({ status: 'consumed' });
    const usage = await store.read(['a', 'b', 'c', 'missing']);
    expect(Object.fromEntries(usage)).toEqual({ a: 300, b: 1, c: 2, missing: 0 });
  });

  it('rejects the whole plan when one entry would pass its cap and changes nothing', async () => {
    const { store } = fixture;
    await store.consume({ orderId: 'o1', entries: [{ key: 'b', amount: 5, cap: 5 }] });
    const outcome = await store.consume({
      orderId: 'o2',
      entries: [
        { key: 'a', amount: 100, cap: 1000 },
        { key: 'b', amount: 1, cap: 5 },
      ],
    });
    expect(outcome).toEqual({ status: 'rejected', key: 'b' });
    expect(Object.fromEntries(await store.read(['a', 'b']))).toEqual({ a: 0, b: 5 });
  });

  it('merges repeated keys of one plan before checking the cap', async () => {
    const { store } = fixture;
    const outcome = await store.consume({
      orderId: 'o1',
      entries: [
        { key: 'a', amount: 3, cap: 5 },
        { key: 'a', amount: 3, cap: 5 },
      ],
    });
    expect(outcome).toEqual({ status: 'rejected', key: 'a' });
    expect((await store.read(['a'])).get('a')).toBe(0);
  });

  it('counts an order id once however often it is consumed', async () => {
    const { store } = fixture;
    const plan = { orderId: 'o1', entries: [{ key: 'a', amount: 10, cap: 1000 }] };
    expect(await store.consume(plan)).toEqual({ status: 'consumed' });
    expect(await store.consume(plan)).toEqual({ status: 'duplicate', state: 'consumed' });
    expect((await store.read(['a'])).get('a')).toBe(10);
  });

  it('releases a consumed plan once, and a released order id cannot be consumed again', async () => {
    const { store } = fixture;
    const plan = { orderId: 'o1', entries: [{ key: 'a', amount: 10, cap: 1000 }, { key: 'b', amount: 1, cap: null }] };
    await store.consume(plan);
    expect(await store.release(plan)).toEqual({ status: 'released' });
    expect(await store.release(plan)).toEqual({ status: 'noop' });
    expect(Object.fromEntries(await store.read(['a', 'b']))).toEqual({ a: 0, b: 0 });
    expect(await store.consume(plan)).toEqual({ status: 'duplicate', state: 'released' });
    expect(await store.release({ orderId: 'never', entries: plan.entries })).toEqual({ status: 'noop' });
  });

  it('lets exactly cap of 120 parallel single-unit plans through', async () => {
    const { store } = fixture;
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        store.consume({ orderId: `o${i}`, entries: [{ key: 'usage', amount: 1, cap: 50 }, { key: 'budget', amount: 7, cap: 10_000 }] }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'consumed')).toHaveLength(50);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(70);
    expect(Object.fromEntries(await store.read(['usage', 'budget']))).toEqual({ usage: 50, budget: 350 });
  });

  it('consumes one order id sent 20 times in parallel once', async () => {
    const { store } = fixture;
    const plan = { orderId: 'same', entries: [{ key: 'a', amount: 4, cap: 1000 }] };
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.consume(plan)));
    expect(outcomes.filter((o) => o.status === 'consumed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(19);
    expect((await store.read(['a'])).get('a')).toBe(4);
  });
}
