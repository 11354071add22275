// The one import point of Electron in the main process: every other main-process module imports
// from here, so tests substitute this file with vi.mock and run in plain Node.
export { app, BrowserWindow, Menu, Notification, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
export type {
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Rectangle,
  WebContents,
} from 'electron';
