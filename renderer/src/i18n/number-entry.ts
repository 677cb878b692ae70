/**
 * A number typed by the person, read in their format locale (the one numbers are shown in,
 * `userLocale`): "1 234,5" in Russian and Hungarian (with a plain, no-break or narrow no-break
 * space), "1.234,5" in Indonesian, "1,234.5" in English and Malay, "12,34,567.5" in Hindi. What
 * could be read two ways is never guessed: "1.234" on a Russian laptop may be a thousand and
 * more or one and a bit, and the field keeps it as typed and asks (NumberField.tsx).
 *
 * The rules, in order:
 * - the locale's decimal mark once is the decimal mark ("1,5" in ru, "1.5" in en);
 * - both marks: the last one, once, is the decimal mark and the other groups ("1.234,5" and
 *   "1,234.5" read alike everywhere: no locale writes them the other way round);
 * - a mark twice or more groups ("1.234.567");
 * - the locale's group mark once groups when three digits follow ("1.234" is 1234 in id, "1,234"
 *   in en); before one, two or four digits it is no number of the locale ("1,5" in en: the
 *   person may mean 1.5 or have left out a digit of 1,500);
 * - a mark the locale does not use (a dot in ru and hu, whose groups are spaces) is a decimal
 *   mark, except before exactly three digits, where it may be either: ambiguous;
 * - groups are of three digits, or Indian (the last of three, the others of two: 12,34,567),
 *   whatever the locale; spaces of any kind group.
 */
import type { TFunction } from 'i18next';
import { userLocale } from './format';

export interface NumberMarks {
  decimal: string;
  group: string;
}

export type NumberEntry =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  /** The two numbers the text may mean, the grouped one first ("1.234": 1234 and 1.234); the person is asked which. */
  | { kind: 'ambiguous'; readings: [number, number] }
  | { kind: 'unreadable' };

const marks = new Map<string, NumberMarks>();
/** The locale's decimal and group marks, as Intl writes 1 234 567,5. */
export function numberMarks(locale = userLocale()): NumberMarks {
  let m = marks.get(locale);
  if (!m) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    m = { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
    marks.set(locale, m);
  }
  return m;
}

/** Spaces a person or a copied figure may group digits with: plain, no-break, narrow no-break, thin, figure. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const isSpace = (mark: string) => /^[\s\u00a0\u202f\u2009\u2007]$/.test(mark);

/** Devanagari digits (०१२…) as the ASCII ones: a Hindi keyboard may type them. */
const asciiDigits = (s: string) => s.replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966));

/** Whether `int` is digits grouped by `sep` in threes, or the Indian way; ungrouped digits too. */
function groupedWell(int: string, sep: string): boolean {
  const groups = int.split(sep);
  if (groups.some((g) => !/^\d+$/.test(g))) return false;
  if (groups.length === 1) return true;
  const [first, ...rest] = groups;
  // "0,123" is no grouped number: a leading zero says the mark is a decimal one.
  if (first!.startsWith('0')) return false;
  const western = first!.length <= 3 && rest.every((g) => g.length === 3);
  const indian = first!.length <= 2 && rest.at(-1)!.length === 3 && rest.slice(0, -1).every((g) => g.length === 2);
  return western || indian;
}

const number = (sign: string, int: string, fraction: string): NumberEntry => ({ kind: 'number', value: Number(`${sign}${int || '0'}.${fraction || '0'}`) });

