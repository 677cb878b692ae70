/**
 * The languages of the UI (core/languages.ts: each named in itself for the picker, with the
 * locale its numbers and dates follow unless the person picks another format). Adding a language
 * is a line there and a folder in locales/ (docs/i18n/README.md: "Adding a language").
 */
import { LANGUAGES, type LanguageCode } from '../../../core/languages';

export { LANGUAGES, type LanguageCode };

/**
 * Accented, 40 % longer English (`?lang=pseudo`): shows text that is cut off, overlapping or not
 * translated at all (it stays plain ASCII). Not offered in the picker.
 */
export const PSEUDO = 'pseudo';

export type UiLanguage = LanguageCode | typeof PSEUDO;

export function isLanguage(code: string): code is UiLanguage {
  return code === PSEUDO || LANGUAGES.some((l) => l.code === code);
}

/** The language's base subtag ("ms" of "ms-MY", "id" of "in-ID", the old code of Indonesian). */
function baseLanguage(tag: string): string {
  try {
    const language = new Intl.Locale(tag).language;
    return language === 'in' ? 'id' : language;
  } catch {
    return '';
  }
}

/** The first of the system's preferred languages the UI speaks, else English. */
export function systemLanguage(preferred: readonly string[]): LanguageCode {
  for (const tag of preferred) {
    const found = LANGUAGES.find((l) => l.code === baseLanguage(tag));
    if (found) return found.code;
  }
  return 'en';
}

/**
 * The locale numbers and dates follow: the one the person picked, else the system's own when
 * it is of the same language (an English UI on an Indian laptop writes 12,34,567 and dates the
 * Indian way), else the language's usual one.
 */
export function formatLocale(language: UiLanguage, picked: string, preferred: readonly string[]): string {
  if (picked) return picked;
  const code = language === PSEUDO ? 'en' : language;
  const system = preferred.find((tag) => baseLanguage(tag) === code && /-[A-Z]{2}\b/.test(tag));
  return system ?? LANGUAGES.find((l) => l.code === code)!.locale;
}

/**
 * The locale words are written in beside the person's formats (relative days, month and weekday
 * names over a calendar, units of time): the format locale when it is of the UI's
 * language (en-IN for an English UI on an Indian laptop), else the language's own. An English UI
 * with Hungarian figures says "3 days ago", not "3 nappal ezelőtt".
 */
export function wordsLocale(language: UiLanguage, format: string): string {
  const code = language === PSEUDO ? 'en' : language;
  return baseLanguage(format) === code ? format : LANGUAGES.find((l) => l.code === code)!.locale;
}
