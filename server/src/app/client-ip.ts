import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';
import proxyaddr from 'proxy-addr';

/** Express's compiled `trust proxy` setting: may the hop at `addr`, `hop` steps from us, set X-Forwarded-For? */
type TrustFn = (addr: string, hop: number) => boolean;

function isTrustFn(value: unknown): value is TrustFn {
  return typeof value === 'function';
}

/**
 * The client address of a raw node:http request under the app's `trust proxy` (TRUST_PROXY): the
 * walk Express's `req.ip` does, by the same library (proxy-addr) with the app's compiled setting.
 * For routes served before Express (the flash fast path), so their per-IP limits see the same client
 * the Express routes see.
 */
export function clientIpResolver(app: Express): (req: Pick<IncomingMessage, 'headers' | 'socket'>) => string {
  const setting: unknown = app.get('trust proxy fn');
  const trust: TrustFn = isTrustFn(setting) ? setting : () => false;
  // proxy-addr answers undefined for a socket without an address (already closed).
  return (req) => (req.headers['x-forwarded-for'] === undefined ? req.socket.remoteAddress : (proxyaddr(req as IncomingMessage, trust) as string | undefined)) ?? 'unknown';
}
