/**
 * True for a duplicate-key error on either backend. Two writers that both saw "no row yet" race on
 * the insert; the loser should answer with the winner's copy (409 / conflict), not a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
