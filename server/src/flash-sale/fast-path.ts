import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ApiKeyCheck, KeyCheck } from './api-key-check.js';
import { refusal, type FlashReply } from './flash-outcome.js';
import { parseReserveBody } from './reserve-body.js';
import type { FlashSaleService } from './flash-sale.service.js';

const PATH = /^\/api\/v1\/flash-sales\/([\w.:@-]{1,64})\/reservations\/?(?:\?.*)?$/;
const MAX_BODY = 4096;
const UNAUTHORIZED = refusal(401, 'unauthorized', 'API key required');
const FORBIDDEN = refusal(403, 'forbidden', 'API key lacks scope flash', { scope: 'flash' });
const TOO_LARGE = refusal(413, 'payload_too_large', 'body too large');
const BAD_JSON = refusal(400, 'bad_request', 'malformed JSON body');
const INTERNAL = refusal(500, 'internal', 'internal error');

export type FastPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, reply: FlashReply): void {
  const body = JSON.stringify(reply.body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (reply.retryAfterSec !== undefined) headers['retry-after'] = reply.retryAfterSec;
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
 * The reservation route on plain node:http, in front of Express: path match, cached API-key check,
 * a small body reader and validator, the service, one write. No middleware stack, no per-request
 * logging (errors are logged). Answers exactly as the Express route does (same service, same
 * reply objects). Returns false for any other request.
 */
export function createFlashFastPath(deps: { service: FlashSaleService; keys: ApiKeyCheck; logger: Logger }): FastPathHandler {
  const { service, keys, logger } = deps;

  async function handle(req: IncomingMessage, res: ServerResponse, campaignId: string, key: string | undefined, body: string): Promise<void> {
    if (!key) return send(res, UNAUTHORIZED);
    const checked = keys.check(key, 'flash');
    const verdict: KeyCheck = typeof checked === 'string' ? checked : await checked;
    if (verdict !== 'ok') return send(res, verdict === 'unauthorized' ? UNAUTHORIZED : FORBIDDEN);
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
    const key = apiKeyOf(req);
    let body = '';
    let tooLarge = false;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (tooLarge) return;
      body += chunk;
      if (body.length > MAX_BODY) tooLarge = true;
    });
    req.on('end', () => {
      if (tooLarge) return send(res, TOO_LARGE);
      handle(req, res, campaignId, key, body).catch((err: unknown) => {
        logger.error({ err }, 'flash fast path failed');
        if (!res.headersSent) send(res, INTERNAL);
      });
    });
    return true;
  };
}

/**
 * Puts `handler` in front of the server's existing request listeners (Express): requests it
 * takes never reach them.
 */
export function installFastPath(server: Server, handler: FastPathHandler): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (handler(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}
