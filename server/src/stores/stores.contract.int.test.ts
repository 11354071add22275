import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendServices } from '../../test/backend.js';
import { waitFor } from '../../test/services/wait-for.js';
import { createStores } from './create-stores.js';
import type { ScriptDefinition, Stores } from './stores.types.js';

const logger = pino({ level: 'silent' });

/** Takes `n` from a stock counter only if enough is left: the shape of every budget/stock script. */
const takeStock: ScriptDefinition = {
  name: 'contract:take-stock',
  lua: `local left = tonumber(redis.call('GET', KEYS[1]) or '0')
local n = tonumber(ARGV[1])
if left < n then return {0, left} end
redis.call('DECRBY', KEYS[1], n)
redis.call('SADD', KEYS[2], ARGV[2])
return {1, left - n}`,
  local(data, keys, args) {
    const left = Number(data.get(keys[0]!) ?? '0');
    const n = Number(args[0]);
    if (left < n) return [0, left];
    data.incrBy(keys[0]!, -n);
    data.sadd(keys[1]!, args[1]!);
    return [1, left - n];
  },
};

/**
 * One contract for both implementations: the embedded run checks the in-process stores, the
 * mariadb-redis run the Redis ones (against the harness's real redis-server).
 */
describe('stores contract', () => {
  let stores: Stores;
  let twin: Stores;
  const prefix = `c_${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    const { redisUrl } = backendServices();
    const config = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
    stores = await createStores(config, logger);
    // A second instance: its own connections on Redis; in-process, instances share one store.
    twin = redisUrl ? await createStores(config, logger) : stores;
  });
  afterAll(async () => {
    if (twin !== stores) await twin.close();
    await stores.close();
  });

  it('uses the backend of the run', () => {
    expect(stores.kind).toBe(backendServices().backend === 'embedded' ? 'memory' : 'redis');
    expect(stores.redis === null).toBe(stores.kind === 'memory');
  });

  describe('kv', () => {
    it('sets, gets and deletes values', async () => {
      await stores.kv.set('a', '1');
      expect(await stores.kv.get('a')).toBe('1');
      await stores.kv.del('a');
      expect(await stores.kv.get('a')).toBeNull();
    });

    it('expires a value after its TTL', async () => {
      await stores.kv.set('short', 'x', 30);
      expect(await stores.kv.get('short')).toBe('x');
      await waitFor('expiry', async () => (await stores.kv.get('short')) === null, 2000, 10);
    });

    it('sets only when absent', async () => {
      expect(await stores.kv.setIfAbsent('once', 'first')).toBe(true);
      expect(await stores.kv.setIfAbsent('once', 'second')).toBe(false);
      expect(await stores.kv.get('once')).toBe('first');
    });

    it('increments atomically under concurrency', async () => {
      await Promise.all(Array.from({ length: 100 }, () => stores.kv.incrBy('counter', 2)));
      expect(await stores.kv.incrBy('counter', -1)).toBe(199);
    });

    it('gives an incremented key its TTL once', async () => {
      await stores.kv.incrBy('window', 1, 40);
      await stores.kv.incrBy('window', 1, 60_000);
      await waitFor('window expiry', async () => (await stores.kv.get('window')) === null, 2000, 10);
    });

    it('keeps namespaces apart', async () => {
      const other = await createStores({ REDIS_URL: backendServices().redisUrl, REDIS_KEY_PREFIX: `${prefix}other:` }, logger);
      try {
        await stores.kv.set('shared-name', 'mine');
        expect(await other.kv.get('shared-name')).toBeNull();
      } finally {
        await other.close();
      }
    });
  });

  describe('locks', () => {
    it('gives a lock to one holder at a time, across instances', async () => {
      const results = await Promise.all([stores.locks.acquire('job', 5000), twin.locks.acquire('job', 5000), stores.locks.acquire('job', 5000)]);
      expect(results.filter((l) => l !== null)).toHaveLength(1);
      await results.find((l) => l !== null)!.release();
      expect(await twin.locks.acquire('job', 5000)).not.toBeNull();
    });

    it('never releases a lock someone else took after expiry', async () => {
      const first = await stores.locks.acquire('expiring', 30);
      expect(first).not.toBeNull();
      let second = await twin.locks.acquire('expiring', 5000);
      if (!second) {
        await waitFor('lock expiry', async () => (second = await twin.locks.acquire('expiring', 5000)) !== null, 2000, 10);
      }
      expect(await first!.release()).toBe(false);
      expect(await stores.locks.acquire('expiring', 5000)).toBeNull();
      expect(await second!.release()).toBe(true);
    });
  });

  describe('rate limiter', () => {
    it('allows the configured points per window, then refuses with a retry delay', async () => {
      const limiter = stores.rateLimiter.create({ name: 'contract', points: 3, durationSec: 60 });
      const decisions = [];
      for (let i = 0; i < 4; i += 1) decisions.push(await limiter.consume('client-1'));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
      expect(decisions[3]!.retryAfterMs).toBeGreaterThan(0);
      expect(decisions[3]!.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect((await limiter.consume('client-2')).allowed).toBe(true);
    });

    it('shares counts across instances', async () => {
      const a = stores.rateLimiter.create({ name: 'contract-shared', points: 2, durationSec: 60 });
      const b = twin.rateLimiter.create({ name: 'contract-shared', points: 2, durationSec: 60 });
      expect((await a.consume('k')).allowed).toBe(true);
      expect((await b.consume('k')).allowed).toBe(true);
      expect((await a.consume('k')).allowed).toBe(false);
    });

    it('consumes several points at once', async () => {
      const limiter = stores.rateLimiter.create({ name: 'contract-points', points: 10, durationSec: 60 });
      expect(await limiter.consume('k', 7)).toMatchObject({ allowed: true, remaining: 3 });
      expect((await limiter.consume('k', 4)).allowed).toBe(false);
    });
  });

  describe('pubsub', () => {
    it('delivers a message to subscribers of the channel on every instance', async () => {
      const got: string[] = [];
      const offA = await stores.pubsub.subscribe('news', (m) => got.push(`a:${m}`));
      const offB = await twin.pubsub.subscribe('news', (m) => got.push(`b:${m}`));
      const offOther = await twin.pubsub.subscribe('other', (m) => got.push(`other:${m}`));
      await stores.pubsub.publish('news', 'hello');
      await waitFor('delivery', () => Promise.resolve(got.length >= 2), 2000, 5);
      expect(got.sort()).toEqual(['a:hello', 'b:hello']);
      await Promise.all([offA(), offB(), offOther()]);
    });

    it('stops delivering after unsubscribe', async () => {
      const got: string[] = [];
      const off = await twin.pubsub.subscribe('quiet', (m) => got.push(m));
      const keep = await twin.pubsub.subscribe('quiet-marker', (m) => got.push(m));
      await off();
      await stores.pubsub.publish('quiet', 'not delivered');
      await stores.pubsub.publish('quiet-marker', 'marker');
      await waitFor('marker', () => Promise.resolve(got.includes('marker')), 2000, 5);
      expect(got).toEqual(['marker']);
      await keep();
    });

    it('never calls a subscriber inside publish', async () => {
      let delivered = false;
      const off = await stores.pubsub.subscribe('async', () => (delivered = true));
      const publishing = stores.pubsub.publish('async', 'x');
      expect(delivered).toBe(false);
      await publishing;
      await waitFor('delivery', () => Promise.resolve(delivered), 2000, 5);
      await off();
    });
  });

  describe('scripts', () => {
    beforeAll(() => {
      stores.scripts.register(takeStock);
      twin.scripts.register(takeStock);
    });

    it('runs a script atomically: 200 concurrent takes of a stock of 50 succeed exactly 50 times', async () => {
      await stores.kv.set('stock', '50');
      const runs = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? stores : twin).scripts.runScript(takeStock.name, ['stock', 'buyers'], [1, `u${i}`]));
      const replies = (await Promise.all(runs)) as [number, number][];
      expect(replies.filter(([ok]) => ok === 1)).toHaveLength(50);
      expect(await stores.kv.get('stock')).toBe('0');
      expect(replies.map(([, left]) => left)).toContain(0);
    });

    it('returns integers and arrays the same way on both backends', async () => {
      await stores.kv.set('stock2', '5');
      expect(await stores.scripts.runScript(takeStock.name, ['stock2', 'buyers2'], [2, 'x'])).toEqual([1, 3]);
      expect(await stores.scripts.runScript(takeStock.name, ['stock2', 'buyers2'], [9, 'y'])).toEqual([0, 3]);
    });

    it('refuses an unregistered script', async () => {
      await expect(stores.scripts.runScript('contract:missing', [], [])).rejects.toThrow(/not registered/);
    });

    it('recovers when the server forgot the script (NOSCRIPT)', async () => {
      if (stores.redis) await stores.redis.script('FLUSH');
      await stores.kv.set('stock3', '1');
      expect(await stores.scripts.runScript(takeStock.name, ['stock3', 'buyers3'], [1, 'z'])).toEqual([1, 0]);
    });
  });

  it('answers ping while the backend is up', async () => {
    await expect(stores.ping()).resolves.toBeUndefined();
  });
});
