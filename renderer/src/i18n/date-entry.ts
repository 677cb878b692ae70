/**
 * A calendar day typed and shown in the person's locale (the one dates are shown in everywhere,
 * `userLocale`): "22/11/2026" in en-GB, "11/22/2026" in en-US, "2026. 11. 22." in Hungarian. The
 * browser's own date field follows the browser's interface language, not the page's locale: a
 * laptop whose Chromium is in American English showed "mm/dd/yyyy" beside dates shown as
 * "22 Nov 2026" (the field test, en-GB). Stored as ISO "YYYY-MM-DD", as before.
 */
import { userLocale } from './format';

type Part = 'day' | 'month' | 'year';

interface DateShape {
  /** The order the locale writes the numbers in. */
  order: Part[];
  /** The locale's own way, for a day: its parts and the text between them. */
  parts: Intl.DateTimeFormatPart[];
}

const shapes = new Map<string, DateShape>();
function shapeOf(locale: string): DateShape {
  let shape = shapes.get(locale);
  if (!shape) {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 22)));
    const order = parts.map((p) => p.type).filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
    shapes.set(locale, (shape = { order, parts }));
  }
  return shape;
}

/** "2026-11-22" as the locale writes a day in numbers ("22/11/2026"); '' for no day. */
export function formatDateEntry(iso: string, locale = userLocale()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const values: Record<Part, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return shapeOf(locale)
    .parts.map((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? values[p.type] : p.value))
    .join('');
}

/**
 * The locale's shape with words for its parts ("dd/mm/yyyy" with `words` { day: 'dd', … }), for a
 * placeholder that says what to type.
 */
export function dateEntryPattern(words: Record<Part, string>, locale = userLocale()): string {
  return shapeOf(locale)
    .parts.map((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? words[p.type] : p.value))
    .join('');
}

/**
 * A day typed in the locale's order ("22/11/2026", "22.11.26", "22 11 2026"), or as ISO
 * ("2026-11-22"): "YYYY-MM-DD", or null when it is no day. A two-digit year is this century's.
 */
export function parseDateEntry(text: string, locale = userLocale()): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numbers = iso ? [iso[1]!, iso[2]!, iso[3]!] : trimmed.split(/\D+/).filter(Boolean);
  if (numbers.length !== 3) return null;
  const order: Part[] = iso ? ['year', 'month', 'day'] : shapeOf(locale).order;
  const value: Partial<Record<Part, number>> = {};
  order.forEach((part, i) => (value[part] = Number(numbers[i])));
  const yearText = numbers[order.indexOf('year')]!;
  const year = yearText.length <= 2 ? 2000 + value.year! : value.year!;
  if (yearText.length === 3 || yearText.length > 4) return null;
  const { month = 0, day = 0 } = value;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
