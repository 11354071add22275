import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router } from 'express';
import { generateOpenApiDocument } from './openapi-registry.js';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};
`;

/**
 * `/api/v1/openapi.json`, generated from the registry on first request (every module has
 * registered by then) and cached; `/docs` serves Swagger UI on it.
 */
export function docsRouter(registry: OpenAPIRegistry, version: string): Router {
  const router = Router();
  let document: object | undefined;
  router.get('/api/v1/openapi.json', (_req, res) => {
    document ??= generateOpenApiDocument(registry, version);
    res.json(document);
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(INITIALIZER);
  });
  router.use('/docs', express.static(swaggerDir, { index: 'index.html' }));
  return router;
}
