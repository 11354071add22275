import { describe, expect, it } from 'vitest';
import { InProcessData } from './memory-data.js';

function dataAt(start: number) {
  let now = start;
  return { data: new InProcessData(() => now), advance: (ms: number) => (now += ms) };
}

describe('in-process data', () => {
  it('treats an expired key as absent', () => {
    const { data, advance } = dataAt(1000);
    data.set('k', 'v', 100);
    expect(data.pttl('k')).toBe(100);
    advance(99);
    expect(data.get('k')).toBe('v');
    advance(1);
    expect(data.get('k')).toBeNull();
    expect(data.pttl('k')).toBe(-2);
  });

  it('keeps the expiry of a key across increments, like INCRBY', () => {
    const { data, advance } = dataAt(0);
    data.incrBy('n', 5);
    data.pexpire('n', 50);
    expect(data.incrBy('n', 2)).toBe(7);
    advance(50);
    expect(data.incrBy('n', 1)).toBe(1);
    expect(data.pttl('n')).toBe(-1);
  });

  it('refuses to increment a non-integer, like Redis', () => {
    const { data } = dataAt(0);
    data.set('s', 'abc');
    expect(() => data.incrBy('s', 1)).toThrow(/not an integer/);
  });

  it('refuses a command against a key of another type', () => {
    const { data } = dataAt(0);
    data.hset('h', 'f', '1');
    expect(() => data.get('h')).toThrow(/WRONGTYPE/);
    expect(() => data.sadd('h', 'm')).toThrow(/WRONGTYPE/);
  });

  it('removes a hash or set when its last member goes', () => {
    const { data } = dataAt(0);
    data.hincrBy('h', 'a', 3);
    expect(data.hgetall('h')).toEqual({ a: '3' });
    expect(data.hdel('h', 'a')).toBe(1);
    expect(data.exists('h')).toBe(false);
    expect(data.sadd('s', 'x')).toBe(1);
    expect(data.sadd('s', 'x')).toBe(0);
    expect(data.scard('s')).toBe(1);
    expect(data.srem('s', 'x')).toBe(1);
    expect(data.exists('s')).toBe(false);
  });

  it('drops expired keys on sweep', () => {
    const { data, advance } = dataAt(0);
    data.set('a', '1', 10);
    data.set('b', '1');
    advance(10);
    data.sweep();
    expect(data.exists('a')).toBe(false);
    expect(data.exists('b')).toBe(true);
  });
});
