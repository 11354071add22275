import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { createHttpClient } from '../api/http-client.js';
import { createStudioApi } from '../api/studio-api.js';
import { databaseName, type Session } from '../auth/session.js';
import { localKeys } from '../campaigns/queries.js';
import { refreshCatalogCache } from '../catalog/catalog-cache.js';
import { openStudioDb } from '../db/studio-db.js';
import { createPlatform } from '../platform/create-platform.js';
import { createSyncEngine } from '../sync/sync-engine.js';
import { createSyncRunner } from '../sync/sync-runner.js';
import { createHttpTransport } from '../sync/sync-transport.js';
import { useToast } from '../ui/toast.js';
import { routes } from './routes.js';
import { ServicesProvider, type StudioServices } from './services.js';

interface Props {
  session: Session;
  onSignOut: () => void;
}

/** Wires one signed-in session: API client, local database, sync runner, platform, router. */
export function Studio({ session, onSignOut }: Props) {
  const { t } = useTranslation();
  const toast = useToast();

  // Resources live in an effect (not a memo) so React's dev double-mount gets fresh ones.
  const [services, setServices] = useState<StudioServices | null>(null);
  useEffect(() => {
    const nowMs = () => Date.now();
    // An expired token sends the planner back to the login screen; local edits stay in this
    // user's database and sync after signing in again.
    const api = createStudioApi(createHttpClient({ baseUrl: session.apiBase, getToken: () => session.token, onUnauthorized: onSignOut }));
    const db = openStudioDb(databaseName(session));
    const platform = createPlatform(window, (title, body) => toast(title, body));
    const engine = createSyncEngine({ db, transport: createHttpTransport(api), nowMs });
    const runner = createSyncRunner({
      engine,
      nowMs,
      online: navigator.onLine,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      isNetworkError: (error) => error instanceof ApiError && (error.isNetwork || error.status >= 502),
    });
    setServices({ session, api, db, runner, platform, toast, signOut: onSignOut, nowMs });
    return () => {
      runner.stop();
      db.close();
    };
  }, [session, onSignOut, toast]);

  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { networkMode: 'always', staleTime: Infinity, retry: false }, mutations: { networkMode: 'always' } } }),
    [],
  );
  const router = useMemo(() => createHashRouter(routes), []);

  useEffect(() => {
    if (!services) return undefined;
    const { runner, db } = services;
    let lastSynced: number | null = null;
    const unsubscribe = runner.subscribe((state) => {
      if (state.lastSyncedAt !== lastSynced) {
        lastSynced = state.lastSyncedAt;
        void queryClient.invalidateQueries({ queryKey: localKeys.all });
      }
    });
    const online = () => runner.setOnline(true);
    const offline = () => runner.setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    void runner.refreshCounts().then(() => runner.requestSync());
    // The first session on this machine fetches the catalog so simulation works offline later.
    void db.catalog
      .count()
      .then(async (count) => {
        if (count > 0) return;
        await refreshCatalogCache(db, services.api);
        await queryClient.invalidateQueries({ queryKey: localKeys.all });
      })
      .catch(() => undefined);
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [services, queryClient]);

  useEffect(() => {
    if (!services) return undefined;
    const { runner, platform } = services;
    let known = runner.getState().conflicts;
    return runner.subscribe((state) => {
      if (state.conflicts > known) void platform.notify(t('sync.conflictNotifyTitle'), t('sync.conflictNotifyBody', { count: state.conflicts }));
      known = state.conflicts;
    });
  }, [services, t]);

  if (!services) return null;
  return (
    <ServicesProvider services={services}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ServicesProvider>
  );
}
