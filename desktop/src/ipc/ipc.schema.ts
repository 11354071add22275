import { z } from 'zod';
import { MENU_COMMANDS } from './ipc-channels.js';

/** Campaign files are small JSON documents; anything bigger is refused before touching the disk. */
export const MAX_CAMPAIGN_FILE_BYTES = 5 * 1024 * 1024;

export const ExportCampaignArgsSchema = z.tuple([
  z
    .string()
    .min(1)
    .max(120)
    .regex(/^[^/\\:*?"<>|]+$/, 'file name without path separators'),
  z.string().max(MAX_CAMPAIGN_FILE_BYTES),
]);

/** Effect reports are server-rendered HTML with inline SVG charts: a few hundred KB at most. */
export const MAX_REPORT_HTML_BYTES = 8 * 1024 * 1024;

const SafeFileName = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^/\\:*?"<>|]+$/, 'file name without path separators');

export const ExportPdfArgsSchema = z.tuple([SafeFileName, z.string().min(1).max(MAX_REPORT_HTML_BYTES)]);

export const NotifyArgsSchema = z.tuple([z.string().min(1).max(200), z.string().max(1000)]);

export const SetLocaleArgsSchema = z.tuple([z.enum(['zh', 'en'])]);

export const MenuCommandSchema = z.enum(MENU_COMMANDS);
