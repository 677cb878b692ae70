/**
 * The preload: exposes exactly one object, `window.fieldbook`, implementing DesktopApi. Each
 * function forwards its arguments unchanged to one channel — main validates them, not the
 * preload — and ipcRenderer itself never reaches the page. Built as CommonJS (.cjs) because
 * sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, MENU_COMMAND_EVENT, MENU_COMMANDS, type DesktopApi, type MenuCommand } from '../../core/ipc-contract';

const isMenuCommand = (value: unknown): value is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(value);

const api = {
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
  printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
  openExternal: (url) => ipcRenderer.invoke(IPC_CHANNELS.openExternal, { url }),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  saveSecret: (name, value) => ipcRenderer.invoke(IPC_CHANNELS.saveSecret, { name, value }),
  loadSecret: (name) => ipcRenderer.invoke(IPC_CHANNELS.loadSecret, { name }),
  setLanguage: (language) => ipcRenderer.invoke(IPC_CHANNELS.setLanguage, { language }),
  onMenuCommand: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    // The page gets the command name only, never the IPC event (which carries `sender`).
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_EVENT, forward);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('fieldbook', api);
