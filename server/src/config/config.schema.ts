import { z } from 'zod';
import { TrustProxySchema } from './trust-proxy.schema.js';

const Bool = z.enum(['true', 'false']).transform((s) => s === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** mysql://user:pass@host:port/db — absent: SQLite file under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** redis://host:port — absent: in-process stores. */
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The packaged desktop studio loads from `app://studio`; its API calls are cross-origin. */
  CORS_ORIGINS: z
    .string()
    .default('app://studio')
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
  /**
   * Express `trust proxy`: which hops may set X-Forwarded-For, so per-IP rate limits see the client
   * behind a load balancer. `false` (default), `true`, a hop count, or addresses/CIDRs/presets.
   */
  TRUST_PROXY: TrustProxySchema,
  /** Requests per second per store API key on store-facing routes; 0 disables. */
  RATE_LIMIT_KEY_PER_SEC: z.coerce.number().int().min(0).default(2000),
  /** Requests per second per client IP on store-facing routes; 0 disables. */
  RATE_LIMIT_IP_PER_SEC: z.coerce.number().int().min(0).default(4000),
  /** Failed-or-not login attempts per minute per IP and username. */
  RATE_LIMIT_LOGIN_PER_MIN: z.coerce.number().int().min(0).default(20),
  /** How long an authenticated token or API key is trusted from the in-memory cache. */
  AUTH_CACHE_MS: z.coerce.number().int().min(0).default(5000),
  /**
   * Load the demo data (and its DEMO-ONLY users and key) when the database is new. Default: on,
   * except with NODE_ENV=production, where well-known demo passwords must never appear by accident.
   */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .optional()
    .transform((s) => (s === undefined ? undefined : s === 'true')),
  /** Serve POST /flash-sales/:id/reservations from the node:http fast path in front of Express. */
  FLASH_FAST_PATH: Bool.default(true),
  /** With the fast path: read reservation requests straight off the connections (off: node:http parses them). */
  FLASH_FAST_CONNECTIONS: Bool.default(true),
  /** ioredis auto-pipelining on the flash connection (measured slower on loopback; see docs/adr/flash-sale-hot-path.md). */
  FLASH_AUTO_PIPELINING: Bool.default(false),
  /** Expired-reservation sweep period (0 = off). */
  FLASH_SWEEP_MS: z.coerce.number().int().min(0).default(1000),
  /** Reservation log → SQL persister period (0 = off). */
  FLASH_PERSIST_MS: z.coerce.number().int().min(0).default(200),
  /** Run that persister on its own worker thread (Redis backends; the in-process store's log is in-process). */
  FLASH_PERSIST_THREAD: Bool.default(true),
  /** Redis ↔ SQL reconciliation period (0 = off). */
  FLASH_RECONCILE_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Reservations per second per API key on the flash fast path, PER INSTANCE (in-memory token bucket,
   * burst of one second); 0 disables. High because one store backend's key carries a whole sale.
   */
  FLASH_RATE_LIMIT_KEY_PER_SEC: z.coerce.number().int().min(0).default(20_000),
  /** Reservations per second per client IP on the flash fast path, per instance as above; 0 disables. */
  FLASH_RATE_LIMIT_IP_PER_SEC: z.coerce.number().int().min(0).default(20_000),
  /** Where sold quantities are published (the product inventory system); without URL and secret they wait in the outbox. */
  INVENTORY_WEBHOOK_URL: z.string().url().optional(),
  /** HMAC key of the inventory webhook's signature. */
  INVENTORY_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Member points earned per full ¥1 an order pays. */
  POINTS_EARN_PER_YUAN: z.coerce.number().int().min(0).default(1),
});

/** Environment, parsed once at boot in `main.ts`. */
export const ConfigSchema = EnvSchema.transform((env) => ({ ...env, DEMO_DATA: env.DEMO_DATA ?? env.NODE_ENV !== 'production' }));
export type Config = z.infer<typeof ConfigSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  return ConfigSchema.parse(env);
}

/** One line per bad variable, for the operator reading the start-up output. */
export function describeConfigError(error: z.ZodError): string {
  return ['invalid environment:', ...error.issues.map((issue) => `  ${issue.path.map(String).join('.') || '(env)'}: ${issue.message}`)].join('\n');
}
