import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from './electron.js';
import { buildMenuTemplate } from './app-menu.js';

vi.mock('./electron.js', () => ({}));

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('labels the menu in Chinese or English', () => {
    const zh = buildMenuTemplate({ locale: 'zh', isMac: false, isDev: false, send: vi.fn() });
    const en = buildMenuTemplate({ locale: 'en', isMac: false, isDev: false, send: vi.fn() });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '同步']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Sync']);
  });

  it('sends the command of the clicked item to the renderer', () => {
    const send = vi.fn();
    const items = flatten(buildMenuTemplate({ locale: 'en', isMac: false, isDev: false, send }));
    const exportItem = items.find((i) => i.label === 'Export campaign…');
    (exportItem?.click as () => void)();
    expect(send).toHaveBeenCalledWith('export-campaign');
  });

  it('adds the macOS app menu and the dev tools only where they belong', () => {
    const mac = buildMenuTemplate({ locale: 'en', isMac: true, isDev: false, send: vi.fn() });
    expect(mac[0]?.role).toBe('appMenu');
    const prod = flatten(buildMenuTemplate({ locale: 'en', isMac: false, isDev: false, send: vi.fn() }));
    const dev = flatten(buildMenuTemplate({ locale: 'en', isMac: false, isDev: true, send: vi.fn() }));
    expect(prod.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
