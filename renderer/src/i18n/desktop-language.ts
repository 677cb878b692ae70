/**
 * Tells the desktop the UI's language, on start and on every switch, so its own words (the native
 * menu, the quit prompt, the save dialogs) follow the person's choice at once. Main remembers it
 * for the next start's first menu. The browser build's platform does nothing with it.
 */
import type { AppLanguage } from '../../../core/ipc-contract';
import type { Platform } from '../platform/platform';
import { useLanguage } from './language';
import { PSEUDO, type LanguageCode, type UiLanguage } from './languages';

// The UI's languages and the desktop's are the same six: a seventh added to one list only is a
// compile error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameLanguages: Same<LanguageCode, AppLanguage> = true;
void sameLanguages;

/** The pseudo-locale is accented English: the desktop's words stay English. */
const desktopLanguageOf = (language: UiLanguage): AppLanguage => (language === PSEUDO ? 'en' : language);

/** Tells `platform` the current language now and on every change; returns the unsubscribe function. */
export function shareLanguageWithDesktop(platform: Pick<Platform, 'setLanguage'>): () => void {
  void platform.setLanguage(desktopLanguageOf(useLanguage.getState().language));
  return useLanguage.subscribe((state, previous) => {
    if (state.language !== previous.language) void platform.setLanguage(desktopLanguageOf(state.language));
  });
}
