export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Checked before each attempt: an error stops waiting at once (e.g. the service process died). */
  failIf?: () => Error | undefined;
}

/** Polls `probe` until it returns true; probe errors count as "not yet". */
export async function waitFor(what: string, probe: () => Promise<boolean>, options: WaitOptions | number, intervalMs = 50): Promise<void> {
  const { timeoutMs, intervalMs: interval = intervalMs, failIf } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const fatal = failIf?.();
    if (fatal) throw fatal;
    try {
      if (await probe()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`${what} not ready after ${timeoutMs} ms${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
