import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { MAIN_ENTRY, REPO_ROOT } from './electron-runtime';

/**
 * Page model for the desktop app: launches the built app with a fresh data folder and offers
 * intent methods for the security checks.
 */
export class FieldbookApp {
  private constructor(
    readonly electronApp: ElectronApplication,
    readonly window: Page,
    private readonly dataFolder: string,
  ) {}

  /**
   * `chromiumArgs`: Chromium switches for the run, e.g. a fake camera. `dataFolder`: the folder
   * of an earlier run, to start the app again on it (a fresh one otherwise).
   */
  static async launch(executablePath: string, chromiumArgs: readonly string[] = [], dataFolder = mkdtempSync(path.join(tmpdir(), 'fieldbook-electron-e2e-'))): Promise<FieldbookApp> {
    const env = { ...process.env, FIELDBOOK_USER_DATA_DIR: dataFolder } as Record<string, string>;
    // The built app, not the dev server: make sure a stray dev URL does not leak in.
    delete env.ELECTRON_RENDERER_URL;
    const electronApp = await _electron.launch({ executablePath, args: [...chromiumArgs, MAIN_ENTRY], cwd: REPO_ROOT, env });
    const window = await electronApp.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    return new FieldbookApp(electronApp, window, dataFolder);
  }

  /** Replaces shell.openExternal in the main process with a recorder. */
  async recordExternalOpens(): Promise<void> {
    await this.electronApp.evaluate(({ shell }) => {
      const calls: string[] = [];
      (globalThis as { __externalOpens?: string[] }).__externalOpens = calls;
      shell.openExternal = async (url: string) => {
        calls.push(url);
      };
    });
  }

  externalOpens(): Promise<string[]> {
    return this.electronApp.evaluate(() => (globalThis as { __externalOpens?: string[] }).__externalOpens ?? []);
  }

  /** Makes the native save dialog answer `filePath` (as if the person chose it) without showing it. */
  async answerSaveDialogs(filePath: string): Promise<void> {
    await this.electronApp.evaluate(({ dialog }, chosen) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
    }, filePath);
  }

  /** The data folder of this run (to launch the app again on it). */
  get folder(): string {
    return this.dataFolder;
  }

  /** The labels of the application menu's top-level menus and of every item in them, as shown. */
  menuLabels(): Promise<string[]> {
    return this.electronApp.evaluate(({ Menu }) => {
      type Item = { label: string; type: string; submenu?: { items: Item[] } | null };
      const walk = (items: Item[]): string[] => items.flatMap((item) => [...(item.type === 'separator' ? [] : [item.label]), ...walk(item.submenu?.items ?? [])]);
      return walk((Menu.getApplicationMenu()?.items ?? []) as Item[]);
    });
  }

  /** Closes the app and keeps its data folder, for a second launch on it. */
  async closeKeepingData(): Promise<void> {
    await this.electronApp.close();
  }

  windowCount(): Promise<number> {
    return this.electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  }

  async close(): Promise<void> {
    await this.electronApp.close();
    rmSync(this.dataFolder, { recursive: true, force: true });
  }
}
