import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from './electron.js';

/**
 * Renders a self-contained HTML document (the server's effect report, inline SVG charts) to an
 * A4 PDF. The HTML goes to a private temp file loaded in a hidden, sandboxed window with
 * JavaScript off (a data: URL would hit Chromium's 2 MB URL limit); the window and the file
 * are gone afterwards, whatever happens.
 */
export async function printHtmlToPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'promo-report-'));
  const file = join(dir, 'report.html');
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } });
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