/** What `text` says as a number in `locale` (see the rules above). */
export function parseNumberEntry(text: string, locale = userLocale()): NumberEntry {
  let s = asciiDigits(text).trim();
  if (!s) return { kind: 'empty' };
  const signMatch = /^([-+\u2212])\s*/.exec(s);
  const sign = signMatch && signMatch[1] !== '+' ? '-' : '';
  if (signMatch) s = s.slice(signMatch[0].length);
  // Any kind of space groups; two in a row are a slip, not a number.
  s = s.replace(SPACES, ' ');
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s) || / {2}/.test(s) || /^ | $/.test(s)) return { kind: 'unreadable' };
  const { decimal, group } = numberMarks(locale);
  const localGroup = isSpace(group) ? ' ' : group;
  const hasSpaces = s.includes(' ');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;

  // Digits and spaces alone: a whole number, grouped by spaces or not at all.
  if (dots === 0 && commas === 0) return groupedWell(s, ' ') ? number(sign, s.replaceAll(' ', ''), '') : { kind: 'unreadable' };

  // Both marks: the last one, once, is the decimal mark; the other groups.
  if (dots > 0 && commas > 0) {
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const sep = dec === '.' ? ',' : '.';
    const [int, fraction, ...more] = s.split(dec);
    if (more.length || hasSpaces || !/^\d*$/.test(fraction!) || !groupedWell(int!, sep)) return { kind: 'unreadable' };
    return number(sign, int!.replaceAll(sep, ''), fraction!);
  }

  const mark = dots > 0 ? '.' : ',';
  const [int, fraction, ...more] = s.split(mark);
  // Twice or more: it groups.
  if (more.length) {
    if (hasSpaces || !groupedWell(s, mark)) return { kind: 'unreadable' };
    return number(sign, s.replaceAll(mark, ''), '');
  }
  const intGroupedBySpaces = int === '' || groupedWell(int!, ' ');
  if (!/^\d*$/.test(fraction!)) return { kind: 'unreadable' };
  // Once, the locale's decimal mark.
  if (mark === decimal) return intGroupedBySpaces && (int !== '' || fraction !== '') ? number(sign, int!.replaceAll(' ', ''), fraction!) : { kind: 'unreadable' };
  // Once, the locale's group mark: a group of three after it, else no number of this locale.
  if (mark === localGroup) {
    if (hasSpaces || fraction!.length !== 3 || int === '') return { kind: 'unreadable' };
    return groupedWell(`${int}${mark}${fraction}`, mark) ? number(sign, `${int}${fraction}`, '') : { kind: 'unreadable' };
  }
  // Once, a mark the locale does not use (a dot where spaces group): a decimal mark, unless three
  // digits follow it, as they follow a group mark elsewhere ("1.234").
  if (!intGroupedBySpaces || (int === '' && fraction === '')) return { kind: 'unreadable' };
  if (fraction!.length === 3 && int !== '' && !hasSpaces && !int!.startsWith('0')) {
    return { kind: 'ambiguous', readings: [Number(`${sign}${int}${fraction}`), Number(`${sign}${int}.${fraction}`)] };
  }
  return number(sign, int!.replaceAll(' ', ''), fraction!);
}

const entryFormats = new Map<string, Intl.NumberFormat>();
/**
 * A number as a field shows it when the person is not typing in it: grouped and with the decimal
 * mark of the locale ("1 234,5"), up to `maxFractionDigits` decimals; '' for no number.
 */
export function formatNumberEntry(value: number | null | undefined, locale = userLocale(), maxFractionDigits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const key = `${locale}|${maxFractionDigits}`;
  let f = entryFormats.get(key);
  if (!f) entryFormats.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits })));
  return f.format(value);
}

/**
 * What a field says of an entry that is no number ("Type a number, like 1 234,5") or could be two
 * ("Did you mean 1 234 or 1,234?"), in `locale`'s way; null for a number or nothing typed.
 */
export function numberEntryMessage(entry: NumberEntry, t: TFunction, locale = userLocale(), { integer = false, maxFractionDigits = 3 } = {}): string | null {
  const show = (n: number) => formatNumberEntry(n, locale, integer ? 0 : maxFractionDigits);
  if (entry.kind === 'unreadable') return t('numberEntry.unreadable', { example: show(integer ? 1234 : 1234.5) });
  if (entry.kind === 'ambiguous') return t('numberEntry.ambiguous', { first: show(entry.readings[0]), second: show(entry.readings[1]) });
  return null;
}
