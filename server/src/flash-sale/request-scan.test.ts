import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRequest, type ScanLimits } from './request-scan.js';

const limits: ScanLimits = {
  maxHead: 8192,
  maxBody: 4096,
  target: (method, url) => (method === 'POST' && url.startsWith('/r/') ? url.slice(3) : undefined),
};

const BODY = '{"userId":"u1","sku":"s1","quantity":1,"idempotencyKey":"k1"}';

function request(fields: string[], body = BODY, line = 'POST /r/c1 HTTP/1.1'): Buffer {
  return Buffer.from(`${line}\r\n${fields.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

const plain = (extra: string[] = [], body = BODY) => request(['Host: x', `Content-Length: ${Buffer.byteLength(body)}`, ...extra], body);

describe('scanRequest', () => {
  it('reads the plain form: target, credentials, forwarding, body bounds', () => {
    const buf = plain(['X-Api-Key: pk_1', 'authorization: Bearer t', 'X-Forwarded-For: 10.0.0.1, 10.0.0.2', 'Connection: keep-alive']);
    const scan = scanRequest(buf, 0, limits);
    expect(scan).toMatchObject({ kind: 'request', target: 'c1', xApiKey: 'pk_1', authorization: 'Bearer t', forwardedFor: '10.0.0.1, 10.0.0.2', close: false, end: buf.length });
    if (scan.kind === 'request') expect(buf.toString('utf8', scan.bodyStart, scan.end)).toBe(BODY);
  });

  it('finds each of several pipelined requests and the close token', () => {
    const one = plain();
    const two = plain(['Connection: Keep-Alive, Close']);
    const buf = Buffer.concat([one, two]);
    const first = scanRequest(buf, 0, limits);
    expect(first).toMatchObject({ kind: 'request', end: one.length, close: false });
    expect(scanRequest(buf, one.length, limits)).toMatchObject({ kind: 'request', end: buf.length, close: true });
  });

  it('says incomplete for every proper prefix of a request, and never reads past its end', () => {
    const buf = plain(['x-api-key: k']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: buf.length - 1 }), fc.uint8Array({ maxLength: 40 }), (cut, tail) => {
        expect(scanRequest(buf.subarray(0, cut), 0, limits).kind).toBe('incomplete');
        expect(scanRequest(Buffer.concat([buf, tail]), 0, limits)).toMatchObject({ kind: 'request', end: buf.length });
      }),
    );
  });

  it.each([
    ['another route', request(['Host: x', 'Content-Length: 2'], '{}', 'POST /other HTTP/1.1')],
    ['another method', request(['Host: x', 'Content-Length: 2'], '{}', 'PUT /r/c1 HTTP/1.1')],
    ['HTTP/1.0', request(['Host: x', 'Content-Length: 2'], '{}', 'POST /r/c1 HTTP/1.0')],
    ['absolute-form target', request(['Host: x', 'Content-Length: 2'], '{}', 'POST http://x/r/c1 HTTP/1.1')],
    ['a lower-case method', request(['Host: x', 'Content-Length: 2'], '{}', 'post /r/c1 HTTP/1.1')],
    ['no Host', request(['Content-Length: 2'], '{}')],
    ['two Hosts', request(['Host: x', 'Host: y', 'Content-Length: 2'], '{}')],
    ['two Content-Lengths', request(['Host: x', 'Content-Length: 2', 'Content-Length: 2'], '{}')],
    ['a signed Content-Length', request(['Host: x', 'Content-Length: +2'], '{}')],
    ['Transfer-Encoding', request(['Host: x', 'Transfer-Encoding: chunked'], '2\r\n{}\r\n0\r\n\r\n')],
    ['Transfer-Encoding beside Content-Length', request(['Host: x', 'Content-Length: 2', 'Transfer-Encoding: chunked'], '{}')],
    ['Expect', request(['Host: x', 'Content-Length: 2', 'Expect: 100-continue'], '{}')],
    ['Upgrade', request(['Host: x', 'Content-Length: 2', 'Connection: Upgrade', 'Upgrade: websocket'], '{}')],
    ['an obs-fold', request(['Host: x', 'Content-Length: 2', 'X-Api-Key: a', ' b'], '{}')],
    ['a space before the colon', request(['Host: x', 'Content-Length : 2'], '{}')],
    ['a control character in a value', request(['Host: x', 'Content-Length: 2', 'X-Api-Key: a\u0001b'], '{}')],
    ['a bare LF', Buffer.from('POST /r/c1 HTTP/1.1\nHost: x\r\nContent-Length: 2\r\n\r\n{}')],
    ['two API keys', request(['Host: x', 'Content-Length: 2', 'X-Api-Key: a', 'x-api-key: b'], '{}')],
    ['two X-Forwarded-For', request(['Host: x', 'Content-Length: 2', 'X-Forwarded-For: 1.1.1.1', 'X-Forwarded-For: 2.2.2.2'], '{}')],
    ['a body over the limit', request(['Host: x', 'Content-Length: 5000'], 'x'.repeat(5000))],
    ['a leading empty line', Buffer.concat([Buffer.from('\r\n'), plain()])],
  ])('leaves %s to node:http', (_what, buf) => {
    expect(scanRequest(buf, 0, limits)).toEqual({ kind: 'other' });
  });

  it('leaves a head longer than the limit to node:http, even before it ends', () => {
    const long = Buffer.from(`POST /r/c1 HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(9000)}`);
    expect(scanRequest(long, 0, limits)).toEqual({ kind: 'other' });
  });
});
