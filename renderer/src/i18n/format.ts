/**
 * Locale formatting of money, dates and phone numbers. The locale is the person's (from the
 * OS/browser), independent of the UI language, so a Hungarian manager using the English UI
 * still sees "1 234 567 Ft" and "2026. 11. 22.".
 */
import { formatPhoneInternational } from '../../../core/phone';

export const userLocale = (): string => navigator.language || 'en';

const cache = new Map<string, Intl.NumberFormat>();

/** Money stored as integer minor units (hundredths) of `currency`. */
export function formatMoney(minor: number, currency: string, locale = userLocale()): string {
  const key = `${locale}|${currency}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
    cache.set(key, nf);
  }
  return nf.format(minor / 100);
}

/** A calendar date ("2026-11-22") or an instant, shown as a local date. */
export function formatDate(iso: string, locale = userLocale()): string {
  if (!iso) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string, locale = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatPercent(value: number, locale = userLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

export const formatPhone = formatPhoneInternational;

/** A file size in the person's units ("1.2 MB"). */
export function formatFileSize(bytes: number, locale = userLocale()): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
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
