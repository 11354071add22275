import { z } from 'zod';

/** Environment, parsed once at boot in `main.ts`. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** mysql://user:pass@host:port/db — absent: SQLite file under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** redis://host:port — absent: in-process stores. */
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Publishing needs the approver role when true. */
  REQUIRE_APPROVAL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((s) => s === 'true'),
  TOKEN_TTL_MINUTES: z.coerce.number().int().positive().default(12 * 60),
  /** Connections per instance to MariaDB (SQLite always uses one). */
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** Namespace for every Redis key and channel (several deployments or test runs on one Redis). */
  REDIS_KEY_PREFIX: z.string().default(''),
  /** Largest JSON body accepted (modules may allow more on their own paths). */
  JSON_BODY_LIMIT: z.string().default('1mb'),
  /** Studio web build served at /studio when the folder exists (default: desktop/out/renderer). */
  STUDIO_DIR: z.string().optional(),
  /** Requests per second per store API key on store-facing routes; 0 disables. */
  RATE_LIMIT_KEY_PER_SEC: z.coerce.number().int().min(0).default(2000),
  /** Requests per second per client IP on store-facing routes; 0 disables. */
  RATE_LIMIT_IP_PER_SEC: z.coerce.number().int().min(0).default(4000),
  /** Failed-or-not login attempts per minute per IP and username. */
  RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(0).default(20),
  /** How long an authenticated token or API key is trusted from the in-memory cache. */
  AUTH_CACHE_MS: z.coerce.number().int().min(0).default(5000),
  /** Load demo data on first start (the embedded default turns it on). */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((s) => s === 'true'),
});
export type Config = z.infer<typeof ConfigSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  return ConfigSchema.parse(env);
}
