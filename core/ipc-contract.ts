/**
 * The desktop boundary: every IPC channel between the renderer and the Electron main process,
 * with the zod schema main uses to validate each request (received as `unknown`) and the type
 * of each answer. Channel names are `area:verb`. The preload implements `DesktopApi` with
 * `satisfies`, so adding an action here without wiring it end to end is a type error.
 *
 * Shared by every runtime: no electron or node imports here.
 */
import { z } from 'zod';
import { isAllowedExternalUrl } from './external-url';
import { LANGUAGE_CODES, type LanguageCode } from './languages';
import type { Result } from './result';

/** Request/response channels (ipcRenderer.invoke ↔ ipcMain.handle). */
export const IPC_CHANNELS = {
  saveFile: 'file:save',
  printToPdf: 'pdf:print',
  openExternal: 'link:open',
  appInfo: 'app:info',
  saveSecret: 'secret:save',
  loadSecret: 'secret:load',
  setLanguage: 'language:set',
} as const;
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** One-way main → renderer event carrying a `MenuCommand`. */
export const MENU_COMMAND_EVENT = 'menu:command';

/** Commands the native menu can ask the app to perform. */
export const MENU_COMMANDS = ['new-client', 'search', 'clients', 'settings', 'sync-now'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** Files larger than this are refused: the app never writes anything near it legitimately. */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

// A file *name*, not a path: the user picks the folder in the native dialog, so separators,
// parent references and reserved characters are never legitimate here.
// eslint-disable-next-line no-control-regex
const RESERVED_IN_FILE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/;
const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((name) => !RESERVED_IN_FILE_NAME.test(name), 'must be a file name without path separators or reserved characters')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name');

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'extension must be letters/digits without the dot, or *'))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: fileNameSchema,
  filters: z.array(fileFilterSchema).max(10).optional(),
  data: z.union([
    z.string().max(MAX_SAVE_BYTES, 'is too large'),
    z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, 'is too large'),
  ], { message: 'must be a string or a Uint8Array' }),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/** `saved: false` means the user cancelled the dialog — not an error. */
export type SaveFileResponse = { saved: boolean; path?: string };

export const printToPdfRequestSchema = z.strictObject({ suggestedName: fileNameSchema });
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export const openExternalRequestSchema = z.strictObject({
  url: z.string().max(2048).refine(isAllowedExternalUrl, 'must be an http(s), mailto or tel link'),
});
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>;

/** app:info takes no payload. */
export const appInfoRequestSchema = z.undefined({ message: 'takes no arguments' });

export type AppInfo = {
  version: string;
  /** Where the desktop app keeps its data; null in the browser build (browser storage). */
  dataFolder: string | null;
  /** The company server the app was started with (npm start's embedded one), if any. */
  serverUrl: string | null;
  /** The computer's name (desktop), so an admin can tell a person's laptops apart; null in a browser. */
  computerName: string | null;
};

/** The secrets the app keeps in the OS keychain: only the device token so far. */
export const SECRET_NAMES = ['device-token'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export const saveSecretRequestSchema = z.strictObject({
  name: z.enum(SECRET_NAMES),
  /** null forgets the secret. */
  value: z.string().min(1).max(4096).nullable(),
});
export type SaveSecretRequest = z.infer<typeof saveSecretRequestSchema>;

export const loadSecretRequestSchema = z.strictObject({ name: z.enum(SECRET_NAMES) });

/** The UI languages (core/languages.ts), which the desktop's own words (menu, quit prompt, save dialogs) follow too. */
export const APP_LANGUAGES = LANGUAGE_CODES;
export type AppLanguage = LanguageCode;

/** The renderer's language, told on start and on every switch. */
export const setLanguageRequestSchema = z.strictObject({ language: z.enum(APP_LANGUAGES) });
export type SetLanguageRequest = z.infer<typeof setLanguageRequestSchema>;

/** Per channel: the schema main validates the payload with, and the answer's value type. */
export const IPC_REQUEST_SCHEMAS = {
  [IPC_CHANNELS.saveFile]: saveFileRequestSchema,
  [IPC_CHANNELS.printToPdf]: printToPdfRequestSchema,
  [IPC_CHANNELS.openExternal]: openExternalRequestSchema,
  [IPC_CHANNELS.appInfo]: appInfoRequestSchema,
  [IPC_CHANNELS.saveSecret]: saveSecretRequestSchema,
  [IPC_CHANNELS.loadSecret]: loadSecretRequestSchema,
  [IPC_CHANNELS.setLanguage]: setLanguageRequestSchema,
} as const satisfies Record<IpcChannel, z.ZodType>;

export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_REQUEST_SCHEMAS)[C]>;

export type IpcResponses = {
  [IPC_CHANNELS.saveFile]: SaveFileResponse;
  [IPC_CHANNELS.printToPdf]: SaveFileResponse;
  [IPC_CHANNELS.openExternal]: null;
  [IPC_CHANNELS.appInfo]: AppInfo;
  /** false: this computer has no OS keychain to keep it in (nothing was stored). */
  [IPC_CHANNELS.saveSecret]: boolean;
  [IPC_CHANNELS.loadSecret]: string | null;
  [IPC_CHANNELS.setLanguage]: null;
};
export type IpcResponse<C extends IpcChannel> = IpcResponses[C];

/**
 * What the preload exposes as `window.fieldbook`: one function per action. Every action resolves
 * to a Result and never rejects for expected failures (invalid input, cancelled dialog, I/O).
 */
export type DesktopApi = {
  /** Save text or bytes through the native save dialog. */
  saveFile(request: SaveFileRequest): Promise<Result<SaveFileResponse>>;
  /** Print the calling window's page to PDF and save it through the native save dialog. */
  printToPdf(request: PrintToPdfRequest): Promise<Result<SaveFileResponse>>;
  /** Open an http(s)/mailto/tel link with the operating system. */
  openExternal(url: string): Promise<Result<null>>;
  appInfo(): Promise<Result<AppInfo>>;
  /**
   * Keep a secret encrypted by the OS keychain (Electron safeStorage), or forget it (null).
   * Resolves to ok(false) when the computer has no keychain: the caller keeps it elsewhere.
   */
  saveSecret(name: SecretName, value: string | null): Promise<Result<boolean>>;
  /** A secret kept with saveSecret, or null. */
  loadSecret(name: SecretName): Promise<Result<string | null>>;
  /**
   * The UI's language, for the desktop's own words: main rebuilds the menu in it at once and
   * opens in it next time.
   */
  setLanguage(language: AppLanguage): Promise<Result<null>>;
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** Formats zod issues as one readable line, e.g. `suggestedName: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}
