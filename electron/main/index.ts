/**
 * App lifecycle: one instance, one main window with secure defaults, the app:// protocol, IPC
 * handlers and the native menu. Security decisions live in security.ts (predicates) and
 * web-contents-guards.ts (wiring); this file only puts the pieces together.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, screen, session } from 'electron';
import { MENU_COMMAND_EVENT, type AppLanguage } from '../../core/ipc-contract';
import { registerAppSchemePrivileges, serveAppProtocol } from './app-protocol';
import { registerIpcHandlers } from './ipc';
import { rememberedLanguage, saveLanguage, systemLanguageOf } from './language-setting';
import { quitPrompt, quitAnswer } from './quit-prompt';
import { installApplicationMenu } from './menu';
import { APP_INDEX_URL, type TrustedOrigins } from './security';
import { guardSession, guardWebContents } from './web-contents-guards';
import { MIN_WINDOW_SIZE, loadWindowState, trackWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '../renderer');
const PRELOAD_PATH = path.join(here, '../preload/index.cjs');

// The dev server URL (set by `electron-vite dev`) and DevTools are honoured only in an unpacked
// build: a packaged app must never be pointed at another origin by an environment variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isDev = !app.isPackaged && (devServerUrl !== undefined || process.env.FIELDBOOK_DEV === '1');
const trusted: TrustedOrigins = { devServerUrl };

// Tests and side-by-side dev profiles get their own data folder; packaged builds ignore this.
if (!app.isPackaged && process.env.FIELDBOOK_USER_DATA_DIR) {
  app.setPath('userData', path.resolve(process.env.FIELDBOOK_USER_DATA_DIR));
}

registerAppSchemePrivileges();

let mainWindow: BrowserWindow | null = null;

/**
 * The UI's language for the desktop's own words (menu, dialogs): the one the renderer last told,
 * remembered in settings.json for the next start's first menu (language-setting.ts). Read after
 * app 'ready', when the system's preferred languages are known.
 */
let language: AppLanguage = 'en';
let remembered: AppLanguage | undefined;
const settingsFile = () => path.join(app.getPath('userData'), 'settings.json');

function changeLanguage(next: AppLanguage): void {
  if (next !== language) {
    language = next;
    installApplicationMenu({ isDev, language });
  }
  // Remembered even when it is the system's: the person's choice outlives a change of the system's.
  if (next === remembered) return;
  try {
    saveLanguage(settingsFile(), next);
    remembered = next;
  } catch (error) {
    console.warn('Could not save the language:', error);
  }
}

function createMainWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const { isMaximized, ...bounds } = loadWindowState(stateFile, [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea));

  const window = new BrowserWindow({
    title: 'Fieldbook',
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      devTools: isDev,
    },
  });
  if (isMaximized) window.maximize();
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  // The page refused to unload: changes are not synced (quit-prompt.ts says why this is needed).
  window.webContents.on('will-prevent-unload', (event) => {
    if (quitAnswer(dialog.showMessageBoxSync(window, quitPrompt(language))) === 'quit') event.preventDefault();
    else window.webContents.send(MENU_COMMAND_EVENT, 'sync-now');
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  void window.loadURL(devServerUrl ?? APP_INDEX_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

// A second launch (e.g. from the dock or a desktop shortcut) focuses the running window instead
// of opening another copy on the same database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  // Every web contents, including any created later, gets the navigation/window/webview guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trusted));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });

  void app.whenReady().then(() => {
    guardSession(session.defaultSession, trusted);
    serveAppProtocol(session.defaultSession, RENDERER_ROOT);
    remembered = rememberedLanguage(settingsFile());
    language = remembered ?? systemLanguageOf([...app.getPreferredSystemLanguages(), app.getLocale()]);
    registerIpcHandlers(trusted, { language: () => language, setLanguage: changeLanguage });
    installApplicationMenu({ isDev, language });
    mainWindow = createMainWindow();
  });
}
