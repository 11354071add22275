import type { Config } from '../config/config.schema.js';

/** The flash-sale settings of the app config (`FLASH_*`, parsed with everything else in config.schema.ts). */
export type FlashConfig = Pick<
  Config,
  'FLASH_FAST_PATH' | 'FLASH_FAST_CONNECTIONS' | 'FLASH_AUTO_PIPELINING' | 'FLASH_SWEEP_MS' | 'FLASH_PERSIST_MS' | 'FLASH_PERSIST_THREAD' | 'FLASH_RECONCILE_MS' | 'FLASH_RATE_LIMIT_KEY_PER_SEC' | 'FLASH_RATE_LIMIT_IP_PER_SEC'
>;
