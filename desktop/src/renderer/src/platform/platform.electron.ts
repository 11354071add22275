import type { StudioBridge } from '../../../ipc/ipc-channels.js';
import type { Platform } from './platform.types.js';

/** Electron: everything goes through the preload bridge (native dialogs, OS notifications, menu). */
export function createElectronPlatform(bridge: StudioBridge): Platform {
  return {
    kind: 'electron',
    exportCampaign: async (fileName, json) => (await bridge.exportCampaign(fileName, json)).saved,
    importCampaign: async () => {
      const result = await bridge.importCampaign();
      return result.opened ? { fileName: result.fileName, text: result.text } : null;
    },
    notify: (title, body) => bridge.notify(title, body),
    setLocale: (locale) => bridge.setLocale(locale),
    exportPdf: async (fileName, html) => (await bridge.exportPdf(fileName, html)).saved,
    onMenu: (callback) => bridge.onMenu(callback),
  };
}
