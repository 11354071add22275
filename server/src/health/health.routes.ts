import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { AppDeps } from '../app/deps.js';

const READY_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer in ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

async function check(what: string, probe: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await withTimeout(probe(), what);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** `/healthz` (process alive), `/readyz` (db and stores reachable), `/metrics` (Prometheus). */
export function healthRouter(deps: AppDeps, metrics: Registry): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [db, stores] = await Promise.all([check('database', () => deps.db.raw('select 1')), check('stores', () => deps.stores.ping())]);
    const ready = db.ok && stores.ok;
    const checks = { db, stores: { ...stores, kind: deps.stores.kind } };
    if (ready) res.json({ status: 'ready', checks });
    else res.status(503).json({ error: { code: 'unavailable', message: 'not ready', details: checks } });
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.contentType);
    res.send(await metrics.metrics());
  });
  return router;
}
