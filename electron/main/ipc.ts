/**
 * The IPC handlers: one per channel of core/ipc-contract.ts. Each request passes through
 * dispatchIpc (trusted sender, zod validation, errors as Results) before its action runs.
 */
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, safeStorage, shell, type IpcMainInvokeEvent, type SaveDialogOptions, type WebContents } from 'electron';
import { IPC_CHANNELS, type AppLanguage, type FileFilter, type IpcChannel, type SaveFileResponse } from '../../core/ipc-contract';
import { fail, ok, type Result } from '../../core/result';
import { dispatchIpc, type ActionHandlers, type SenderFrame } from './ipc-dispatch';
import { say, type MainTextKey } from './main-text';
import { saveFailure } from './save-failure';
import { SecretStore } from './secret-store';
import { normalizeExternalUrl, type TrustedOrigins } from './security';

type ActionContext = { sender: WebContents };

/** The UI's language as main knows it, and what happens when the renderer tells another (index.ts). */
export type LanguageHooks = {
  language(): AppLanguage;
  setLanguage(language: AppLanguage): void;
};

/** FIELDBOOK_SERVER_URL from `npm start` (the embedded demo server), if it is an http(s) URL. */
function startServerUrl(): string | null {
  const raw = process.env.FIELDBOOK_SERVER_URL;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

async function saveThroughDialog(
  sender: WebContents,
  request: { suggestedName: string; filters: FileFilter[] | undefined; data: string | Uint8Array; title: MainTextKey },
  language: AppLanguage,
): Promise<Result<SaveFileResponse>> {
  const { suggestedName, filters, data } = request;
  // Title and button in the UI's language: the system would write them in its own.
  const options: SaveDialogOptions = {
    title: say(language, request.title),
    buttonLabel: say(language, 'save'),
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(filters ? { filters } : {}),
  };
  const window = BrowserWindow.fromWebContents(sender);
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return ok({ saved: false });
  try {
    await writeFile(choice.filePath, data);
  } catch (error) {
    return fail(saveFailure(language, error, choice.filePath));
  }
  return ok({ saved: true, path: choice.filePath });
}

let secrets: SecretStore | undefined;
/** Secrets live in the data folder, encrypted by the OS keychain (created after app 'ready'). */
const secretStore = () => (secrets ??= new SecretStore(path.join(app.getPath('userData'), 'secrets'), safeStorage));

const actionsFor = ({ language, setLanguage }: LanguageHooks): ActionHandlers<ActionContext> => ({
  [IPC_CHANNELS.saveFile]: (request, { sender }) =>
    saveThroughDialog(sender, { suggestedName: request.suggestedName, filters: request.filters, data: request.data, title: 'saveAs' }, language()),

  [IPC_CHANNELS.printToPdf]: async (request, { sender }) => {
    // The page's own print CSS (@page) decides paper size and margins.
    const pdf = await sender.printToPDF({ printBackground: true, preferCSSPageSize: true });
    const name = /\.pdf$/i.test(request.suggestedName) ? request.suggestedName : `${request.suggestedName}.pdf`;
    return saveThroughDialog(sender, { suggestedName: name, filters: [{ name: say(language(), 'pdfDocument'), extensions: ['pdf'] }], data: pdf, title: 'saveAsPdf' }, language());
  },

  [IPC_CHANNELS.openExternal]: async (request) => {
    // The schema already refused disallowed links; open the normalised form, not the raw string.
    const url = normalizeExternalUrl(request.url);
    if (url === null) return fail(say(language(), 'linkRefused'));
    await shell.openExternal(url);
    return ok(null);
  },

  [IPC_CHANNELS.appInfo]: async () => ok({ version: app.getVersion(), dataFolder: app.getPath('userData'), serverUrl: startServerUrl(), computerName: hostname() || null }),

  [IPC_CHANNELS.saveSecret]: async ({ name, value }) => ok(await secretStore().save(name, value)),

  [IPC_CHANNELS.loadSecret]: async ({ name }) => ok(await secretStore().load(name)),

  [IPC_CHANNELS.setLanguage]: async (request) => {
    setLanguage(request.language);
    return ok(null);
  },
});

function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}

/** Registers a handler for every channel. Call once, after app 'ready'. */
export function registerIpcHandlers(trusted: TrustedOrigins, languageHooks: LanguageHooks): void {
  const actions = actionsFor(languageHooks);
  const register = <C extends IpcChannel>(channel: C) =>
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatchIpc(channel, actions[channel], { frame: senderFrameOf(event), payload, context: { sender: event.sender } }, trusted),
    );
  for (const channel of Object.values(IPC_CHANNELS)) register(channel);
}
