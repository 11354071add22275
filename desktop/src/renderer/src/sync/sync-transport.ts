import type { PushResult, SyncChangesResponse } from '../api/api.schema.js';
import type { PushChange, StudioApi } from '../api/studio-api.js';

/** What the sync engine needs from the server; tests pass an in-memory fake. */
export interface SyncTransport {
  pull(since: number, limit: number): Promise<SyncChangesResponse>;
  push(changes: PushChange[]): Promise<{ results: PushResult[] }>;
}

export function createHttpTransport(api: StudioApi): SyncTransport {
  return { pull: (since, limit) => api.pullChanges(since, limit), push: (changes) => api.pushChanges(changes) };
}
