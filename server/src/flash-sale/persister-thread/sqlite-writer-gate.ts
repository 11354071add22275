/**
 * How the persister thread shares SQLite's one write lock with the request thread. A request-thread
 * write that meets the thread's transaction waits in busy_timeout with its event loop stopped, so
 * the thread commits after its current slice when a writer waits (`commitEarly`), and while the
 * request thread has written in the last `recentMs` it keeps transactions at `sharedTxRows`, so each
 * commit (and so each wait) stays short. `flag` is set to 1 by the request thread (`watchWriters`).
 */
export function createSqliteWriterGate(options: { flag: Int32Array; txRows: number; sharedTxRows: number; recentMs: number; now?: () => number }) {
  const now = options.now ?? (() => performance.now());
  let writerSeenAt = -Infinity;
  function commitEarly(): boolean {
    if (Atomics.exchange(options.flag, 0, 0) !== 1) return false;
    writerSeenAt = now();
    return true;
  }
  return {
    commitEarly,
    txRows(): number {
      commitEarly();
      return now() - writerSeenAt < options.recentMs ? Math.min(options.sharedTxRows, options.txRows) : options.txRows;
    },
  };
}
