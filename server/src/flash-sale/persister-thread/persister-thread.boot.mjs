// Entry of the persister thread: registers tsx in this thread (the server runs from TypeScript
// sources and the parent's loader does not reach worker threads), then runs the thread's module.
import { register } from 'tsx/esm/api';

register();
await import('./persister-thread.worker.ts');
