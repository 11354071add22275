import { createElectronPlatform } from './platform.electron.js';
import type { Platform } from './platform.types.js';
import { createWebPlatform } from './platform.web.js';

/** Picks the adapter for the host: the preload bridge means Electron. */
export function createPlatform(host: Window, toast: (title: string, body: string) => void): Platform {
  return host.studio ? createElectronPlatform(host.studio) : createWebPlatform(toast);
}
