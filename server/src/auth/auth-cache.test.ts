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
});
