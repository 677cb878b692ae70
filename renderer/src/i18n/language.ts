/**
 * The person's language and number-and-date format: settings of this laptop (not synced), kept
 * in localStorage because the first screen must be drawn in them, before the database opens.
 * The language is, in order: `?lang=` on the address (a test or a person opening a language
 * directly), the person's choice, the system's preferred languages. Switching re-renders every
 * screen in place: nothing typed is lost.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import { PSEUDO, formatLocale, isLanguage, systemLanguage, wordsLocale, type LanguageCode, type UiLanguage } from './languages';
import { loadMessages } from './resources';

const LANGUAGE_KEY = 'fieldbook.language';
const FORMAT_KEY = 'fieldbook.formatLocale';

type LanguageState = {
  language: UiLanguage;
  /** The locale the person picked for numbers and dates; '' follows the language. */
  pickedFormat: string;
  /** The locale numbers and dates are written in. */
  locale: string;
};

/** The preferred languages of the OS (Electron) or browser; none where there is no navigator (tests in Node). */
export function systemLanguages(): readonly string[] {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : [nav.language];
}

function stored(key: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function store(key: string, value: string) {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage refused (private window): the choice lasts until the window closes.
  }
}

export const useLanguage = create<LanguageState>(() => ({ language: 'en', pickedFormat: '', locale: 'en-GB' }));

/** The locale of every number, date and sum shown (format.ts). */
export const currentLocale = (): string => useLanguage.getState().locale;

/** The locale of words said beside them (relative days, names of months and weekdays, units of time): languages.ts wordsLocale. */
export const currentWordsLocale = (): string => {
  const { language, locale } = useLanguage.getState();
  return wordsLocale(language, locale);
};

/** The language the person reads the UI in (English under the pseudo-locale). */
export const uiLanguage = (language: UiLanguage = useLanguage.getState().language): LanguageCode => (language === PSEUDO ? 'en' : language);

/** `uiLanguage`, re-rendering when the person switches. */
export const useUiLanguage = (): LanguageCode => uiLanguage(useLanguage((s) => s.language));

/** Switches the UI to `language`, loading its messages first, and remembers the choice. */
export async function chooseLanguage(language: UiLanguage, { remember = true } = {}): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await loadMessages(language));
  const pickedFormat = useLanguage.getState().pickedFormat;
  // The locale first: screens re-rendered by the language change already write its numbers.
  useLanguage.setState({ language, locale: formatLocale(language, pickedFormat, systemLanguages()) });
  await i18next.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'pseudo' ? 'en' : language;
  if (remember) store(LANGUAGE_KEY, language);
}

/** Numbers and dates in `locale` whatever the language ('' to follow the language again). */
export function chooseFormat(locale: string): void {
  store(FORMAT_KEY, locale);
  const { language } = useLanguage.getState();
  useLanguage.setState({ pickedFormat: locale, locale: formatLocale(language, locale, systemLanguages()) });
}

/** The language the app opens in: the address's `?lang=`, else the person's choice, else the system's. */
export function startingLanguage(search: string): UiLanguage {
  const fromAddress = new URLSearchParams(search).get('lang') ?? '';
  if (isLanguage(fromAddress)) return fromAddress;
  const chosen = stored(LANGUAGE_KEY);
  return isLanguage(chosen) ? chosen : systemLanguage(systemLanguages());
}

/** Opens the app's language before its first screen is drawn. */
export async function startLanguage(search = globalThis.location?.search ?? ''): Promise<void> {
  useLanguage.setState({ pickedFormat: stored(FORMAT_KEY) });
  const language = startingLanguage(search);
  try {
    await chooseLanguage(language, { remember: new URLSearchParams(search).has('lang') });
  } catch {
    // Its messages could not be loaded (a damaged install): English, rather than no screen.
    await chooseLanguage('en', { remember: false });
  }
}
