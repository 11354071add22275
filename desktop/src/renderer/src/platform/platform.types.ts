import type { MenuCommand, StudioBridge, StudioLocale } from '../../../ipc/ipc-channels.js';

declare global {
  interface Window {
    /** Present only in Electron (the preload's bridge). */
    studio?: StudioBridge;
  }
}

/** What the renderer needs from its host: Electron through the preload, or the browser. */
export interface Platform {
  kind: 'electron' | 'web';
  /** Saves a campaign file; false when the user cancelled. */
  exportCampaign(fileName: string, json: string): Promise<boolean>;
  /** Lets the user pick a campaign file; null when cancelled. */
  importCampaign(): Promise<{ fileName: string; text: string } | null>;
  /** An OS notification where possible, else an in-app toast. */
  notify(title: string, body: string): Promise<void>;
  setLocale(locale: StudioLocale): Promise<void>;
  /** A PDF of a self-contained HTML report: saved through a native dialog, or the browser's print dialog. */
  exportPdf(fileName: string, html: string): Promise<boolean>;
  onMenu(callback: (command: MenuCommand) => void): () => void;
}
