/**
 * The languages Fieldbook speaks, each named in itself (for pickers) with the locale its numbers
 * and dates follow. The UI is written in them (renderer/src/i18n), a client's offers are printed
 * in one of them (`Client.language`), and a catalog product may carry its name in them
 * (`CatalogProduct.names`). Adding a language is a line here and a folder of UI text
 * (docs/i18n/README.md).
 */
import { z } from 'zod';

export const LANGUAGE_CODES = ['en', 'ru', 'id', 'ms', 'hi', 'hu'] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const LANGUAGES = [
  { code: 'en', name: 'English', locale: 'en-GB' },
  { code: 'ru', name: 'Русский', locale: 'ru-RU' },
  { code: 'id', name: 'Bahasa Indonesia', locale: 'id-ID' },
  { code: 'ms', name: 'Bahasa Melayu', locale: 'ms-MY' },
  { code: 'hi', name: 'हिन्दी', locale: 'hi-IN' },
  { code: 'hu', name: 'Magyar', locale: 'hu-HU' },
] as const satisfies readonly { code: LanguageCode; name: string; locale: string }[];

export const isLanguageCode = (code: unknown): code is LanguageCode => typeof code === 'string' && LANGUAGE_CODES.includes(code as LanguageCode);

/**
 * A language as a record holds it: a BCP 47 language tag ("hu", "pt-BR"). Any well-formed tag is
 * kept, also one this version does not speak: a newer laptop may know more languages, and its
 * choice must survive the sync through an older one.
 */
export const languageTagSchema = z
  .string()
  .max(35, { message: 'too_long' })
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, { message: 'language' });

/** The language a business of the country is written to by default (ISO 3166-1 alpha-2). */
const COUNTRY_LANGUAGE: Readonly<Record<string, LanguageCode>> = { RU: 'ru', ID: 'id', MY: 'ms', IN: 'hi', HU: 'hu' };

/**
 * The language a new client of `country` gets: the country's (Russia Russian, Indonesia
 * Indonesian, Malaysia Malay, India Hindi, Hungary Hungarian), English for every other country,
 * and `unknownCountry` (the manager's own language) when the client has no country yet.
 */
export function defaultClientLanguage(country: string, unknownCountry: LanguageCode): LanguageCode {
  if (!country) return unknownCountry;
  return COUNTRY_LANGUAGE[country] ?? 'en';
}

/** The language's name in itself ("Magyar"); a tag this version does not know, as it is. */
export function languageName(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

/** The usual locale of a language this version speaks ("hu" → "hu-HU"); English's for any other. */
export function languageLocale(code: string): string {
  return (LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]).locale;
}
