import { afterAll, describe, expect, it } from 'vitest';
import { ROLES, SCOPES, type Role } from '../src/auth/roles.js';
import { createTestApp } from './test-app.js';

/**
 * Walks every module's route table (server/src/app/modules.ts): studio routes refuse a missing
 * token (401) and a role outside the route's roles (403); store routes refuse a missing key (401)
 * and a key without the route's scope (403). Public routes must be listed here on purpose.
 */
const PUBLIC_ROUTES = new Set(['post /api/v1/auth/login']);

const t = await createTestApp();
afterAll(async () => {
  await t.close();
});

const routes = t.handle.routeTable.map((r) => ({ ...r, name: `${r.method.toUpperCase()} ${r.path}`, url: r.path.replace(/:([A-Za-z0-9_]+)/g, 'probe-$1') }));

function call(method: string, url: string) {
  switch (method) {
    case 'get':
      return t.request.get(url);
    case 'post':
      return t.request.post(url).send({});
    case 'put':
      return t.request.put(url).send({});
    case 'patch':
      return t.request.patch(url).send({});
    default:
      return t.request.delete(url);
  }
}

function outsider(allowed: readonly Role[]): Role | undefined {
  return ROLES.find((role) => role !== 'admin' && !allowed.includes(role));
}

describe('route table', () => {
  it('lists the routes of every module that mounts a router', () => {
    for (const module of t.handle.modules) {
      if (module.router) expect(module.routeTable?.length ?? 0, `module ${module.name}`).toBeGreaterThan(0);
    }
  });

  it('has no public route beyond the allowed list', () => {
    const publicRoutes = routes.filter((r) => r.auth.kind === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.filter((r) => !PUBLIC_ROUTES.has(r))).toEqual([]);
  });
});

describe.each(routes.filter((r) => r.auth.kind === 'user'))('studio route $name', (route) => {
  it('refuses a request without a token with 401', async () => {
    const res = await call(route.method, route.url);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses an expired or unknown token with 401', async () => {
    const res = await call(route.method, route.url).set('Authorization', 'Bearer not-a-session');
    expect(res.status).toBe(401);
  });

  const allowed = route.auth.kind === 'user' ? route.auth.roles : [];
  const wrongRole = outsider(allowed);
  if (wrongRole) {
    it(`refuses role ${wrongRole} with 403`, async () => {
      const res = await call(route.method, route.url).set('Authorization', `Bearer ${await t.login(wrongRole)}`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
  }

  it('refuses a store API key with 401', async () => {
    const res = await call(route.method, route.url).set('Authorization', `Bearer ${await t.apiKey([...SCOPES])}`);
    expect(res.status).toBe(401);
  });
});

describe.each(routes.filter((r) => r.auth.kind === 'apiKey'))('store route $name', (route) => {
  it('refuses a request without a key with 401', async () => {
    const res = await call(route.method, route.url);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses an unknown key with 401', async () => {
    const res = await call(route.method, route.url).set('X-Api-Key', 'psk_unknown_key');
    expect(res.status).toBe(401);
  });

  const scope = route.auth.kind === 'apiKey' ? route.auth.scope : undefined;
  if (scope) {
    it(`refuses a key without scope ${scope} with 403`, async () => {
      const key = await t.apiKey(SCOPES.filter((s) => s !== scope));
      const res = await call(route.method, route.url).set('X-Api-Key', key);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    });
  }

  it('refuses a studio token with 401', async () => {
    const res = await call(route.method, route.url).set('Authorization', `Bearer ${await t.login('admin')}`);
    expect(res.status).toBe(401);
  });
});
