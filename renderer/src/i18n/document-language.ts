/**
 * The language of a document the client reads (the offer, its PDF): the client's, whatever the
 * manager reads the UI in. Its words come from the same resources as the UI's, through
 * i18next's fixed-language `t` once that language's messages are loaded (a language whose
 * messages are missing reads in English, i18next's fallback); its numbers, sums and dates are
 * written in the language's own locale (core/languages.ts), not in the format the manager picked
 * for their screens.
 */
import { useEffect, useState } from 'react';
import i18next, { type TFunction } from 'i18next';
import { clientLanguage, type Client } from '../../../core/client-model';
import { LANGUAGE_CODES, isLanguageCode, languageLocale, type LanguageCode } from '../../../core/languages';
import { uiLanguage } from './language';
import { formatDate, localDay } from './format';
import { loadMessages } from './resources';

export interface DocumentLanguage {
  language: LanguageCode;
  /** The locale of its numbers, sums and dates ("hu-HU"). */
  locale: string;
  /** Its words; numbers put into them are written in `locale` (number-format.ts). */
  t: TFunction;
  /** A calendar date or an instant as the document writes it (`documentDate`). */
  date: (iso: string) => string;
}

const numericDates = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as a document in `locale` writes it: in figures, the locale's order, as offers and
 * invoices do ("2026. 12. 07.", "07.12.2026"); in English by the month's name ("7 Dec 2026"),
 * since English readers take 07/12 as July or December depending on their country.
 */
export function documentDate(iso: string, locale: string): string {
  if (!iso || locale.startsWith('en')) return formatDate(iso, locale);
  let f = numericDates.get(locale);
  if (!f) numericDates.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(localDay(iso));
}

/**
 * The language a client's document is printed in unless the manager picks another: the client's
 * (`clientLanguage`), English for a language this version does not speak (one chosen on a newer
 * laptop).
 */
export const documentLanguageOf = (clientLanguage: string): LanguageCode => (isLanguageCode(clientLanguage) ? clientLanguage : 'en');

/** The option a `t` call passes to the number formatter: the locale its numbers are written in. */
export const NUMBER_LOCALE_OPTION = 'numberLocale';

const loading = new Map<LanguageCode, Promise<void>>();

/** Loads the language's messages once (the UI's own language has them already). */
function ensureMessages(language: LanguageCode): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = loadMessages(language).then(
      (messages) => void i18next.addResourceBundle(language, 'translation', messages),
      // Not there (yet): its words are English, i18next's fallback; its formats are its own.
      () => undefined,
    );
    loading.set(language, load);
  }
  return load;
}

/** The words and formats of a document in `language`, once its messages are loaded. */
export async function documentLanguage(language: LanguageCode): Promise<DocumentLanguage> {
  await ensureMessages(language);
  const locale = languageLocale(language);
  const fixed = i18next.getFixedT(language);
  const t = ((key: string, options?: object) => fixed(key, { ...options, [NUMBER_LOCALE_OPTION]: locale })) as unknown as TFunction;
  return { language, locale, t, date: (iso) => documentDate(iso, locale) };
}

/**
 * Every language's document words, loaded: for a text written into a record for a client the
 * caller has not read yet (a new offer's payment terms, in its client's language).
 */
export async function documentLanguages(): Promise<(language: LanguageCode) => DocumentLanguage> {
  const all = new Map(await Promise.all(LANGUAGE_CODES.map(async (code) => [code, await documentLanguage(code)] as const)));
  return (language) => all.get(language)!;
}

/**
 * A new offer's payment terms as its client reads them ("14 days net", "Fizetés 14 napon belül"),
 * in the client's language (data/offers/offers.ts `PaymentText`).
 */
export async function paymentTextInClientLanguage(): Promise<(days: number, client: { language?: string; addresses?: Client['addresses'] }) => string> {
  const texts = await documentLanguages();
  const ui = uiLanguage();
  return (days, client) => texts(documentLanguageOf(clientLanguage(client, ui))).t('offers.terms.paymentDays', { count: days });
}

/** `documentLanguage`, for a screen: undefined while its messages load. */
export function useDocumentLanguage(language: LanguageCode): DocumentLanguage | undefined {
  const [loaded, setLoaded] = useState<DocumentLanguage>();
  useEffect(() => {
    let live = true;
    void documentLanguage(language).then((text) => live && setLoaded(text));
    return () => {
      live = false;
    };
  }, [language]);
  return loaded?.language === language ? loaded : undefined;
}
