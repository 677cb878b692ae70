/**
 * Locale formatting of money, dates and phone numbers, in the locale of the person's language
 * unless they picked another format (a Hungarian manager with the English UI may keep
 * "1 234 567 Ft" and "2026. 11. 22."; language.ts).
 */
import { formatPhoneInternational } from '../../../core/phone';
import { minorUnitExponent } from '../../../core/pricing/money';
import { currentLocale } from './language';

/** The locale of the person's language, or of the format they picked (language.ts). */
export const userLocale = (): string => currentLocale();

/**
 * One formatter per locale and options: building an Intl formatter costs far more than using
 * one, and a list formats a figure in every row it renders.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * Money stored as integer minor units of `currency`: hundredths of most (pence, fillér),
 * whole yen, thousandths of a dinar (core/pricing/money.ts). Intl then writes the digits the
 * locale shows for the currency (forints and rupiahs without decimals).
 */
export function formatMoney(minor: number, currency: string, locale = userLocale()): string {
  const nf = formatter(`money|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  return nf.format(minor / 10 ** minorUnitExponent(currency));
}

/** A calendar date ("2026-11-22") or an instant, shown as a local date. */
export function formatDate(iso: string, locale = userLocale()): string {
  if (!iso) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return formatter(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(date);
}

export function formatDateTime(iso: string, locale = userLocale()): string {
  return formatter(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

/** An instant's time of day alone ("18:05"), for a time beside its own date. */
export function formatTime(iso: string, locale = userLocale()): string {
  return formatter(`time|${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(new Date(iso));
}

export function formatPercent(value: number, locale = userLocale()): string {
  return formatter(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })).format(value / 100);
}

/** A count of things, grouped as the person reads numbers ("12,345"). */
export function formatCount(n: number, locale = userLocale()): string {
  return formatter(`count|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
}

/** A quantity in a product's unit (up to three decimals: kg, m, l), "1,250.5". */
export function formatQuantity(qty: number, locale = userLocale()): string {
  return formatter(`quantity|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })).format(qty);
}

export const formatPhone = formatPhoneInternational;

/** A file size in the person's units ("1.2 MB"). */
export function formatFileSize(bytes: number, locale = userLocale()): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  // "29 bytes": the short form of a byte is "byte" whatever the number.
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 }).format(value);
}

/** A country's name in the person's language ("HU" → "Hungary"); the code when it has none. */
export function formatCountry(code: string, locale = userLocale()): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A length of time as people say it, in its largest whole unit: "1 day", "3 hours", "5 minutes",
 * "40 seconds" (a clock 86,400 seconds off is a day off).
 */
export function formatDuration(ms: number, locale = userLocale()): string {
  const units = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ] as const;
  const [unit, size] = units.find(([, size]) => Math.abs(ms) >= size) ?? units[3];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.round(ms / size));
}
