import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const DEFAULT_STUDIO_DIR = fileURLToPath(new URL('../../../desktop/out/renderer', import.meta.url));

/**
 * Serves the studio's web build at /studio (client-side routes fall back to index.html) and sends
 * `/` there, when the build exists; otherwise nothing is mounted.
 */
export function studioRouter(studioDir: string | undefined): Router | undefined {
  const dir = resolve(studioDir ?? DEFAULT_STUDIO_DIR);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const router = Router();
  router.get('/', (_req, res) => res.redirect('/studio/'));
  router.use('/studio', express.static(dir, { index: 'index.html' }));
  router.get(/^\/studio(\/.*)?$/, (_req, res) => res.sendFile(index));
  return router;
}
