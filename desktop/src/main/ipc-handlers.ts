import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { IPC, type ExportResult, type ImportResult, type PdfResult, type StudioLocale } from '../ipc/ipc-channels.js';
import {
  ExportCampaignArgsSchema,
  ExportPdfArgsSchema,
  MAX_CAMPAIGN_FILE_BYTES,
  NotifyArgsSchema,
  SetLocaleArgsSchema,
} from '../ipc/ipc.schema.js';
import { BrowserWindow, Notification, dialog, ipcMain, type IpcMainInvokeEvent } from './electron.js';
import { isAppUrl } from './navigation-policy.js';
import { printHtmlToPdf } from './report-pdf.js';

export interface IpcDeps {
  /** The URL the app was loaded from: only frames of the app may call the handlers. */
  appUrl: string;
  defaultDirectory: string;
  onLocaleChange: (locale: StudioLocale) => void;
}

function parseArgs<T extends z.ZodType>(schema: T, args: unknown[]): z.infer<T> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new Error(`invalid IPC arguments: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

function assertTrustedSender(event: IpcMainInvokeEvent, appUrl: string): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url, appUrl)) throw new Error('IPC refused: sender is not the studio');
}

/** Registers every `studio:*` handler; each validates its sender and arguments first. */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  ipcMain.handle(IPC.exportCampaign, async (event, ...args: unknown[]): Promise<ExportResult> => {
    assertTrustedSender(event, deps.appUrl);
    const [fileName, json] = parseArgs(ExportCampaignArgsSchema, args);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      defaultPath: join(deps.defaultDirectory, fileName.endsWith('.json') ? fileName : `${fileName}.json`),
      filters: [{ name: 'PromoStudio campaign', extensions: ['json'] }],
    };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFile(result.filePath, json, 'utf8');
    return { saved: true, filePath: result.filePath };
  });

  ipcMain.handle(IPC.importCampaign, async (event): Promise<ImportResult> => {
    assertTrustedSender(event, deps.appUrl);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      properties: ['openFile' as const],
      filters: [{ name: 'PromoStudio campaign', extensions: ['json'] }],
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const filePath = result.filePaths[0];
    if (result.canceled || !filePath) return { opened: false };
    const info = await stat(filePath);
    if (info.size > MAX_CAMPAIGN_FILE_BYTES) throw new Error('campaign file too large');
    return { opened: true, fileName: basename(filePath), text: await readFile(filePath, 'utf8') };
  });

  ipcMain.handle(IPC.exportPdf, async (event, ...args: unknown[]): Promise<PdfResult> => {
    assertTrustedSender(event, deps.appUrl);
    const [fileName, html] = parseArgs(ExportPdfArgsSchema, args);
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      defaultPath: join(deps.defaultDirectory, fileName.endsWith('.pdf') ? fileName : `${fileName}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    // Ask first: a cancelled dialog costs no rendering.
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFile(result.filePath, await printHtmlToPdf(html));
    return { saved: true, filePath: result.filePath };
  });

  ipcMain.handle(IPC.notify, (event, ...args: unknown[]) => {
    assertTrustedSender(event, deps.appUrl);
    const [title, body] = parseArgs(NotifyArgsSchema, args);
    if (Notification.isSupported()) new Notification({ title, body }).show();
  });

  ipcMain.handle(IPC.setLocale, (event, ...args: unknown[]) => {
    assertTrustedSender(event, deps.appUrl);
    const [locale] = parseArgs(SetLocaleArgsSchema, args);
    deps.onLocaleChange(locale);
  });

  return () => {
    for (const channel of [IPC.exportCampaign, IPC.importCampaign, IPC.exportPdf, IPC.notify, IPC.setLocale]) ipcMain.removeHandler(channel);
  };
}
