import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * Helmet's headers with the app's Content-Security-Policy: helmet's defaults plus `directives`, but
 * without `upgrade-insecure-requests`. The server speaks plain HTTP (TLS, when there is any, ends at
 * a proxy), so a screen or studio opened at `http://<lan address>:8080` would have every script and
 * style upgraded to an https:// that nobody serves.
 */
export function securityHeaders(directives: Directives = {}, options: { referrerPolicy?: 'no-referrer' } = {}) {
  return helmet({
    contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
    ...(options.referrerPolicy ? { referrerPolicy: { policy: options.referrerPolicy } } : {}),
  });
}
