import { BrowserWindow, Menu, app } from 'electron';
import { MENU_COMMAND_EVENT, type MenuCommand } from '../../core/ipc-contract';
import { buildMenuTemplate } from './menu-template';

/** Sends a menu command to the focused window (or the only window, if none has focus). */
function sendMenuCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window || window.isDestroyed()) return;
  if (!window.isFocused()) window.show();
  window.webContents.send(MENU_COMMAND_EVENT, command);
}

/** Installs the application menu. Call after app 'ready'. */
export function installApplicationMenu(options: { isDev: boolean }): void {
  const template = buildMenuTemplate({
    appName: app.getName(),
    isMac: process.platform === 'darwin',
    isDev: options.isDev,
    onCommand: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
