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
