/**
 * Search folding: how text is reduced so that search is case-, diacritic- and
 * script-insensitive. The same functions fold the indexed text and the query, which is
 * what makes "ugyfel" find "Ügyfél Kft", "ivanov" find "Иванов" and "Иван" find "Иванов".
 */
import anyAscii from 'any-ascii';
import { phoneDigitForms } from './phone';

// U+0300–U+036F are the combining diacritics of Latin, Cyrillic and Greek. Stripping only these
// (and not every \p{M}) keeps Devanagari vowel signs, which carry meaning rather than accent.
const DIACRITICS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/** Lowercase, without Latin/Cyrillic diacritics, in its own script ("ёлка" → "елка"). */
export function foldNative(text: string): string {
  return text.normalize('NFD').replace(DIACRITICS, '').normalize('NFC').toLowerCase().replace(NON_WORD, ' ').trim();
}

/** Lowercase ASCII transliteration ("Иванов" → "ivanov", "Ügyfél" → "ugyfel"). */
export function foldAscii(text: string): string {
  // Soft and hard signs transliterate to apostrophes ("Альфа" → "Al'fa"): drop, don't split.
  return anyAscii(text).toLowerCase().replace(/['"]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Both folds, or one when they are the same (plain Latin text). */
function foldBoth(text: string): string {
  const native = foldNative(text);
  const ascii = foldAscii(text);
  return native === ascii ? native : `${native} ${ascii}`;
}

/**
 * The searchable text of a record: words in both folds, each preceded by a space so that a
 * query word matches as a word prefix with a plain `includes(' ' + word)`, then a section of
 * digit strings (phones in every usual form, tax ids) matched as substrings. `phoneForms` gives
 * a phone's digit strings (`phoneDigitForms` unless the caller has a faster equivalent).
 */
export function buildHaystack(
  words: readonly string[],
  phones: readonly string[],
  otherDigits: readonly string[],
  phoneForms: (e164: string) => string[] = phoneDigitForms,
): string {
  const text = words.filter(Boolean).map(foldBoth).join(' ');
  const digits = [...phones.flatMap((p) => phoneForms(p)), ...otherDigits.map((d) => d.replace(/\D/g, '')).filter((d) => d.length >= 3)];
  return ` ${text} \u0001${digits.join(' ')} `;
}

/** A parsed query: words to match as prefixes, or a digit string to match anywhere. */
export interface SearchQuery {
  /** For each word, the folds that may match it (native and ASCII). */
  words: string[][];
  digits: string | null;
}

const PHONE_LIKE = /^[+\d\s().\-/]+$/;

export function parseQuery(raw: string): SearchQuery {
  const trimmed = raw.trim();
  const digitCount = trimmed.replace(/\D/g, '').length;
  if (digitCount >= 3 && PHONE_LIKE.test(trimmed)) {
    return { words: [], digits: trimmed.replace(/\D/g, '') };
  }
  const words = foldNative(trimmed)
    .split(' ')
    .filter(Boolean)
    .map((w) => {
      const ascii = foldAscii(w);
      return ascii && ascii !== w ? [` ${w}`, ` ${ascii}`] : [` ${w}`];
    });
  return { words, digits: null };
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.words.length === 0 && !q.digits;
}

/** Whether a haystack from `buildHaystack` matches a parsed query. Hot path: keep it lean. */
export function matchesHaystack(hay: string, q: SearchQuery): boolean {
  if (q.digits) return hay.includes(q.digits);
  for (const alternatives of q.words) {
    let found = false;
    for (const a of alternatives) {
      if (hay.includes(a)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Sort key for names: folded but still in its own script, so Latin, Cyrillic and Devanagari
 * names each sort in their own alphabetical order with a plain string comparison.
 */
export function sortKey(name: string): string {
  return foldNative(name);
}
