import { describe, expect, it } from 'vitest';
import { createSqliteWriterGate } from './sqlite-writer-gate.js';

function gate() {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let t = 1_000;
  const g = createSqliteWriterGate({ flag, txRows: 20_000, sharedTxRows: 5_000, recentMs: 10_000, now: () => t });
  return { flag, g, advance: (ms: number) => (t += ms) };
}

describe('SQLite writer gate', () => {
  it('uses large transactions while the request thread does not write', () => {
    const { g } = gate();
    expect(g.txRows()).toBe(20_000);
    expect(g.commitEarly()).toBe(false);
  });

  it('commits early once per write the request thread started, and clears the flag', () => {
    const { flag, g } = gate();
    Atomics.store(flag, 0, 1);
    expect(g.commitEarly()).toBe(true);
    expect(Atomics.load(flag, 0)).toBe(0);
    expect(g.commitEarly()).toBe(false);
  });

  it('keeps transactions small for recentMs after a write, then large again', () => {
    const { flag, g, advance } = gate();
    Atomics.store(flag, 0, 1);
    expect(g.txRows()).toBe(5_000);
    advance(9_999);
    expect(g.txRows()).toBe(5_000);
    advance(2);
    expect(g.txRows()).toBe(20_000);
  });
});
