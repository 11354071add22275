import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { ensureUser } from './users.repo.js';

describe('studio login and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { TOKEN_TTL_MINUTES: 60 } });
    await ensureUser(t.deps.db, { username: 'lin', password: 'correct horse', role: 'planner', displayName: '林' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right password and returns a token, its expiry and the user', async () => {
    const res = await t.request.post('/api/v1/auth/login').send({ username: 'lin', password: 'correct horse' });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.expiresAt).toBe(t.clock.now() + 60 * 60_000);
    expect(res.body.user).toEqual({ id: expect.any(String), username: 'lin', role: 'planner', displayName: '林', locale: 'zh-CN' });
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    const wrong = await t.request.post('/api/v1/auth/login').send({ username: 'lin', password: 'nope' });
    const unknown = await t.request.post('/api/v1/auth/login').send({ username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('stores only the hash of a session token', async () => {
    const res = await t.request.post('/api/v1/auth/login').send({ username: 'lin', password: 'correct horse' });
    const rows: { token_hash: string }[] = await t.deps.db('sessions').select('token_hash');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(res.body.token);
  });

  it('rejects a login body without a password naming the field', async () => {
    const res = await t.request.post('/api/v1/auth/login').send({ username: 'lin' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('password');
  });

  it('returns the user for a valid token at /auth/me', async () => {
    const token = await t.login('analyst');
    const res = await t.request.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('analyst');
  });

  it('refuses a token once the clock passes its expiry', async () => {
    const login = await t.request.post('/api/v1/auth/login').send({ username: 'lin', password: 'correct horse' });
    const token = login.body.token as string;
    const before = await t.request.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(before.status).toBe(200);
    t.clock.advance(60 * 60_000 + 1);
    const after = await t.request.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
  });

  it('refuses a token after logout', async () => {
    const login = await t.request.post('/api/v1/auth/login').send({ username: 'lin', password: 'correct horse' });
    const token = login.body.token as string;
    const out = await t.request.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`);
    expect(out.status).toBe(204);
    const me = await t.request.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(401);
  });
});

describe('store API keys', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a key shown once, stored only as a hash, listed without the secret', async () => {
    const created = await t.request.post('/api/v1/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'POS Shanghai', scopes: ['quote', 'orders'] });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(new RegExp(`^psk_${created.body.prefix}_`));
    const stored: { key_hash: string }[] = await t.deps.db('api_keys').select('key_hash');
    expect(JSON.stringify(stored)).not.toContain(key);
    const list = await t.request.get('/api/v1/api-keys').set('Authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(key);
    expect(list.body.apiKeys).toContainEqual(expect.objectContaining({ id: created.body.id, name: 'POS Shanghai', scopes: ['quote', 'orders'], revokedAt: null }));
  });

  it('refuses key creation with an unknown scope naming the field', async () => {
    const res = await t.request.post('/api/v1/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'x', scopes: ['everything'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('scopes.0');
  });

  it('refuses a revoked key on this instance at once and on another instance within a second', async () => {
    const other = await createTestApp({ shareWith: t });
    try {
      const created = await t.request.post('/api/v1/api-keys').set('Authorization', `Bearer ${admin}`).send({ name: 'kiosk', scopes: ['quote'] });
      const key = created.body.key as string;
      // Warm both instances' caches.
      expect((await t.request.get('/api/v1/auth/api-key').set('X-Api-Key', key)).status).toBe(200);
      expect((await other.request.get('/api/v1/auth/api-key').set('X-Api-Key', key)).status).toBe(200);
      const revoke = await t.request.delete(`/api/v1/api-keys/${created.body.id}`).set('Authorization', `Bearer ${admin}`);
      expect(revoke.status).toBe(204);
      expect((await t.request.get('/api/v1/auth/api-key').set('X-Api-Key', key)).status).toBe(401);
      const deadline = Date.now() + 1000;
      let status = 200;
      while (status !== 401 && Date.now() < deadline) status = (await other.request.get('/api/v1/auth/api-key').set('X-Api-Key', key)).status;
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers 404 when revoking a key that does not exist', async () => {
    const res = await t.request.delete('/api/v1/api-keys/nope').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(404);
  });

  it('accepts the key as a bearer token too', async () => {
    const key = await t.apiKey(['quote']);
    const res = await t.request.get('/api/v1/auth/api-key').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    expect(res.body.apiKey.scopes).toEqual(['quote']);
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { RATE_LIMIT_KEY_PER_SEC: 0, RATE_LIMIT_IP_PER_SEC: 0, RATE_LIMIT_LOGIN_PER_MIN: 3 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After in the error shape past the per-key rate', async () => {
    const limited = await createTestApp({ shareWith: t, config: { RATE_LIMIT_KEY_PER_SEC: 5 } });
    try {
      const key = await limited.apiKey(['quote']);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) statuses.push((await limited.request.get('/api/v1/auth/api-key').set('X-Api-Key', key)).status);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
      const res = await limited.request.get('/api/v1/auth/api-key').set('X-Api-Key', key);
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });

  it('answers 429 to an IP guessing keys past the per-IP rate', async () => {
    const limited = await createTestApp({ shareWith: t, config: { RATE_LIMIT_IP_PER_SEC: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await limited.request.get('/api/v1/auth/api-key').set('X-Api-Key', `psk_guess_${i}`)).status);
      expect(statuses).toContain(401);
      expect(statuses).toContain(429);
    } finally {
      await limited.close();
    }
  });

  it('limits login attempts per IP and username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await t.request.post('/api/v1/auth/login').send({ username: 'target', password: `guess${i}` })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
