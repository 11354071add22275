import type { ModuleFactory } from '../app/module.types.js';
import { eventsRoutes } from '../events/events.routes.js';
import { createLiveRuntime, type LiveRuntimeOptions } from './live-runtime.js';
import { attachLive, type LiveHandle } from './live-socket.js';

export interface LiveModuleOptions extends LiveRuntimeOptions {
  /** Snapshot period (default 1 s). */
  tickMs?: number;
}

/**
 * The war room: live aggregates, `POST /events`, and the `/live` socket.io namespace attached to
 * the app's HTTP server at start. Orders feed it through `recordOrderCommitted` / `recordOrderCancelled`.
 */
export function liveModule(options: LiveModuleOptions = {}): ModuleFactory {
  return (deps, ctx) => {
    const runtime = createLiveRuntime(deps, ctx.liveCampaigns(), options);
    const { router, routeTable } = eventsRoutes(deps, runtime, ctx.openapi);
    let handle: LiveHandle | null = null;
    return {
      name: 'live',
      router,
      routeTable,
      async start() {
        await runtime.start();
        handle = await attachLive(ctx.httpServer, deps, runtime, { auth: ctx.auth, tickMs: options.tickMs });
      },
      async close() {
        await handle?.close();
        await runtime.close();
      },
    };
  };
}

/** The live module with its default timers: the entry for `modules.ts`. */
export const defaultLiveModule: ModuleFactory = liveModule();
