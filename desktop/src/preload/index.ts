import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS, type MenuCommand, type StudioBridge } from '../ipc/ipc-channels.js';

// The whole surface the renderer gets: six functions and a platform string. No ipcRenderer,
// no Node; arguments are validated again in the main process.
const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

const bridge: StudioBridge = {
  platform: process.platform,
  exportCampaign: (fileName, json) => ipcRenderer.invoke(IPC.exportCampaign, fileName, json),
  importCampaign: () => ipcRenderer.invoke(IPC.importCampaign),
  notify: (title, body) => ipcRenderer.invoke(IPC.notify, title, body),
  setLocale: (locale) => ipcRenderer.invoke(IPC.setLocale, locale),
  exportPdf: (fileName, html) => ipcRenderer.invoke(IPC.exportPdf, fileName, html),
  onMenu: (callback) => {
    const listener = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(IPC.menu, listener);
    return () => {
      ipcRenderer.removeListener(IPC.menu, listener);
    };
  },
};

contextBridge.exposeInMainWorld('studio', bridge);
