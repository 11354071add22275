import pino from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-db.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createApp } from '../app/create-app.js';
import { systemClock } from '../app/deps.js';
import { createStores } from '../stores/create-stores.js';

describe('health, readiness and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /healthz with ok', async () => {
    const res = await t.request.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports ready with the database and the stores of the current backend reachable', async () => {
    const res = await t.request.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ready');
    expect(res.body.checks.stores.kind).toBe(t.backend === 'embedded' ? 'memory' : 'redis');
  });

  it('exposes Prometheus metrics including request durations by route pattern', async () => {
    await t.request.get('/healthz');
    const res = await t.request.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });
});

describe('readiness when a dependency is down', () => {
  it('answers 503 in the error shape naming the unreachable dependency', async () => {
    const database = await createTestDatabase();
    const logger = pino({ level: 'silent' });
    const db = database.connect();
    const stores = await createStores(database.config, logger);
    const handle = await createApp({ config: database.config, db, stores, logger, clock: systemClock }, { modules: [] });
    try {
      await stores.close();
      const res = await supertest(handle.app).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('unavailable');
      expect(res.body.error.details.db.ok).toBe(true);
      expect(res.body.error.details.stores.ok).toBe(false);
    } finally {
      await handle.close();
      await db.destroy();
      await database.dispose();
    }
  });
});
