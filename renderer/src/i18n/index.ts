/**
 * The i18n layer. All UI text goes through `t()`; English is the only language for now, and a
 * new one is a new resources file with the same keys.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

export function initI18n(language = 'en') {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
