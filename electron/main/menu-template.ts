/**
 * The native menu as data: standard roles (app, file, edit, view, window, help) plus the app's
 * own commands, which are sent to the focused window as `menu:command`. Pure — menu.ts builds
 * the Electron Menu from it — so the accelerators and commands are unit-tested.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/ipc-contract';

export type MenuTemplateOptions = {
  appName: string;
  isMac: boolean;
  /** Reload and DevTools items only in development builds. */
  isDev: boolean;
  onCommand: (command: MenuCommand) => void;
};

export function buildMenuTemplate({ appName, isMac, isDev, onCommand }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id: `command:${name}`,
    ...(accelerator ? { accelerator } : {}),
    click: () => onCommand(name),
  });
  const settings = command(isMac ? 'Settings…' : 'Settings', 'settings', 'CmdOrCtrl+,');

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New client', 'new-client', 'CmdOrCtrl+N'),
      command('Sync now', 'sync-now', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      ...(isMac ? [] : [settings, { type: 'separator' } as const]),
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Search', 'search', 'CmdOrCtrl+K'),
      command('Clients', 'clients', 'CmdOrCtrl+Shift+C'),
      { type: 'separator' },
      ...(isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [] : [{ role: 'about' }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, { role: 'editMenu' }, viewMenu, { role: 'windowMenu' }, helpMenu];
}
