/**
 * Every number a message says is written the way the language writes numbers: "100,000
 * clients", "100 000 клиентов", "1,00,000" in Hindi. i18next puts a number into a message as it
 * is ("100000 clients", as the field test saw); this formatter module, with `alwaysFormat`,
 * writes it with the locale's separators. Messages name no formats of their own (`{{n, …}}`),
 * so nothing else is formatted here: text passes through as it is. A document written in the
 * client's language (document-language.ts) names the locale of its numbers in the call.
 */
import type { FormatterModule } from 'i18next';
import { currentLocale } from './language';
import { NUMBER_LOCALE_OPTION } from './document-language';

const formats = new Map<string, Intl.NumberFormat>();

/** The person's number format, not the message's language: an English UI may write "1 234". */
function numberFormat(locale = currentLocale()): Intl.NumberFormat {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    formats.set(locale, f);
  }
  return f;
}

export const numberFormatter: FormatterModule = {
  type: 'formatter',
  init() {},
  // Typed as returning a string, but any value given comes back unchanged unless it is a number.
  format(value: unknown, _format?: string, _lng?: string, options?: Record<string, unknown>): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value as string;
    const locale = options?.[NUMBER_LOCALE_OPTION];
    return numberFormat(typeof locale === 'string' ? locale : undefined).format(value);
  },
  add() {},
  addCached() {},
};
