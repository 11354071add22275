import { inject } from 'vitest';

/** Which real services the integration suites run against (PROMO_BACKEND). */
export type Backend = 'embedded' | 'mariadb-redis';

declare module 'vitest' {
  export interface ProvidedContext {
    promoBackend: Backend;
    /** Set for mariadb-redis: the run's throwaway servers. */
    redisUrl: string | undefined;
    mariadbUrl: string | undefined;
  }
}

export interface BackendServices {
  backend: Backend;
  redisUrl?: string;
  mariadbUrl?: string;
}

/**
 * The services global-setup started for this run. A mariadb-redis run without them throws, so the
 * suite fails instead of silently testing the embedded backend.
 */
export function backendServices(): BackendServices {
  const backend = inject('promoBackend');
  if (backend === 'embedded') return { backend };
  const redisUrl = inject('redisUrl');
  const mariadbUrl = inject('mariadbUrl');
  if (!redisUrl || !mariadbUrl) throw new Error('PROMO_BACKEND=mariadb-redis but global setup provided no Redis/MariaDB');
  return { backend, redisUrl, mariadbUrl };
}
