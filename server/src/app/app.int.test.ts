import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { ModuleFactory } from './module.types.js';
import { modules } from './modules.js';
import { parseInput } from './validate.js';

const probeModule: ModuleFactory = () => {
  const router = Router();
  router.post('/probe/echo', (req, res) => {
    const body = parseInput(z.object({ quantity: z.number().int().positive() }), req.body);
    res.json(body);
  });
  router.get('/probe/crash', () => {
    throw new Error('secret internal detail: password=hunter2');
  });
  router.get('/probe/zod', () => {
    z.object({ sku: z.string() }).parse({ sku: 42 });
  });
  return { name: 'probe', router };
};

describe('the app shell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [...modules, probeModule], config: { CORS_ORIGINS: ['https://studio.example'] } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await t.request.post('/api/v1/probe/echo').set('Content-Type', 'application/json').send('{"quantity": 1,');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: 'malformed JSON body' } });
  });

  it('answers a body over the limit with 413 in the error shape', async () => {
    const res = await t.request.post('/api/v1/probe/echo').set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.request.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message: 'no route GET /api/v1/no-such-thing' });
  });

  it('names the bad field in a 400', async () => {
    const res = await t.request.post('/api/v1/probe/echo').send({ quantity: -1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.details.issues[0].field).toBe('quantity');
  });

  it('maps a zod error thrown by a handler to 400 naming the field', async () => {
    const res = await t.request.get('/api/v1/probe/zod');
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('sku');
  });

  it('answers an unexpected error with 500 and no internals', async () => {
    const res = await t.request.get('/api/v1/probe/crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(res.text).not.toContain('hunter2');
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await t.request.get('/healthz').set('Origin', 'https://studio.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://studio.example');
    const other = await t.request.get('/healthz').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets security headers', async () => {
    const res = await t.request.get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document with the registered paths and security schemes', async () => {
    const res = await t.request.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/api-keys', '/api/v1/api-keys/{id}']));
    expect(res.body.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(Object.keys(res.body.components.securitySchemes)).toEqual(expect.arrayContaining(['userToken', 'apiKey']));
  });

  it('documents every route of the route table in OpenAPI', async () => {
    const res = await t.request.get('/api/v1/openapi.json');
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const documented = t.handle.routeTable.filter((r) => r.module === 'auth');
    for (const route of documented) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('serves Swagger UI at /docs pointed at the generated document', async () => {
    const page = await t.request.get('/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    const init = await t.request.get('/docs/swagger-initializer.js');
    expect(init.text).toContain('/api/v1/openapi.json');
  });
});

describe('the studio web build', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promo-studio-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>PromoStudio</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    t = await createTestApp({ modules: [], config: { STUDIO_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects / to /studio/ and serves the build there', async () => {
    const root = await t.request.get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/studio/');
    const index = await t.request.get('/studio/');
    expect(index.text).toContain('<title>PromoStudio</title>');
    const asset = await t.request.get('/studio/app.js');
    expect(asset.text).toBe('console.log(1)');
  });

  it('reports the folder it serves, for the start banner', () => {
    expect(t.handle.studioDir).toBe(dir);
  });

  it('answers client-side routes with index.html', async () => {
    const res = await t.request.get('/studio/campaigns/c-1');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>PromoStudio</title>');
  });

  it('mounts nothing and reports no folder when the build is missing', async () => {
    const bare = await createTestApp({ modules: [], config: { STUDIO_DIR: join(dir, 'missing') } });
    try {
      expect(bare.handle.studioDir).toBeUndefined();
      const res = await bare.request.get('/studio/');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    } finally {
      await bare.close();
    }
  });

  it('still answers unknown API routes with the JSON 404', async () => {
    const res = await t.request.get('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
