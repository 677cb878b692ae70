/**
 * Tells the desktop the UI's language, on start and on every switch, so its own words (the native
 * menu, the quit prompt, the save dialogs) follow the person's choice at once. Main remembers it
 * for the next start's first menu (the pseudo-locale's as English). The browser build's platform
 * does nothing with it.
 */
import type { Platform } from '../platform/platform';
import { uiLanguage, useLanguage } from './language';

/** Tells `platform` the current language now and on every change; returns the unsubscribe function. */
export function shareLanguageWithDesktop(platform: Pick<Platform, 'setLanguage'>): () => void {
  void platform.setLanguage(uiLanguage(useLanguage.getState().language));
  return useLanguage.subscribe((state, previous) => {
    if (state.language !== previous.language) void platform.setLanguage(uiLanguage(state.language));
  });
}
