/**
 * What the studio window may load. The renderer is either the packaged files served at
 * `app://studio/` (or, legacy, `file://.../out/app/`) or the dev server (http://localhost:5173/);
 * anything else is remote content and is refused.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function directoryOf(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

/** True when `targetUrl` belongs to the app served at `appUrl` (same origin, or same folder for file://). */
export function isAppUrl(targetUrl: string, appUrl: string): boolean {
  const target = parse(targetUrl);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'app:') {
    // Custom schemes have no WHATWG origin: compare scheme and host.
    return target.protocol === 'app:' && target.host === app.host;
  }
  if (app.protocol === 'file:') {
    if (target.protocol !== 'file:' || target.host !== app.host) return false;
    // Resolved paths only: `..` segments are already normalised away by URL parsing.
    return target.pathname.startsWith(directoryOf(app.pathname));
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return target.origin === app.origin;
}

/** In-window navigation is allowed only inside the app. */
export function isNavigationAllowed(targetUrl: string, appUrl: string): boolean {
  return isAppUrl(targetUrl, appUrl);
}

export type WindowOpenDecision = { action: 'deny'; openExternal: string | null };

/**
 * New windows are never created. An https link (e.g. documentation) is handed to the system
 * browser; every other scheme (file:, javascript:, custom protocols) is dropped.
 */
export function decideWindowOpen(targetUrl: string): WindowOpenDecision {
  const target = parse(targetUrl);
  if (target && target.protocol === 'https:') return { action: 'deny', openExternal: target.href };
  return { action: 'deny', openExternal: null };
}

const GRANTED_PERMISSIONS = new Set(['notifications', 'clipboard-sanitized-write']);

/** Web permissions (camera, geolocation...) are refused except the few the studio uses. */
export function isPermissionGranted(permission: string, requestingUrl: string, appUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appUrl);
}
