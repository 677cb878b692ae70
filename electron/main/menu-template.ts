/**
 * The native menu as data: the system's standard items (by role, so they keep their behaviour and
 * accelerators) plus the app's own commands, which are sent to the focused window as
 * `menu:command`. Every item has a label in the UI's language: Electron labels role items in
 * English whatever the system's language, so none is left to it. Pure — menu.ts builds the
 * Electron Menu from it — so labels, accelerators and commands are unit-tested.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppLanguage, MenuCommand } from '../../core/ipc-contract';
import { say, type MainTextKey } from './main-text';

/** The desktop system, for its menu conventions (the app menu on macOS, Exit on Windows). */
export type MenuOs = 'mac' | 'windows' | 'linux';

export const menuOsOf = (platform: NodeJS.Platform): MenuOs => (platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'linux');

export type MenuTemplateOptions = {
  appName: string;
  os: MenuOs;
  language: AppLanguage;
  /** Reload and DevTools items only in development builds. */
  isDev: boolean;
  onCommand: (command: MenuCommand) => void;
};

type Role = NonNullable<MenuItemConstructorOptions['role']>;

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate({ appName, os, language, isDev, onCommand }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = os === 'mac';
  const text = (key: MainTextKey) => say(language, key, { app: appName });
  const role = (name: Role, key: MainTextKey): MenuItemConstructorOptions => ({ role: name, label: text(key) });
  const command = (key: MainTextKey, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: text(key),
    id: `command:${name}`,
    ...(accelerator ? { accelerator } : {}),
    click: () => onCommand(name),
  });
  // macOS writes an ellipsis after an item that opens a window of choices.
  const settings: MenuItemConstructorOptions = { ...command('settings', 'settings', 'CmdOrCtrl+,'), ...(isMac ? { label: `${text('settings')}…` } : {}) };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      role('about', 'about'),
      separator,
      settings,
      separator,
      role('services', 'services'),
      separator,
      role('hide', 'hide'),
      role('hideOthers', 'hideOthers'),
      role('unhide', 'showAll'),
      separator,
      role('quit', 'quitApp'),
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: text('fileMenu'),
    submenu: [
      command('newClient', 'new-client', 'CmdOrCtrl+N'),
      command('syncNow', 'sync-now', 'CmdOrCtrl+Shift+S'),
      separator,
      ...(isMac ? [role('close', 'closeWindow')] : [settings, separator, role('quit', os === 'windows' ? 'exit' : 'quit')]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: text('editMenu'),
    submenu: [
      role('undo', 'undo'),
      role('redo', 'redo'),
      separator,
      role('cut', 'cut'),
      role('copy', 'copy'),
      role('paste', 'paste'),
      role('delete', 'delete'),
      separator,
      role('selectAll', 'selectAll'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: text('viewMenu'),
    submenu: [
      command('search', 'search', 'CmdOrCtrl+K'),
      command('clients', 'clients', 'CmdOrCtrl+Shift+C'),
      separator,
      ...(isDev ? [role('reload', 'reload'), role('forceReload', 'forceReload'), role('toggleDevTools', 'developerTools'), separator] : []),
      role('resetZoom', 'actualSize'),
      role('zoomIn', 'zoomIn'),
      role('zoomOut', 'zoomOut'),
      separator,
      role('togglefullscreen', 'fullScreen'),
    ],
  };

  // On macOS the 'window' role makes the system list the open windows in this menu, and 'help'
  // gives the Help menu its search field; elsewhere they are plain menus.
  const windowMenu: MenuItemConstructorOptions = {
    label: text('windowMenu'),
    ...(isMac ? { role: 'window' as const } : {}),
    submenu: isMac
      ? [role('minimize', 'minimize'), role('zoom', 'zoomWindow'), separator, role('front', 'bringAllToFront')]
      : [role('minimize', 'minimize'), role('close', 'closeWindow')],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: text('helpMenu'),
    ...(isMac ? { role: 'help' as const, submenu: [] } : { submenu: [role('about', 'about')] }),
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
