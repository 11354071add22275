import { isIP } from 'node:net';
import { z } from 'zod';

const PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `10.0.0.0/8`, `fd00::/8`, `127.0.0.1`, or one of Express's preset names. */
function isTrustedAddress(entry: string): boolean {
  if (PRESETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** What Express's `trust proxy` setting accepts, in the forms this server allows. */
export type TrustProxy = boolean | number | string[];

/**
 * `TRUST_PROXY`: which hops may set X-Forwarded-For, so `req.ip` (per-IP rate limits, login
 * limits, logs) is the client behind the load balancer rather than the balancer itself.
 * - `false` (default, also empty): the socket address is the client;
 * - `true`: trust every hop (only when nothing reaches the server except through the proxy);
 * - a whole number N: trust the N nearest hops;
 * - a comma list of addresses, CIDR ranges and the presets `loopback`, `linklocal`, `uniquelocal`.
 */
export const TrustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    if (raw === '' || raw === 'false') return false;
    if (raw === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = entries.filter((entry) => !isTrustedAddress(entry));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `expected true, false, a hop count or addresses/CIDRs/loopback|linklocal|uniquelocal; bad: ${bad.join(', ') || raw}` });
      return z.NEVER;
    }
    return entries;
  });
