import type { Logger } from 'pino';
import type { ApiKeyCheck, KeyCheck } from './api-key-check.js';
import { refusal, type FlashReply } from './flash-outcome.js';
import type { FlashSaleService } from './flash-sale.service.js';
import { parseReserveBody } from './reserve-body.js';
import type { TokenBuckets } from './token-buckets.js';

const PATH = /^\/api\/v1\/flash-sales\/([\w.:@-]{1,64})\/reservations\/?(?:\?.*)?$/;
const PREFIX = '/api/v1/flash-sales/';
/** Bodies above this are refused with 413; a reservation body is ~100 bytes. */
export const MAX_RESERVE_BODY = 4096;

const UNAUTHORIZED = refusal(401, 'unauthorized', 'API key required');
const FORBIDDEN = refusal(403, 'forbidden', 'API key lacks scope flash', { scope: 'flash' });
const BAD_JSON = refusal(400, 'bad_request', 'malformed JSON body');
const INTERNAL = refusal(500, 'internal', 'internal error');
export const TOO_LARGE = refusal(413, 'payload_too_large', 'body too large');

function rateLimited(waitMs: number): FlashReply {
  return { ...refusal(429, 'rate_limited', 'too many requests', { retryAfterMs: waitMs }), retryAfterSec: Math.ceil(waitMs / 1000) };
}

/** Per-instance limits of the fast path (absent = off); see docs/adr/flash-sale-hot-path.md. */
export interface FastPathLimits {
  perIp?: TokenBuckets;
  perKey?: TokenBuckets;
}

/** A reservation request as either transport hands it over. */
export interface RouteRequest {
  campaignId: string;
  /** From X-Api-Key, else `Authorization: Bearer`. */
  apiKey: string | undefined;
  body: string;
}

/**
 * The reservation route without its transport: path match, per-IP token bucket, cached API-key
 * check, per-key token bucket, body validation and the service. Both fast transports (a request on
 * node:http, a request read straight off the connection) answer through it, the same way the
 * Express route does (same service, same reply objects, 429 `rate_limited` with Retry-After).
 */
export interface ReservationRoute {
  /** The campaign id when `method` and `url` are the reservation route, else undefined. */
  match(method: string | undefined, url: string | undefined): string | undefined;
  /** The 429 for a client over its per-IP rate, else undefined. Asked before the body is read. */
  limitClient(clientIp: () => string): FlashReply | undefined;
  /** The reply; never rejects (a failure is logged and answered 500). */
  answer(request: RouteRequest): FlashReply | Promise<FlashReply>;
}

export function apiKeyFrom(xApiKey: string | undefined, authorization: string | undefined): string | undefined {
  if (xApiKey !== undefined && xApiKey !== '') return xApiKey;
  return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
}

export function createReservationRoute(deps: { service: Pick<FlashSaleService, 'reserve'>; keys: Pick<ApiKeyCheck, 'check'>; logger: Pick<Logger, 'error'>; limits: FastPathLimits }): ReservationRoute {
  const { service, keys, logger, limits } = deps;

  function validated(campaignId: string, apiKey: string, body: string): FlashReply | Promise<FlashReply> {
    // Only known keys get a bucket, so made-up keys cannot fill the map.
    const keyWait = limits.perKey ? limits.perKey.take(apiKey) : 0;
    if (keyWait > 0) return rateLimited(keyWait);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return BAD_JSON;
    }
    const parsed = parseReserveBody(json);
    if (!parsed.ok) return refusal(400, 'bad_request', `body: ${parsed.field}: ${parsed.message}`, { issues: [{ field: parsed.field, message: parsed.message }] });
    return service.reserve(campaignId, parsed.body);
  }

  function verdictReply(verdict: KeyCheck, campaignId: string, apiKey: string, body: string): FlashReply | Promise<FlashReply> {
    if (verdict !== 'ok') return verdict === 'unauthorized' ? UNAUTHORIZED : FORBIDDEN;
    return validated(campaignId, apiKey, body);
  }

  function failed(err: unknown): FlashReply {
    logger.error({ err }, 'flash fast path failed');
    return INTERNAL;
  }

  return {
    match(method, url) {
      if (method !== 'POST' || !url?.startsWith(PREFIX)) return undefined;
      return PATH.exec(url)?.[1];
    },
    limitClient(clientIp) {
      // Per IP before the key check (as the Express middleware), so guessing keys costs the guesser its rate.
      const wait = limits.perIp ? limits.perIp.take(clientIp()) : 0;
      return wait > 0 ? rateLimited(wait) : undefined;
    },
    answer({ campaignId, apiKey, body }) {
      try {
        if (!apiKey) return UNAUTHORIZED;
        const checked = keys.check(apiKey, 'flash');
        const reply = typeof checked === 'string' ? verdictReply(checked, campaignId, apiKey, body) : checked.then((verdict) => verdictReply(verdict, campaignId, apiKey, body));
        return reply instanceof Promise ? reply.catch(failed) : reply;
      } catch (err) {
        return failed(err);
      }
    },
  };
}
