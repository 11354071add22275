import type { MenuCommand, StudioLocale } from '../ipc/ipc-channels.js';
import type { MenuItemConstructorOptions } from './electron.js';

type Label = Record<StudioLocale, string>;

const LABELS = {
  file: { zh: '文件', en: 'File' },
  newCampaign: { zh: '新建活动', en: 'New campaign' },
  importCampaign: { zh: '导入活动…', en: 'Import campaign…' },
  exportCampaign: { zh: '导出活动…', en: 'Export campaign…' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select all' },
  view: { zh: '视图', en: 'View' },
  simulator: { zh: '模拟器', en: 'Simulator' },
  language: { zh: 'Switch to English', en: '切换到中文' },
  reload: { zh: '重新加载', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer tools' },
  sync: { zh: '同步', en: 'Sync' },
  syncNow: { zh: '立即同步', en: 'Sync now' },
} satisfies Record<string, Label>;

export interface MenuOptions {
  locale: StudioLocale;
  isMac: boolean;
  isDev: boolean;
  /** Sends a command to the focused studio window. */
  send: (command: MenuCommand) => void;
}

/**
 * The native menu as a plain template (pure, so labels and commands are unit-tested). Undo/redo go
 * to the renderer, which owns the graph editor history; text fields keep their native roles.
 */
export function buildMenuTemplate({ locale, isMac, isDev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const l = (label: Label): string => label[locale];
  const command = (label: Label, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: l(label),
    click: () => send(cmd),
    ...(accelerator ? { accelerator } : {}),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: l(LABELS.file),
      submenu: [
        command(LABELS.newCampaign, 'new-campaign', 'CmdOrCtrl+N'),
        command(LABELS.importCampaign, 'import-campaign', 'CmdOrCtrl+O'),
        command(LABELS.exportCampaign, 'export-campaign', 'CmdOrCtrl+S'),
        { type: 'separator' },
        { label: l(LABELS.quit), role: 'quit' },
      ],
    },
    {
      label: l(LABELS.edit),
      submenu: [
        command(LABELS.undo, 'undo'),
        command(LABELS.redo, 'redo'),
        { type: 'separator' },
        { label: l(LABELS.cut), role: 'cut' },
        { label: l(LABELS.copy), role: 'copy' },
        { label: l(LABELS.paste), role: 'paste' },
        { label: l(LABELS.selectAll), role: 'selectAll' },
      ],
    },
    {
      label: l(LABELS.view),
      submenu: [
        command(LABELS.simulator, 'open-simulator', 'CmdOrCtrl+E'),
        command(LABELS.language, 'toggle-language'),
        ...(isDev
          ? ([
              { type: 'separator' },
              { label: l(LABELS.reload), role: 'reload' },
              { label: l(LABELS.devTools), role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    { label: l(LABELS.sync), submenu: [command(LABELS.syncNow, 'sync-now', 'CmdOrCtrl+R')] },
  ];
  return isMac ? [{ role: 'appMenu' }, ...template] : template;
}
