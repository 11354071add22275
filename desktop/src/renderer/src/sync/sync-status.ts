export type SyncPhase = 'synced' | 'syncing' | 'pending' | 'offline' | 'conflict' | 'error';

export interface SyncState {
  phase: SyncPhase;
  pending: number;
  conflicts: number;
  /** The browser's view (navigator.onLine). */
  online: boolean;
  /** False after a request failed to reach the server; true again after a successful round. */
  reachable: boolean;
  lastSyncedAt: number | null;
  lastError: string | null;
  /** When the runner will try again after a failure (epoch ms), or null. */
  retryAt: number | null;
}

export const INITIAL_SYNC_STATE: SyncState = {
  phase: 'pending',
  pending: 0,
  conflicts: 0,
  online: true,
  reachable: true,
  lastSyncedAt: null,
  lastError: null,
  retryAt: null,
};

/**
 * The one status the header shows. Conflicts need the planner, so they win; then being offline
 * (edits are safe locally); then a failing server; then work in progress.
 */
export function deriveSyncPhase(input: { online: boolean; running: boolean; pending: number; conflicts: number; lastError: string | null }): SyncPhase {
  if (input.conflicts > 0) return 'conflict';
  if (!input.online) return 'offline';
  if (input.lastError) return 'error';
  if (input.running) return 'syncing';
  if (input.pending > 0) return 'pending';
  return 'synced';
}
