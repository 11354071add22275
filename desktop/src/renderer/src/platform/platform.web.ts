import type { Platform } from './platform.types.js';
import { printHtml } from './print-html.js';

/**
 * The browser: export downloads a JSON file, import opens a file input, notifications use the
 * Notification API when granted and the in-app toast otherwise. There is no native menu.
 */
export function createWebPlatform(toast: (title: string, body: string) => void): Platform {
  return {
    kind: 'web',
    exportCampaign: async (fileName, json) => {
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName.endsWith('.json') ? fileName : `${fileName}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      return true;
    },
    importCampaign: () =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = 'application/json,.json';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) {
            resolve(null);
            return;
          }
          void file.text().then((text) => resolve({ fileName: file.name, text }));
        });
        input.addEventListener('cancel', () => resolve(null));
        input.click();
      }),
    notify: async (title, body) => {
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
        new Notification(title, { body });
        return;
      }
      toast(title, body);
    },
    setLocale: async () => undefined,
    exportPdf: async (_fileName, html) => {
      await printHtml(html);
      return true;
    },
    onMenu: () => () => undefined,
  };
}
