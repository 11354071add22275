export type RouteDecision = { kind: 'allow' } | { kind: 'redirect'; to: string };

const KNOWN = ['/campaigns', '/themes', '/catalog', '/simulator', '/reports', '/live', '/sync'];

/**
 * Where a path may go: signed-out planners to the login screen (remembering where they were
 * going), signed-in ones away from it; `/` and unknown paths to the campaign list.
 */
export function decideRoute(signedIn: boolean, pathname: string): RouteDecision {
  if (!signedIn) {
    if (pathname === '/login') return { kind: 'allow' };
    const next = pathname === '/' || pathname === '' ? '' : `?next=${encodeURIComponent(pathname)}`;
    return { kind: 'redirect', to: `/login${next}` };
  }
  if (pathname === '/login' || pathname === '/' || pathname === '') return { kind: 'redirect', to: '/campaigns' };
  if (!KNOWN.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return { kind: 'redirect', to: '/campaigns' };
  return { kind: 'allow' };
}

/** The post-login destination: only internal paths are honoured (no open redirects). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/campaigns';
  return KNOWN.some((prefix) => next === prefix || next.startsWith(`${prefix}/`)) ? next : '/campaigns';
}
