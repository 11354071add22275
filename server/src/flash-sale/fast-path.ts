import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { FlashReply } from './flash-outcome.js';
import { JSON_REPLY_FIELDS } from './http-reply.js';
import { apiKeyFrom, MAX_RESERVE_BODY, TOO_LARGE, type ReservationRoute } from './reservation-route.js';

export type FastPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, reply: FlashReply): void {
  const body = JSON.stringify(reply.body);
  // A flat array: no per-header validation calls or header object.
  const headers: string[] = [...JSON_REPLY_FIELDS, 'content-length', String(Buffer.byteLength(body))];
  if (reply.retryAfterSec !== undefined) headers.push('retry-after', String(reply.retryAfterSec));
  res.writeHead(reply.status, headers);
  res.end(body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The reservation route on plain node:http, in front of Express, for the requests the connection
 * reader (fast-connection.ts) hands over to node:http: a small body reader, the route, one write.
 * No middleware stack, no per-request logging (errors are logged). Returns false for any other request.
 */
export function createFlashFastPath(route: ReservationRoute, clientIp: (req: IncomingMessage) => string): FastPathHandler {
  return (req, res) => {
    const campaignId = route.match(req.method, req.url);
    if (campaignId === undefined) return false;
    // Answering before the body is read is fine: node:http discards the rest.
    const limited = route.limitClient(() => clientIp(req));
    if (limited) {
      send(res, limited);
      return true;
    }
    const apiKey = apiKeyFrom(header(req, 'x-api-key'), req.headers.authorization);
    // Buffers, not setEncoding: a body is almost always one chunk, decoded once at the end.
    let first: Buffer | null = null;
    let rest: Buffer[] | null = null;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESERVE_BODY) return;
      if (!first) first = chunk;
      else (rest ??= [first]).push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_RESERVE_BODY) return send(res, TOO_LARGE);
      const body = rest ? Buffer.concat(rest).toString() : (first?.toString() ?? '');
      const reply = route.answer({ campaignId, apiKey, body });
      if (reply instanceof Promise) void reply.then((answered) => send(res, answered));
      else send(res, reply);
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
