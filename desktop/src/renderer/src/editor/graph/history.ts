/**
 * Undo/redo over immutable snapshots. Consecutive edits with the same `coalesceKey` (typing in
 * one field) merge into one step, so one undo reverts the whole edit.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey: string | null;
}

export const HISTORY_LIMIT = 100;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

export function pushHistory<T>(history: History<T>, next: T, coalesceKey: string | null = null): History<T> {
  if (Object.is(next, history.present)) return history;
  if (coalesceKey !== null && coalesceKey === history.lastKey) return { ...history, present: next, future: [] };
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: coalesceKey };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null };
}

/** Replaces the present without an undo step (e.g. a newer copy arrived from sync). */
export function resetHistory<T>(present: T): History<T> {
  return createHistory(present);
}
