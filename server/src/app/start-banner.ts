import { STUDIO_BUILD_COMMAND } from './studio-static.js';

/**
 * The line `main.ts` prints once listening. The studio address only appears when its build is
 * being served; otherwise the line says how to build it, so nobody opens a 404. With demo data
 * loaded it also names the demo theme's war room (the screen user signs in on the page).
 */
export function startBanner(url: string, studioDir: string | undefined, demoThemeId?: string): string {
  const studio = studioDir ? `studio ${url}/studio/` : `no studio build: run \`${STUDIO_BUILD_COMMAND}\` and restart to serve it at ${url}/studio/`;
  const warroom = demoThemeId ? `, war room ${url}/warroom/${encodeURIComponent(demoThemeId)} (sign in as screen)` : '';
  return `PromoStudio server on ${url}  (API ${url}/api/v1, docs ${url}/docs, ${studio}${warroom})`;
}
