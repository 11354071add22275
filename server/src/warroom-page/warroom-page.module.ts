import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Router } from 'express';
import { z } from 'zod';
import type { ModuleFactory } from '../app/module.types.js';
import { securityHeaders } from '../app/security-headers.js';
import { WARROOM_CSS, warroomHtml } from './warroom-html.js';

const PageParams = z.object({ themeId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/) });
const PageQuery = z.object({ token: z.string().max(512).default(''), lang: z.enum(['zh', 'en']).default('zh') });

/** Bundles the kiosk script once per process (a few ms: only our own code, libraries are global builds). */
let script: Promise<string> | null = null;
function kioskScript(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(new URL('./client/warroom.client.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    // Types only: the page loads socket.io-client and ECharts as globals.
    external: ['socket.io-client'],
  }).then((out) => out.outputFiles[0]!.text);
  return script;
}

let echartsFile: Promise<Buffer> | null = null;
function echartsBuild(): Promise<Buffer> {
  echartsFile ??= readFile(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'));
  return echartsFile;
}

function pageRouter(): Router {
  const router = Router();
  // The page's own policy, replacing the app's default one: the kiosk talks socket.io and draws charts.
  router.use(
    '/warroom',
    // A provisioned kiosk's token rides in the URL (`?token=`): never leak it to other origins.
    securityHeaders({ 'script-src': ["'self'"], 'connect-src': ["'self'", 'ws:', 'wss:'], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] }, { referrerPolicy: 'no-referrer' }),
  );
  router.get('/warroom/assets/warroom.js', async (_req, res) => {
    res.type('text/javascript').setHeader('Cache-Control', 'no-cache');
    res.send(await kioskScript());
  });
  router.get('/warroom/assets/echarts.min.js', async (_req, res) => {
    res.type('text/javascript').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(await echartsBuild());
  });
  router.get('/warroom/assets/warroom.css', (_req, res) => {
    res.type('text/css').send(WARROOM_CSS);
  });
  router.get('/warroom/:themeId', (req, res) => {
    const params = PageParams.safeParse(req.params);
    const query = PageQuery.safeParse(req.query);
    if (!params.success || !query.success) {
      res.status(400).json({ error: { code: 'bad_request', message: 'themeId, token or lang is invalid' } });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(warroomHtml({ themeId: params.data.themeId, token: query.data.token, lang: query.data.lang }));
  });
  // Not the studio's page fallback: an unknown kiosk path is a plain 404.
  router.use('/warroom', (_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'no such war-room page' } });
  });
  return router;
}

/**
 * The kiosk page `/warroom/{themeId}?token=&lang=`, outside `/api/v1` (a page router of the app).
 * The page's socket checks the token; the page itself holds no data. Without a token (or with a
 * refused one) the page shows a sign-in card that logs in over `/api/v1/auth/login`.
 */
export const warroomPageModule: ModuleFactory = () => ({ name: 'warroom-page', pageRouter: pageRouter() });
