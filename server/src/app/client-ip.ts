import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';

/** Express's compiled `trust proxy` setting: may the hop at `addr`, `hop` steps from us, set X-Forwarded-For? */
type TrustFn = (addr: string, hop: number) => boolean;

function isTrustFn(value: unknown): value is TrustFn {
  return typeof value === 'function';
}

/**
 * The client address of a raw node:http request under the app's `trust proxy` (TRUST_PROXY), the
 * same walk Express's `req.ip` does (proxy-addr): from the socket outwards through X-Forwarded-For
 * while each hop is trusted. For routes served before Express (the flash fast path), so their
 * per-IP limits see the same client the Express routes see.
 */
export function clientIpResolver(app: Express): (req: IncomingMessage) => string {
  const setting: unknown = app.get('trust proxy fn');
  const trust: TrustFn = isTrustFn(setting) ? setting : () => false;
  return (req) => {
    const socketAddr = req.socket.remoteAddress ?? 'unknown';
    const header = req.headers['x-forwarded-for'];
    if (!header || !trust(socketAddr, 0)) return socketAddr;
    const hops = (Array.isArray(header) ? header.join(',') : header).split(',');
    for (let i = hops.length - 1, hop = 1; i >= 0; i -= 1, hop += 1) {
      const addr = (hops[i] ?? '').trim();
      if (i === 0 || !trust(addr, hop)) return addr;
    }
    return socketAddr;
  };
}
