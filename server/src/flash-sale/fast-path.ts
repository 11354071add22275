import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ApiKeyCheck, KeyCheck } from './api-key-check.js';
import { refusal, type FlashReply } from './flash-outcome.js';
import { parseReserveBody } from './reserve-body.js';
import type { FlashSaleService } from './flash-sale.service.js';
import type { TokenBuckets } from './token-buckets.js';

const PATH = /^\/api\/v1\/flash-sales\/([\w.:@-]{1,64})\/reservations\/?(?:\?.*)?$/;
const MAX_BODY = 4096;
const UNAUTHORIZED = refusal(401, 'unauthorized', 'API key required');
const FORBIDDEN = refusal(403, 'forbidden', 'API key lacks scope flash', { scope: 'flash' });
const TOO_LARGE = refusal(413, 'payload_too_large', 'body too large');
const BAD_JSON = refusal(400, 'bad_request', 'malformed JSON body');
const INTERNAL = refusal(500, 'internal', 'internal error');

function rateLimited(waitMs: number): FlashReply {
  return { ...refusal(429, 'rate_limited', 'too many requests', { retryAfterMs: waitMs }), retryAfterSec: Math.ceil(waitMs / 1000) };
}

/** Per-instance limits of the fast path (absent = off); see docs/adr/flash-sale-hot-path.md. */
export interface FastPathLimits {
  perIp?: TokenBuckets;
  perKey?: TokenBuckets;
  /** The client address under TRUST_PROXY (`ModuleContext.clientIp`). */
  clientIp(req: IncomingMessage): string;
}

export type FastPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Written once per response as a flat array: no per-header validation calls or header object. */
const BASE_HEADERS = ['content-type', 'application/json; charset=utf-8', 'cache-control', 'no-store', 'x-content-type-options', 'nosniff'];

function send(res: ServerResponse, reply: FlashReply): void {
  const body = JSON.stringify(reply.body);
  const headers = [...BASE_HEADERS, 'content-length', String(Buffer.byteLength(body))];
  if (reply.retryAfterSec !== undefined) headers.push('retry-after', String(reply.retryAfterSec));
  res.writeHead(reply.status, headers);
  res.end(body);
}

function apiKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/**
 * The reservation route on plain node:http, in front of Express: path match, per-IP token bucket,
 * cached API-key check, per-key token bucket, a small body reader and validator, the service, one
 * write. No middleware stack, no per-request logging (errors are logged). Answers as the Express
 * route does (same service, same reply objects, 429 `rate_limited` with Retry-After). Returns false
 * for any other request.
 */
export function createFlashFastPath(deps: { service: FlashSaleService; keys: ApiKeyCheck; logger: Logger; limits: FastPathLimits }): FastPathHandler {
  const { service, keys, logger, limits } = deps;
  const { perIp, perKey } = limits;

  async function handle(req: IncomingMessage, res: ServerResponse, campaignId: string, key: string | undefined, body: string): Promise<void> {
    if (!key) return send(res, UNAUTHORIZED);
    const checked = keys.check(key, 'flash');
    const verdict: KeyCheck = typeof checked === 'string' ? checked : await checked;
    if (verdict !== 'ok') return send(res, verdict === 'unauthorized' ? UNAUTHORIZED : FORBIDDEN);
    // Only known keys get a bucket, so made-up keys cannot fill the map.
    const keyWait = perKey ? perKey.take(key) : 0;
    if (keyWait > 0) return send(res, rateLimited(keyWait));
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, BAD_JSON);
    }
    const parsed = parseReserveBody(json);
    if (!parsed.ok) return send(res, refusal(400, 'bad_request', `body: ${parsed.field}: ${parsed.message}`, { issues: [{ field: parsed.field, message: parsed.message }] }));
    send(res, await service.reserve(campaignId, parsed.body));
  }

  return (req, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/api/v1/flash-sales/')) return false;
    const match = PATH.exec(req.url);
    const campaignId = match?.[1];
    if (!campaignId) return false;
    // Per IP before the key check (as the Express middleware), so guessing keys costs the guesser
    // its rate. Answering before the body is read is fine: node:http discards the rest.
    const ipWait = perIp ? perIp.take(limits.clientIp(req)) : 0;
    if (ipWait > 0) {
      send(res, rateLimited(ipWait));
      return true;
    }
    const key = apiKeyOf(req);
    // Buffers, not setEncoding: a body is almost always one chunk, decoded once at the end.
    let first: Buffer | null = null;
    let rest: Buffer[] | null = null;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) return;
      if (!first) first = chunk;
      else (rest ??= [first]).push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return send(res, TOO_LARGE);
      const body = rest ? Buffer.concat(rest).toString() : (first?.toString() ?? '');
      handle(req, res, campaignId, key, body).catch((err: unknown) => {
        logger.error({ err }, 'flash fast path failed');
        if (!res.headersSent) send(res, INTERNAL);
      });
    });
    return true;
  };
}

/**
 * Puts `handler` in front of every other request listener of `server`, so a reservation costs one
 * path check before anything else runs. Others wrap the server's listeners too (socket.io's engine
 * when the live module starts), so the handler is placed when the server starts listening, after all
 * of them, and placed again if a later listen finds it moved.
 */
export function installFastPath(server: Server, handler: FastPathHandler): void {
  let rest: RequestListener[] = [];
  const dispatch: RequestListener = (req, res) => {
    if (handler(req, res)) return;
    for (const listener of rest) listener.call(server, req, res);
  };
  server.on('listening', () => {
    const listeners = server.listeners('request') as RequestListener[];
    if (listeners[0] === dispatch && listeners.length === 1) return;
    rest = listeners.filter((l) => l !== dispatch);
    server.removeAllListeners('request');
    server.on('request', dispatch);
  });
}
