import { useSyncExternalStore } from 'react';
import { useServices } from '../app/services.js';
import type { SyncState } from './sync-status.js';

export function useSyncState(): SyncState {
  const { runner } = useServices();
  return useSyncExternalStore(
    (listener) => runner.subscribe(listener),
    () => runner.getState(),
  );
}
