import type { Clock } from '../src/app/deps.js';

/** A clock tests move by hand. Starts at `start` (default: real now) and never moves by itself. */
export interface TestClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function createTestClock(start: number = Date.now()): TestClock {
  let current = start;
  return {
    now: () => current,
    set(ms) {
      current = ms;
    },
    advance(ms) {
      current += ms;
    },
  };
}
