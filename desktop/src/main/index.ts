import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC, type MenuCommand, type StudioLocale } from '../ipc/ipc-channels.js';
import { buildMenuTemplate } from './app-menu.js';
import { APP_ORIGIN_URL, APP_SCHEME, mimeTypeOf, resolveAppFile } from './app-protocol.js';
import { BrowserWindow, Menu, app, protocol, screen, session, shell } from './electron.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { decideWindowOpen, isNavigationAllowed, isPermissionGranted } from './navigation-policy.js';
import { parseWindowState, restoreBounds, type WindowState } from './window-state.js';

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(here, '../app');
const appUrl = devServerUrl ?? APP_ORIGIN_URL;
const isDev = Boolean(devServerUrl);
// The renderer reports the planner's language at start (setLocale); until then, the OS language.
let locale: StudioLocale = 'zh';
let mainWindow: InstanceType<typeof BrowserWindow> | null = null;

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

function readState(): WindowState | null {
  try {
    return parseWindowState(readFileSync(stateFile(), 'utf8'));
  } catch {
    return null;
  }
}

function saveState(window: InstanceType<typeof BrowserWindow>): void {
  const bounds = window.getNormalBounds();
  const state: WindowState = { ...bounds, maximized: window.isMaximized() };
  mkdirSync(dirname(stateFile()), { recursive: true });
  writeFileSync(stateFile(), JSON.stringify(state));
}

function sendMenu(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(IPC.menu, command);
}

function installMenu(): void {
  const template = buildMenuTemplate({ locale, isMac: process.platform === 'darwin', isDev, send: sendMenu });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  const bounds = restoreBounds(
    readState(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'PromoStudio',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => saveState(window));
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appUrl);
}

// Must happen before `ready`: app:// behaves like https (standard, secure, fetch-able).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppFile(request.url, rendererDir);
  if (!file) return new Response('not found', { status: 404 });
  try {
    return new Response(await readFile(file), { headers: { 'content-type': mimeTypeOf(file) } });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternal) void shell.openExternal(decision.openExternal);
      return { action: decision.action };
    });
  });

  void app.whenReady().then(() => {
    locale = app.getLocale().startsWith('zh') ? 'zh' : 'en';
    protocol.handle(APP_SCHEME, serveAppFile);
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => {
      callback(isPermissionGranted(permission, contents.getURL(), appUrl));
    });
    registerIpcHandlers({
      appUrl,
      defaultDirectory: app.getPath('documents'),
      onLocaleChange: (next) => {
        locale = next;
        installMenu();
      },
    });
    installMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
