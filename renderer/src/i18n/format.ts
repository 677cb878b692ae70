/**
 * Locale formatting of money, dates and phone numbers, in the locale of the person's language
 * unless they picked another format (a Hungarian manager with the English UI may keep
 * "1 234 567 Ft" and "2026. 11. 22."; language.ts).
 */
import type { TFunction } from 'i18next';
import { formatPhoneInternational } from '../../../core/phone';
import { minorUnitExponent } from '../../../core/pricing/money';
import { currentLocale, currentWordsLocale } from './language';

/** The locale of the person's language, or of the format they picked (language.ts). */
export const userLocale = (): string => currentLocale();

/** The locale of words beside the figures: the UI language's (language.ts currentWordsLocale). */
export const wordsLocale = (): string => currentWordsLocale();

/**
 * One formatter per locale and options: building an Intl formatter costs far more than using
 * one, and a list formats a figure in every row it renders.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
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

/** A calendar date ("2026-11-22") or an instant as a Date of its local day. */
export const localDay = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso));

/** A calendar date ("2026-11-22") or an instant, shown as a local date. */
export function formatDate(iso: string, locale = userLocale()): string {
  if (!iso) return '';
  return formatter(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(localDay(iso));
}

/**
 * From one day to another as the locale writes it, the month and year said once: "7–9 Dec 2026",
 * "7–9 дек. 2026 г.", "2026. dec. 7–9."; one day when both are the same. Never two dates joined
 * by a dash of ours, which would repeat the month and year.
 */
export function formatDateRange(from: string, to: string, locale = userLocale()): string {
  if (!from || !to || from === to) return formatDate(from || to, locale);
  return formatter(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).formatRange(localDay(from), localDay(to));
}

/** Whole calendar days from `today` to `day` (both "YYYY-MM-DD"; an instant counts by its local day): -1 is yesterday. */
export function daysFrom(today: string, day: string): number {
  const d = localDay(day);
  const utc = (y: number, m: number, dd: number) => Date.UTC(y, m, dd) / 86_400_000;
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return Math.round(utc(d.getFullYear(), d.getMonth(), d.getDate()) - utc(ty, tm - 1, td));
}

/**
 * A day said from today in the UI's language, as the locale says it: "yesterday", "today", "in 3
 * days", "3 дня назад", "कल". Never alone on a screen: Hindi "कल" is yesterday and tomorrow,
 * "in 3 days" is another day tomorrow: `relativeDayText` puts the date beside it.
 */
export function formatRelativeDay(day: string, today: string, locale = wordsLocale()): string {
  return formatRelativeDays(daysFrom(today, day), locale);
}

/** `days` from today in words: -1 "yesterday", 0 "today", 3 "in 3 days". */
export function formatRelativeDays(days: number, locale = wordsLocale()): string {
  return formatter(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(days, 'day');
}

/**
 * A day said from today with its date beside it: "yesterday (6 Dec 2026)", "कल (8 दिस॰ 2026)",
 * "3 дня назад (4 дек. 2026 г.)"; `days` when it is counted otherwise (a count dated after today is today's).
 */
export function relativeDayText(day: string, today: string, t: TFunction, days = daysFrom(today, day)): string {
  return t('relativeDay', { relative: formatRelativeDays(days), date: formatDate(day) });
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
export function formatCountry(code: string, locale = wordsLocale()): string {
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
export function formatDuration(ms: number, locale = wordsLocale()): string {
  const units = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ] as const;
  const [unit, size] = units.find(([, size]) => Math.abs(ms) >= size) ?? units[3];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.round(ms / size));
}
