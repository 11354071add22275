import { describe, expect, it } from 'vitest';
import { murmurHash3x86_32, utf8Bytes } from './hash.js';

// Published MurmurHash3_x86_32 test vectors (SMHasher reference implementation; the same list is
// quoted on Wikipedia and in the mmh3 / murmurhash-js ports), cross-checked with an independent
// Python port of the C reference. These must never change: A/B assignment depends on them.
const VECTORS: { input: string | number[]; seed: number; hash: number }[] = [
  { input: '', seed: 0, hash: 0x00000000 },
  { input: '', seed: 1, hash: 0x514e28b7 },
  { input: '', seed: 0xffffffff, hash: 0x81f16f39 },
  { input: [0, 0, 0, 0], seed: 0, hash: 0x2362f9de },
  { input: [0xff, 0xff, 0xff, 0xff], seed: 0, hash: 0x76293b50 },
  { input: [0x21, 0x43, 0x65, 0x87], seed: 0, hash: 0xf55b516b },
  { input: 'a', seed: 0x9747b28c, hash: 0x7fa09ea6 },
  { input: 'ab', seed: 0x9747b28c, hash: 0x74875592 },
  { input: 'abc', seed: 0x9747b28c, hash: 0xc84a62dd },
  { input: 'abcd', seed: 0x9747b28c, hash: 0xf0478627 },
  { input: 'aaaa', seed: 0x9747b28c, hash: 0x5a97808a },
  { input: 'abc', seed: 0, hash: 0xb3dd93fa },
  { input: 'Hello, world!', seed: 0x9747b28c, hash: 0x24884cba },
  { input: 'The quick brown fox jumps over the lazy dog', seed: 0x9747b28c, hash: 0x2fa826cd },
  { input: '促销-实验', seed: 0, hash: 0xf18ba295 },
  { input: '🎉user', seed: 42, hash: 0x47ad38d8 },
];

describe('murmurHash3x86_32', () => {
  it.each(VECTORS)('hashes $input with seed $seed to the reference value', ({ input, seed, hash }) => {
    const bytes = typeof input === 'string' ? input : Uint8Array.from(input);
    expect(murmurHash3x86_32(bytes, seed)).toBe(hash);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(murmurHash3x86_32('双十一', 7)).toBe(murmurHash3x86_32(utf8Bytes('双十一'), 7));
  });

  it('returns an unsigned 32-bit integer', () => {
    for (let i = 0; i < 1000; i++) {
      const h = murmurHash3x86_32(`user-${i}`, i);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    }
  });
});

describe('utf8Bytes', () => {
  it('encodes one- to four-byte code points like the UTF-8 standard', () => {
    expect([...utf8Bytes('aé中🎉')]).toEqual([0x61, 0xc3, 0xa9, 0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x8e, 0x89]);
  });

  it('encodes a lone surrogate as U+FFFD like TextEncoder', () => {
    expect([...utf8Bytes('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect([...utf8Bytes('\udc00')]).toEqual([0xef, 0xbf, 0xbd]);
  });
});
