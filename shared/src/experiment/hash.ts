/**
 * UTF-8 bytes of a string (lone surrogates become U+FFFD, as `TextEncoder` does).
 * Written here because `shared/` targets plain ES2023 without DOM types, and the assignment hash
 * must see the same bytes in Node, Electron and the browser.
 */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = 0xfffd;
    }
    if (code < 0x80) {
      out.push(code);
    } else if (code < 0x800) {
      out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return Uint8Array.from(out);
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/**
 * MurmurHash3 x86_32 (Austin Appleby's reference `MurmurHash3_x86_32`) of `input`, as an unsigned
 * 32-bit integer. Strings are hashed as their UTF-8 bytes. 32-bit arithmetic via `Math.imul` and
 * `>>> 0`, so the result is identical on every JavaScript engine and matches the C reference and
 * other ports (e.g. Python `mmh3.hash(..., signed=False)`).
 *
 * A/B assignment depends on this function never changing: its test vectors are fixed in
 * `hash.test.ts`.
 */
export function murmurHash3x86_32(input: string | Uint8Array, seed = 0): number {
  const bytes = typeof input === 'string' ? utf8Bytes(input) : input;
  const length = bytes.length;
  const blockEnd = length - (length % 4);
  let h = seed >>> 0;

  for (let i = 0; i < blockEnd; i += 4) {
    let k = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    k = Math.imul(k, C1);
    k = rotl32(k, 15);
    k = Math.imul(k, C2);
    h ^= k;
    h = rotl32(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }

  const tailLength = length & 3;
  if (tailLength > 0) {
    // The tail bytes accumulate little-endian, exactly as the C reference's fall-through switch.
    let tail = 0;
    if (tailLength === 3) tail ^= bytes[blockEnd + 2]! << 16;
    if (tailLength >= 2) tail ^= bytes[blockEnd + 1]! << 8;
    tail ^= bytes[blockEnd]!;
    tail = Math.imul(tail, C1);
    tail = rotl32(tail, 15);
    tail = Math.imul(tail, C2);
    h ^= tail;
  }

  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
