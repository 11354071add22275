import { describe, expect, it } from 'vitest';
import { AuthCache } from './auth-cache.js';

describe('auth cache', () => {
  it('forgets an entry after its time to live', () => {
    let now = 0;
    const cache = new AuthCache<string>(1000, () => now);
    cache.set('k', 'v');
    now = 999;
    expect(cache.get('k')).toBe('v');
    now = 1000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('caches nothing when the time to live is 0', () => {
    const cache = new AuthCache<string>(0, () => 0);
    cache.set('k', 'v');
    expect(cache.get('k')).toBeUndefined();
  });

  it('evicts the oldest entry past its size bound and entries matching a predicate', () => {
    const cache = new AuthCache<{ id: string }>(1000, () => 0, 2);
    cache.set('a', { id: '1' });
    cache.set('b', { id: '2' });
    cache.set('c', { id: '2' });
    expect(cache.get('a')).toBeUndefined();
    cache.deleteWhere((v) => v.id === '2');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
  });

  describe('load', () => {
    function deferred<T>() {
      let resolve!: (value: T) => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    }

    it('runs one lookup for every caller that misses an expired key together, then serves the cache', async () => {
      let now = 0;
      const cache = new AuthCache<string>(1000, () => now);
      cache.set('k', 'old');
      now = 1000;
      const lookup = deferred<string | null>();
      let calls = 0;
      const loader = () => {
        calls += 1;
        return lookup.promise;
      };
      const waiting = Array.from({ length: 50 }, () => cache.load('k', loader));
      lookup.resolve('new');
      expect(await Promise.all(waiting)).toEqual(Array.from({ length: 50 }, () => 'new'));
      expect(calls).toBe(1);
      expect(await cache.load('k', loader)).toBe('new');
      expect(calls).toBe(1);
    });

    it('does not cache a miss or a failed lookup, so the next call asks again', async () => {
      const cache = new AuthCache<string>(1000, () => 0);
      let calls = 0;
      expect(
        await cache.load('k', () => {
          calls += 1;
          return Promise.resolve(null);
        }),
      ).toBeNull();
      await expect(
        cache.load('k', () => {
          calls += 1;
          return Promise.reject(new Error('db down'));
        }),
      ).rejects.toThrow('db down');
      expect(
        await cache.load('k', () => {
          calls += 1;
          return Promise.resolve('v');
        }),
      ).toBe('v');
      expect(calls).toBe(3);
    });

    it('does not cache a value read while an eviction happened, and starts a new lookup after it', async () => {
      const cache = new AuthCache<{ id: string }>(1000, () => 0);
      const first = deferred<{ id: string } | null>();
      const running = cache.load('k', () => first.promise);
      cache.deleteWhere((v) => v.id === 'revoked');
      let second = 0;
      const after = cache.load('k', () => {
        second += 1;
        return Promise.resolve(null);
      });
      first.resolve({ id: 'revoked' });
      expect(await running).toEqual({ id: 'revoked' });
      expect(await after).toBeNull();
      expect(second).toBe(1);
      expect(cache.get('k')).toBeUndefined();
    });
  });
});
