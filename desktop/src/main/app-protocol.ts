import { extname, join, normalize, sep } from 'node:path';

/**
 * The packaged renderer is served from `app://studio/` instead of `file://`: a real origin for
 * CSP and CORS (the server can allow-list `app://studio`), and no access to other local files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The file under `rootDir` an `app://studio/...` request maps to, or null for anything else
 * (another host, an escape with `..` or encoded separators). `/` serves index.html.
 */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
  const file = join(rootDir, relative);
  const root = rootDir.endsWith(sep) ? rootDir : `${rootDir}${sep}`;
  return file.startsWith(root) ? file : null;
}

export function mimeTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
