/**
 * The i18n layer. All UI text goes through `t()`. English is loaded at once and is the fallback;
 * the person's language is loaded and switched to by language.ts. Plural messages use i18next's
 * CLDR suffixes (key_one, key_few, key_many, key_other): each form is a whole sentence of its own
 * that a translator writes and a test checks, no ICU syntax to get wrong (docs/i18n/README.md).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { english } from './resources';
import { numberFormatter } from './number-format';

export function initI18n(language = 'en') {
  void i18next.use(initReactI18next).use(numberFormatter).init({
    resources: { en: { translation: english } },
    lng: language,
    fallbackLng: 'en',
    // React escapes already; every number goes through numberFormatter (separators of the person's format).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
