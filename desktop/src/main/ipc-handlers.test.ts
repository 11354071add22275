import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../ipc/ipc-channels.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const shown: { title: string; body: string }[] = [];
  const windows: { options: unknown; loaded: string[]; loadedHtml: string[]; destroyed: boolean }[] = [];
  return {
    handlers,
    shown,
    ipcMain: {
      handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    windows,
    BrowserWindow: class {
      static fromWebContents(): null {
        return null;
      }
      readonly record: { options: unknown; loaded: string[]; loadedHtml: string[]; destroyed: boolean };
      readonly webContents = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) };
      constructor(options: unknown) {
        this.record = { options, loaded: [], loadedHtml: [], destroyed: false };
        windows.push(this.record);
      }
      async loadFile(path: string): Promise<void> {
        const { readFile: read } = await import('node:fs/promises');
        this.record.loaded.push(path);
        this.record.loadedHtml.push(await read(path, 'utf8'));
      }
      destroy(): void {
        this.record.destroyed = true;
      }
    },
    Notification: class {
      static isSupported(): boolean {
        return true;
      }
      constructor(private readonly options: { title: string; body: string }) {}
      show(): void {
        shown.push(this.options);
      }
    },
  };
});

vi.mock('./electron.js', () => ({
  ipcMain: electron.ipcMain,
  dialog: electron.dialog,
  BrowserWindow: electron.BrowserWindow,
  Notification: electron.Notification,
}));

const { registerIpcHandlers } = await import('./ipc-handlers.js');

const appUrl = 'file:///app/out/app/index.html';
const fromApp = { senderFrame: { url: 'file:///app/out/app/index.html#/campaigns' }, sender: {} };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender: {} };

function call(channel: string, event: unknown, ...args: unknown[]): unknown {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}

describe('IPC handlers', () => {
  let dir: string;
  const onLocaleChange = vi.fn();

  beforeEach(async () => {
    electron.handlers.clear();
    electron.shown.length = 0;
    electron.windows.length = 0;
    dir = await mkdtemp(join(tmpdir(), 'studio-ipc-'));
    registerIpcHandlers({ appUrl, defaultDirectory: dir, onLocaleChange });
  });

  it('writes the exported campaign where the user chose', async () => {
    const target = join(dir, 'spring.json');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await call(IPC.exportCampaign, fromApp, 'spring', '{"id":"c1"}');
    expect(result).toEqual({ saved: true, filePath: target });
    expect(await readFile(target, 'utf8')).toBe('{"id":"c1"}');
  });

  it('reports a cancelled save dialog without writing', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(IPC.exportCampaign, fromApp, 'spring', '{}')).toEqual({ saved: false });
  });

  it('refuses file names with path separators', async () => {
    await expect(call(IPC.exportCampaign, fromApp, '../../etc/passwd', '{}')).rejects.toThrow(/invalid IPC arguments/);
  });

  it('reads the imported file', async () => {
    const source = join(dir, 'in.json');
    await writeFile(source, '{"id":"c2"}');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    expect(await call(IPC.importCampaign, fromApp)).toEqual({ opened: true, fileName: 'in.json', text: '{"id":"c2"}' });
  });

  it('refuses calls from frames that are not the studio', async () => {
    await expect(call(IPC.importCampaign, fromElsewhere)).rejects.toThrow(/sender is not the studio/);
    expect(() => call(IPC.notify, fromElsewhere, 'a', 'b')).toThrow(/sender/);
  });

  it('shows a native notification with validated text', () => {
    call(IPC.notify, fromApp, 'Sync conflict', '1 campaign changed on the server');
    expect(electron.shown).toEqual([{ title: 'Sync conflict', body: '1 campaign changed on the server' }]);
    expect(() => call(IPC.notify, fromApp, 42, 'x')).toThrow(/invalid IPC arguments/);
  });

  it('passes a valid locale change to the menu', () => {
    call(IPC.setLocale, fromApp, 'en');
    expect(onLocaleChange).toHaveBeenCalledWith('en');
    expect(() => call(IPC.setLocale, fromApp, 'fr')).toThrow();
  });

  it('renders the report HTML to a PDF in a hidden, script-less window and saves it', async () => {
    const target = join(dir, 'report.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const html = '<!doctype html><h1>效果报告</h1><svg></svg>';
    expect(await call(IPC.exportPdf, fromApp, 'report-campaign-c1', html)).toEqual({ saved: true, filePath: target });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, nodeIntegration: false } });
    expect(window?.loadedHtml).toEqual([html]);
    expect(window?.destroyed).toBe(true);
    await expect(access(window?.loaded[0] ?? '')).rejects.toThrow();
  });

  it('does not render when the PDF save dialog is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(IPC.exportPdf, fromApp, 'report', '<p>x</p>')).toEqual({ saved: false });
    expect(electron.windows).toEqual([]);
  });

  it('refuses PDF exports with a bad file name, empty HTML or from another frame', async () => {
    await expect(call(IPC.exportPdf, fromApp, '../report', '<p>x</p>')).rejects.toThrow(/invalid IPC arguments/);
    await expect(call(IPC.exportPdf, fromApp, 'report', '')).rejects.toThrow(/invalid IPC arguments/);
    await expect(call(IPC.exportPdf, fromApp, 'report', 42)).rejects.toThrow(/invalid IPC arguments/);
    await expect(call(IPC.exportPdf, fromElsewhere, 'report', '<p>x</p>')).rejects.toThrow(/sender is not the studio/);
    expect(electron.windows).toEqual([]);
  });
});
