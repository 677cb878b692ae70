/**
 * How the React app reaches the machine it runs on. Two implementations, chosen once at start
 * (see index.ts): desktop (the Electron preload's window.fieldbook) and browser (download links,
 * window.print, window.open). Components use this interface only — never window.fieldbook.
 */
import type { AppInfo, AppLanguage, MenuCommand, PrintToPdfRequest, SaveFileRequest, SaveFileResponse, SecretName } from '../../../core/ipc-contract';
import type { Result } from '../../../core/result';

export type { AppInfo, AppLanguage, MenuCommand, PrintToPdfRequest, SaveFileRequest, SaveFileResponse, SecretName };

export type PlatformKind = 'desktop' | 'browser';

export interface Platform {
  readonly kind: PlatformKind;
  /** Save text or bytes: native save dialog on the desktop, a download in the browser. */
  saveFile(request: SaveFileRequest): Promise<Result<SaveFileResponse>>;
  /** The current page as PDF: saved through the dialog on the desktop, the print dialog in the browser. */
  printToPdf(request: PrintToPdfRequest): Promise<Result<SaveFileResponse>>;
  /** Open an http(s)/mailto/tel link outside the app; any other scheme is refused. */
  openExternal(url: string): Promise<Result<null>>;
  /** Version, and the data folder (null in the browser: data lives in browser storage). */
  appInfo(): Promise<AppInfo>;
  /**
   * Keep a secret in the OS keychain, or forget it (null). false: there is no keychain here
   * (the browser build, or a desktop without one), and the caller keeps it in its own storage.
   */
  saveSecret(name: SecretName, value: string | null): Promise<boolean>;
  /** A secret kept with saveSecret (null in the browser build). */
  loadSecret(name: SecretName): Promise<string | null>;
  /**
   * The UI's language, for the desktop's own words (native menu, quit prompt, save dialogs):
   * desktop only, the browser build has none. Never fails: at worst the menu stays as it was.
   */
  setLanguage(language: AppLanguage): Promise<void>;
  /** Native menu commands (desktop only; never fires in the browser). Returns unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
