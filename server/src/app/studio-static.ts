import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const DEFAULT_STUDIO_DIR = fileURLToPath(new URL('../../../desktop/out/renderer', import.meta.url));

/** How to produce the studio's web build (printed when it is missing). */
export const STUDIO_BUILD_COMMAND = 'pnpm --filter @promo/desktop build:web';

/**
 * The studio's web build folder (STUDIO_DIR, default desktop/out/renderer) when it holds an
 * index.html, else undefined. Checked once at app creation: a build made later is served after a restart.
 */
export function findStudioBuild(studioDir: string | undefined): string | undefined {
  const dir = resolve(studioDir ?? DEFAULT_STUDIO_DIR);
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * Serves the studio's web build at /studio (client-side routes fall back to index.html) and sends
 * `/` there.
 */
export function studioRouter(dir: string): Router {
  const index = join(dir, 'index.html');
  const router = Router();
  router.get('/', (_req, res) => res.redirect('/studio/'));
  router.use('/studio', express.static(dir, { index: 'index.html' }));
  router.get(/^\/studio(\/.*)?$/, (_req, res) => res.sendFile(index));
  return router;
}
