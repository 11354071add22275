import { z } from 'zod';

const Bool = z.enum(['true', 'false']).transform((s) => s === 'true');

/**
 * Flash-sale settings, parsed once from the environment when the module is created (they are not
 * in the core ConfigSchema, which another module owns; see docs/adr/flash-sale-hot-path.md).
 */
export const FlashConfigSchema = z.object({
  /** Serve POST /flash-sales/:id/reservations from the node:http fast path in front of Express. */
  FLASH_FAST_PATH: Bool.default(true),
  /** ioredis auto-pipelining on the flash connection (measured slower on loopback; see the ADR). */
  FLASH_AUTO_PIPELINING: Bool.default(false),
  FLASH_SWEEP_MS: z.coerce.number().int().min(0).default(1000),
  FLASH_PERSIST_MS: z.coerce.number().int().min(0).default(200),
  FLASH_RECONCILE_MS: z.coerce.number().int().min(0).default(10_000),
});
export type FlashConfig = z.infer<typeof FlashConfigSchema>;

export function parseFlashConfig(env: Record<string, string | undefined>): FlashConfig {
  return FlashConfigSchema.parse(env);
}
