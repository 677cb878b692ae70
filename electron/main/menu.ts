import { BrowserWindow, Menu, app } from 'electron';
import { MENU_COMMAND_EVENT, type AppLanguage, type MenuCommand } from '../../core/ipc-contract';
import { buildMenuTemplate, menuOsOf } from './menu-template';

/** Sends a menu command to the focused window (or the only window, if none has focus). */
function sendMenuCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window || window.isDestroyed()) return;
  if (!window.isFocused()) window.show();
  window.webContents.send(MENU_COMMAND_EVENT, command);
}

/**
 * Installs the application menu in `language`. Call after app 'ready', and again whenever the UI's
 * language changes: the new menu replaces the old one at once.
 */
export function installApplicationMenu(options: { isDev: boolean; language: AppLanguage }): void {
  const template = buildMenuTemplate({
    appName: app.getName(),
    os: menuOsOf(process.platform),
    language: options.language,
    isDev: options.isDev,
    onCommand: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
