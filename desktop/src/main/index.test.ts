import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const state = { lock: true, quit: 0 };
  class FakeWindow {
    readonly loaded: string[] = [];
    readonly webContents = { send: vi.fn() };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    static getAllWindows = (): unknown[] => windows;
    static getFocusedWindow = (): unknown => null;
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(): void {}
    on(): void {}
    maximize(): void {}
  }
  return {
    appListeners,
    windows,
    state,
    fireReady: () => ready(),
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: () => {
        state.quit += 1;
      },
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => readyPromise,
      getLocale: () => 'zh-CN',
      getPath: () => '/tmp/promo-studio-test',
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    dialog: {},
    Notification: { isSupported: () => false },
  };
});

vi.mock('./electron.js', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  Menu: fake.Menu,
  screen: fake.screen,
  session: fake.session,
  shell: fake.shell,
  protocol: fake.protocol,
  ipcMain: fake.ipcMain,
  dialog: fake.dialog,
  Notification: fake.Notification,
}));

describe('main process', () => {
  beforeEach(() => vi.resetModules());

  it('opens one hardened window with the preload bridge once ready', async () => {
    await import('./index.js');
    fake.fireReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(fake.windows[0]!.loaded[0]).toBe('app://studio/index.html');
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('blocks navigation away from the app and hands https links to the browser', async () => {
    await import('./index.js');
    const created = fake.appListeners.get('web-contents-created');
    expect(created).toBeDefined();
    const handlers = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, listener: Listener) => handlers.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        openHandler = handler;
      },
    };
    created!({}, contents);
    const navigation = { preventDefault: vi.fn() };
    handlers.get('will-navigate')!(navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://docs.example/');
  });

  it('quits when another instance already runs', async () => {
    fake.state.lock = false;
    const before = fake.state.quit;
    await import('./index.js');
    expect(fake.state.quit).toBe(before + 1);
    fake.state.lock = true;
  });
});
