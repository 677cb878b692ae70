import { createBrowserPlatform } from './browser-platform';
import { createDesktopPlatform } from './desktop-platform';
import type { Platform } from './platform';

export type { AppInfo, AppLanguage, MenuCommand, Platform, PlatformKind, PrintToPdfRequest, SaveFileRequest, SaveFileResponse } from './platform';

let platform: Platform | undefined;

/**
 * The platform for this run, chosen once on first use: desktop when the Electron preload has
 * exposed window.fieldbook, browser otherwise. It never changes while the app runs.
 */
export function getPlatform(): Platform {
  platform ??= window.fieldbook ? createDesktopPlatform(window.fieldbook) : createBrowserPlatform();
  return platform;
}
