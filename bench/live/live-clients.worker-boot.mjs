// Worker entry: registers tsx in this thread (the tsx CLI's loader does not reach worker threads),
// then runs the TypeScript client pool.
import { register } from 'tsx/esm/api';

register();
await import('./live-clients.worker.ts');
