import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

/** Login attempts for one username from the client `forwardedFor` claims to be. */
async function attempts(t: TestApp, forwardedFor: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await t.request.post('/api/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ username: 'target', password: `guess${i}` });
    statuses.push(res.status);
  }
  return statuses;
}

// The login limiter is keyed by req.ip and counts per minute, so the windows cannot roll over
// during a test; the per-IP store limiter uses the same req.ip.
describe('TRUST_PROXY', () => {
  it('limits each client behind a trusted proxy separately, by X-Forwarded-For', async () => {
    const t = await createTestApp({ config: { TRUST_PROXY: ['loopback'], RATE_LIMIT_LOGIN_PER_MIN: 2 } });
    apps.push(t);
    expect(await attempts(t, '203.0.113.1', 3)).toEqual([401, 401, 429]);
    expect(await attempts(t, '203.0.113.2', 2)).toEqual([401, 401]);
  });

  it('ignores X-Forwarded-For by default, so a client cannot dodge its limit by forging it', async () => {
    const t = await createTestApp({ config: { RATE_LIMIT_LOGIN_PER_MIN: 2 } });
    apps.push(t);
    expect(t.deps.config.TRUST_PROXY).toBe(false);
    expect(await attempts(t, '203.0.113.1', 2)).toEqual([401, 401]);
    expect(await attempts(t, '203.0.113.2', 1)).toEqual([429]);
  });

  it('takes the client from the trusted hop count, not the left-most (forgeable) entry', async () => {
    const t = await createTestApp({ config: { TRUST_PROXY: 1, RATE_LIMIT_LOGIN_PER_MIN: 2 } });
    apps.push(t);
    // One trusted hop (the loopback socket) appends the address it saw: the client is the last entry.
    expect(await attempts(t, '198.51.100.9, 203.0.113.1', 2)).toEqual([401, 401]);
    expect(await attempts(t, '198.51.100.10, 203.0.113.1', 1)).toEqual([429]);
    expect(await attempts(t, '198.51.100.9, 203.0.113.2', 1)).toEqual([401]);
  });
});
