/**
 * The IPC contract between the renderer (through the preload bridge) and the main process.
 * Constants and types only: the preload imports this file and must stay tiny.
 */
export const IPC = {
  exportCampaign: 'studio:export-campaign',
  importCampaign: 'studio:import-campaign',
  notify: 'studio:notify',
  menu: 'studio:menu',
  setLocale: 'studio:set-locale',
  exportPdf: 'studio:export-pdf',
} as const;

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-campaign',
  'import-campaign',
  'export-campaign',
  'sync-now',
  'open-simulator',
  'toggle-language',
  'undo',
  'redo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type StudioLocale = 'zh' | 'en';

export type ExportResult = { saved: true; filePath: string } | { saved: false };
export type PdfResult = { saved: true; filePath: string } | { saved: false };
export type ImportResult = { opened: true; fileName: string; text: string } | { opened: false };

/** What `window.studio` offers the renderer in Electron. The web build has no bridge. */
export interface StudioBridge {
  platform: string;
  exportCampaign(fileName: string, json: string): Promise<ExportResult>;
  importCampaign(): Promise<ImportResult>;
  notify(title: string, body: string): Promise<void>;
  setLocale(locale: StudioLocale): Promise<void>;
  /** Renders a self-contained HTML report to PDF in a hidden window and saves it where the user picks. */
  exportPdf(fileName: string, html: string): Promise<PdfResult>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenu(callback: (command: MenuCommand) => void): () => void;
}
