import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// `.openapi()` on zod schemas; idempotent, so every module importing this file is fine.
extendZodWithOpenApi(z);

export const BEARER_SCHEME = 'userToken';
export const API_KEY_SCHEME = 'apiKey';

/** The error body every failing route returns (documented once, referenced by every path). */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** A registry with the shared components (security schemes, error body) already in it. */
export function createOpenApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, { type: 'http', scheme: 'bearer', description: 'Studio session token from POST /api/v1/auth/login' });
  registry.registerComponent('securitySchemes', API_KEY_SCHEME, { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Store API key (also accepted as Authorization: Bearer)' });
  registry.register('ErrorBody', ErrorBodySchema);
  return registry;
}

/** The OpenAPI 3.1 document of everything registered. */
export function generateOpenApiDocument(registry: OpenAPIRegistry, version: string): object {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'PromoStudio API', version, description: 'Promotion campaigns: studio (user token) and store (API key) routes. Money is integer fen.' },
    servers: [{ url: '/' }],
  });
}
