/** Driver error codes the app reacts to, for SQLite (better-sqlite3) and MariaDB (mysql2). */
interface DriverError {
  code?: unknown;
  errno?: unknown;
}

function codeOf(error: unknown): { code: string; errno: number } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as DriverError;
  return { code: typeof e.code === 'string' ? e.code : '', errno: typeof e.errno === 'number' ? e.errno : 0 };
}

/** A primary-key or unique-index violation. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return code === 'ER_DUP_ENTRY' || errno === 1062 || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A transaction the database gave up on that is safe to run again from the start. */
export function isRetryableTxError(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return code === 'ER_LOCK_DEADLOCK' || errno === 1213 || code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1205 || code.startsWith('SQLITE_BUSY');
}

/** Runs `work` again (a few times) when the database aborted it for a deadlock or a busy lock. */
export async function withTxRetry<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTxError(error)) throw error;
    }
  }
}
