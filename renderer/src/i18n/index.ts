/**
 * The i18n layer. All UI text goes through `t()`; English is the only language for now, and a
 * new one is a new resources file with the same keys.
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
    // React escapes already; every number goes through numberFormatter (separators of the language).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
