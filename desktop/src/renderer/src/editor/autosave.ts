/** Timer functions, injected so the scheduling is tested without real time. */
export interface AutosaveTimers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export interface AutosaveOptions<T> {
  delayMs: number;
  save: (value: T) => void;
  /** Told whenever an edit starts or stops waiting for its save (drives the "unsaved" header). */
  onPendingChange?: (pending: boolean) => void;
  timers?: AutosaveTimers;
}

export interface Autosave<T> {
  /** Replaces the waiting edit (if any) with `value` and restarts the delay. */
  schedule: (value: T) => void;
  /** Saves the waiting edit now (leaving the editor must not lose it); no-op when none waits. */
  flush: () => void;
  /** Drops the waiting edit (the content went back to what is already saved). */
  cancel: () => void;
  readonly pending: boolean;
}

const browserTimers: AutosaveTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Debounced save of the latest edit. Separate from React so the one rule that matters —
 * an edit made just before leaving the editor is still saved — is a plain, tested function:
 * the editor calls `flush()` when it unmounts instead of dropping the timer.
 */
export function createAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const timers = options.timers ?? browserTimers;
  let waiting: { value: T } | null = null;
  let handle: unknown = null;

  const stopTimer = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  const setWaiting = (next: { value: T } | null) => {
    const changed = (waiting === null) !== (next === null);
    waiting = next;
    if (changed) options.onPendingChange?.(next !== null);
  };
  const flush = () => {
    stopTimer();
    const current = waiting;
    if (!current) return;
    setWaiting(null);
    options.save(current.value);
  };

  return {
    schedule: (value) => {
      stopTimer();
      setWaiting({ value });
      handle = timers.set(flush, options.delayMs);
    },
    flush,
    cancel: () => {
      stopTimer();
      setWaiting(null);
    },
    get pending() {
      return waiting !== null;
    },
  };
}
