import { createContext, useContext, type ReactNode } from 'react';
import type { StudioApi } from '../api/studio-api.js';
import type { Session } from '../auth/session.js';
import type { StudioDb } from '../db/studio-db.js';
import type { Platform } from '../platform/platform.types.js';
import type { SyncRunner } from '../sync/sync-runner.js';

/** Everything a screen needs, made once per signed-in session in main.tsx (no module singletons). */
export interface StudioServices {
  session: Session;
  api: StudioApi;
  db: StudioDb;
  runner: SyncRunner;
  platform: Platform;
  toast: (title: string, body?: string, tone?: 'info' | 'error' | 'success') => void;
  signOut: () => void;
  nowMs: () => number;
}

const ServicesContext = createContext<StudioServices | null>(null);

export function ServicesProvider({ services, children }: { services: StudioServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): StudioServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
