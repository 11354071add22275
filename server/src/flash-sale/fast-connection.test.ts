import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { installFastConnections, type ClientOf } from './fast-connection.js';
import { createFlashFastPath, installFastPath } from './fast-path.js';
import type { FlashReply } from './flash-outcome.js';
import { createReservationRoute } from './reservation-route.js';
import type { ReserveBody } from './reservation.schema.js';
import { createTokenBuckets } from './token-buckets.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

type Reserve = (campaignId: string, body: ReserveBody) => FlashReply | Promise<FlashReply>;
const echo: Reserve = (campaignId, body) => ({ status: 201, body: { campaignId, ...body } });

/** A service that holds each reply until released; `waiting(n)` resolves once n reservations are held. */
function heldReplies() {
  const held: (() => void)[] = [];
  const watchers: { count: number; resolve: () => void }[] = [];
  const reserve: Reserve = (campaignId, body) =>
    new Promise((resolve) => {
      held.push(() => resolve(echo(campaignId, body) as FlashReply));
      for (const watcher of watchers) if (held.length >= watcher.count) watcher.resolve();
    });
  return {
    reserve,
    waiting: (count: number) => new Promise<void>((resolve) => (held.length >= count ? resolve() : watchers.push({ count, resolve }))),
    release(order: 'arrival' | 'reverse' = 'arrival') {
      const now = held.splice(0);
      for (const answer of order === 'reverse' ? now.reverse() : now) answer();
    },
  };
}

/** An app-shaped server: the reservation route in front (by connection when `connections`), a plain listener behind. */
async function listen(options: { connections: boolean; reserve?: Reserve; keepAliveMs?: number; perIpPerSec?: number }): Promise<Server> {
  const reserve = options.reserve ?? echo;
  const route = createReservationRoute({
    service: { reserve: async (campaignId, body) => reserve(campaignId, body) },
    keys: { check: (key) => (key === 'good' ? 'ok' : key === 'nope' ? 'forbidden' : 'unauthorized') },
    logger: { error: () => undefined },
    limits: options.perIpPerSec ? { perIp: createTokenBuckets({ perSec: options.perIpPerSec }) } : {},
  });
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'text/plain');
    res.end(`other ${req.method} ${req.url}`);
  });
  if (options.keepAliveMs !== undefined) server.keepAliveTimeout = options.keepAliveMs;
  servers.push(server);
  const clientIp = (req: ClientOf) => String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress);
  installFastPath(server, createFlashFastPath(route, clientIp));
  if (options.connections) installFastConnections(server, route, clientIp);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Who wrote it: the reader writes lower-case field names, node:http capitalises those it adds (Connection). */
  by: 'reader' | 'node:http';
}

/** Splits a byte stream of responses (each with Content-Length, or none and no body). */
function parseResponses(bytes: Buffer): Response[] {
  const out: Response[] = [];
  let at = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd < 0) return out;
    const [statusLine, ...fields] = bytes.toString('latin1', at, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const field of fields) {
      const colon = field.indexOf(':');
      headers[field.slice(0, colon).toLowerCase()] = field.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (bytes.length < headEnd + 4 + length) return out;
    const by = fields.includes('Connection: keep-alive') || fields.includes('Connection: close') ? 'node:http' : 'reader';
    out.push({ status: Number(statusLine?.split(' ')[1]), headers, body: bytes.toString('utf8', headEnd + 4, headEnd + 4 + length), by });
    at = headEnd + 4 + length;
  }
}

interface Client {
  /** Writes `parts` one after another; resolves once `expected` responses in all arrived or the server closed. */
  send(parts: Buffer[], expected: number): Promise<void>;
  responses(): Response[];
  closed(): boolean;
}

function client(server: Server): Client {
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  let bytes = Buffer.alloc(0);
  let closed = false;
  let wake: () => void = () => undefined;
  socket.on('data', (chunk) => {
    bytes = Buffer.concat([bytes, chunk]);
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  socket.on('error', () => undefined);
  return {
    send(parts, expected) {
      for (const part of parts) socket.write(part);
      return new Promise((resolve) => {
        wake = () => {
          if (closed || parseResponses(bytes).length >= expected) resolve();
        };
        wake();
      });
    },
    responses: () => parseResponses(bytes),
    closed: () => closed,
  };
}

/** Writes `parts` on a new connection and waits for `expected` responses (or the close). */
async function exchange(server: Server, parts: Buffer[], expected: number): Promise<{ responses: Response[]; closed: boolean }> {
  const c = client(server);
  await c.send(parts, expected);
  return { responses: c.responses(), closed: c.closed() };
}

/** Sends each request after the answer to the one before (stopping at a close), each cut at `cuts`. */
async function oneByOne(server: Server, list: Buffer[], cuts: number[] = []): Promise<{ responses: Response[]; closed: boolean }> {
  const c = client(server);
  for (const [i, request] of list.entries()) {
    if (c.closed()) break;
    const cut = (cuts[i] ?? 0) % request.length;
    await c.send(cut === 0 ? [request] : [request.subarray(0, cut), request.subarray(cut)], i + 1);
  }
  return { responses: c.responses(), closed: c.closed() };
}

const BODY = (user: string) => JSON.stringify({ userId: user, sku: 's1', quantity: 1, idempotencyKey: `k-${user}` });

function reservation(options: { user?: string; key?: string; fields?: string[]; campaign?: string } = {}): Buffer {
  const body = BODY(options.user ?? 'u1');
  const fields = ['Host: shop', `Content-Length: ${Buffer.byteLength(body)}`, `X-Api-Key: ${options.key ?? 'good'}`, ...(options.fields ?? [])];
  return Buffer.from(`POST /api/v1/flash-sales/${options.campaign ?? 'c1'}/reservations HTTP/1.1\r\n${fields.join('\r\n')}\r\n\r\n${body}`);
}

const comparable = ({ headers: { date: _date, ...headers }, by: _by, ...rest }: Response) => ({ ...rest, headers });

/** Requests the reader answers itself. */
const answerable = fc.oneof(
  fc.record({ user: fc.stringMatching(/^[a-z0-9]{1,8}$/), key: fc.constantFrom('good', 'nope', 'bad') }).map((o) => reservation(o)),
  fc.constantFrom(reservation({ fields: ['authorization: Bearer good'], key: '' }), reservation({ fields: ['X-FORWARDED-FOR: 10.0.0.1', 'x-pad:   spaced value\t'] })),
);

/** Requests the reader answers and requests it hands over, all of them well-formed. */
const wellFormed = fc.oneof(
  answerable,
  fc.constantFrom(
    reservation({ campaign: 'bad{id}' }),
    Buffer.from('GET /healthz HTTP/1.1\r\nHost: shop\r\n\r\n'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nContent-Length: 5\r\n\r\nnot j'),
    Buffer.from(`POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nContent-Length: 5000\r\n\r\n${'x'.repeat(5000)}`),
  ),
);

/** Requests node:http refuses or closes after, and requests close to them it accepts. */
const edges = fc.constantFrom(
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nContent-Length: 2\t\r\n\r\n{}'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\ncontent-length:2 \r\n\r\n{}'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nContent-Length: 002\r\n\r\n{}'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost:\r\nX-Api-Key: good\r\nContent-Length: 2\r\n\r\n{}'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: g\xe9\r\nContent-Length: 2\r\n\r\n{}', 'latin1'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nX-Pad: a\x7fb\r\nContent-Length: 2\r\n\r\n{}', 'latin1'),
    reservation({ fields: ['Proxy-Connection: close'] }),
    reservation({ fields: ['Connection: close\xa0'] }),
    reservation({ fields: ['Connection:\tkeep-alive ,\tclose'] }),
    reservation({ fields: ['Keep-Alive: timeout=1'] }),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: good\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nHost: shop\r\nX-Api-Key: a\r\n b\r\nContent-Length: 2\r\n\r\n{}'),
    Buffer.from('POST /api/v1/flash-sales/c1/reservations HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}'),
    reservation({ fields: ['Connection: close'] }),
);

const requests = fc.oneof(wellFormed, edges);

describe('installFastConnections', () => {
  it('answers every request, however its bytes are split, exactly as node:http with the fast path does', async () => {
    const fast = await listen({ connections: true });
    const plain = await listen({ connections: false });
    await fc.assert(
      fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 4 }), fc.array(fc.nat()), async (list, cuts) => {
        const mine = await oneByOne(fast, list, cuts);
        const theirs = await oneByOne(plain, list);
        expect(mine.responses.map(comparable)).toEqual(theirs.responses.map(comparable));
        expect(mine.closed).toBe(theirs.closed);
      }),
      { numRuns: 150 },
    );
  });

  it('answers reservations pipelined in one write, and one more request of any kind, as node:http answers them one by one', async () => {
    const fast = await listen({ connections: true });
    const plain = await listen({ connections: false });
    await fc.assert(
      fc.asyncProperty(fc.array(answerable, { minLength: 1, maxLength: 6 }), fc.option(requests), async (head, last) => {
        const list = last ? [...head, last] : head;
        const mine = await exchange(fast, [Buffer.concat(list)], list.length);
        const theirs = await oneByOne(plain, list);
        expect(mine.responses.map(comparable)).toEqual(theirs.responses.map(comparable));
      }),
      { numRuns: 100 },
    );
  });

  it('answers pipelined reservations in request order when their replies come back in reverse', async () => {
    const service = heldReplies();
    const server = await listen({ connections: true, reserve: service.reserve });
    const answered = exchange(server, [Buffer.concat(['a', 'b', 'c'].map((user) => reservation({ user })))], 3);
    await service.waiting(3);
    service.release('reverse');
    const { responses } = await answered;
    expect(responses.map((r) => JSON.parse(r.body).userId)).toEqual(['a', 'b', 'c']);
    expect(responses.map((r) => r.by)).toEqual(['reader', 'reader', 'reader']);
  });

  it('hands a connection to node:http at its first other request, after its own replies, and serves it there for good', async () => {
    const server = await listen({ connections: true });
    const { responses } = await exchange(server, [Buffer.concat([reservation({ user: 'a' }), Buffer.from('GET /x HTTP/1.1\r\nHost: shop\r\n\r\n'), reservation({ user: 'b' })])], 3);
    expect(responses.map((r) => r.body)).toEqual([expect.stringContaining('"userId":"a"'), 'other GET /x', expect.stringContaining('"userId":"b"')]);
    expect(responses.map((r) => r.by)).toEqual(['reader', 'node:http', 'node:http']);
  });

  it('limits each client by the address its forwarding field names', async () => {
    const server = await listen({ connections: true, perIpPerSec: 1 });
    const from = (ip: string, user: string) => reservation({ user, fields: [`X-Forwarded-For: ${ip}`] });
    const { responses } = await exchange(server, [Buffer.concat([from('10.0.0.1', 'a'), from('10.0.0.1', 'b'), from('10.0.0.2', 'c')])], 3);
    expect(responses.map((r) => [r.status, r.by])).toEqual([
      [201, 'reader'],
      [429, 'reader'],
      [201, 'reader'],
    ]);
    expect(responses[1]?.headers['retry-after']).toBe('1');
  });

  it('answers a long pipelined burst in order while the client reads nothing until it ends', async () => {
    const server = await listen({ connections: true });
    const users = Array.from({ length: 600 }, (_, i) => `u${i}`);
    const { responses } = await exchange(server, [Buffer.concat(users.map((user) => reservation({ user })))], users.length);
    expect(responses.map((r) => JSON.parse(r.body).userId)).toEqual(users);
  });

  it('closes the connection after a reply to Connection: close', async () => {
    const server = await listen({ connections: true });
    const { responses, closed } = await exchange(server, [reservation({ fields: ['Connection: close'] })], 2);
    expect(closed).toBe(true);
    expect(responses).toHaveLength(1);
    expect(responses[0]?.headers.connection).toBe('close');
  });

  it('answers every pipelined reservation in flight when the server closes, closing the connection after the last', async () => {
    const service = heldReplies();
    const server = await listen({ connections: true, reserve: service.reserve });
    const c = client(server);
    const answered = c.send([Buffer.concat(['a', 'b', 'c'].map((user) => reservation({ user })))], 3);
    await service.waiting(3);
    servers.splice(servers.indexOf(server), 1);
    const closed = new Promise((resolve) => server.close(resolve));
    service.release();
    await answered;
    await closed;
    expect(c.responses().map((r) => [JSON.parse(r.body).userId, r.headers.connection])).toEqual([
      ['a', 'keep-alive'],
      ['b', 'keep-alive'],
      ['c', 'close'],
    ]);
  });

  it('hands over a request that waited behind a slow reply even when the client half-closed meanwhile', async () => {
    const service = heldReplies();
    const server = await listen({ connections: true, reserve: service.reserve });
    const clientErrors: Error[] = [];
    server.on('clientError', (err: Error) => clientErrors.push(err));
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    let bytes = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => (bytes = Buffer.concat([bytes, chunk])));
    const ended = new Promise((resolve) => socket.on('end', resolve));
    socket.end(Buffer.concat([reservation({ user: 'a' }), Buffer.from('GET /x HTTP/1.1\r\nHost: shop\r\n\r\n')]));
    const serverSide = await accepted;
    await service.waiting(1);
    // The reply is held until the server has read the FIN sent behind the requests.
    const readState = serverSide as unknown as { _readableState: { ended: boolean } };
    while (!readState._readableState.ended) await new Promise((resolve) => setImmediate(resolve));
    service.release();
    await ended;
    expect(parseResponses(bytes).map((r) => [r.status, r.by])).toEqual([
      [201, 'reader'],
      [200, 'node:http'],
    ]);
    expect(clientErrors).toEqual([]);
  });

  it('times idle connections out from their first reply on, as node:http times them between requests', async () => {
    const server = await listen({ connections: true, keepAliveMs: 4_000 });
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const c = client(server);
    const serverSide = await accepted;
    expect(serverSide.timeout).toBeUndefined();
    await c.send([reservation()], 1);
    expect(serverSide.timeout).toBe(4_000);
  });

  it('lets the server close at once with idle connections still open here', async () => {
    const server = await listen({ connections: true, keepAliveMs: 600_000 });
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const answered = new Promise((resolve) => socket.once('data', resolve));
    const closedByServer = new Promise((resolve) => socket.once('close', resolve));
    socket.write(reservation());
    await answered;
    servers.splice(servers.indexOf(server), 1);
    await new Promise((resolve) => server.close(resolve));
    await closedByServer;
    expect(socket.destroyed).toBe(true);
  });
});
