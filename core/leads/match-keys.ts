/**
 * Duplicate matching for lead capture: while a manager types a lead at the booth, existing
 * clients, contacts and leads that are probably the same person or company are shown.
 *
 * Every record is reduced once to `MatchKeys` (normalised emails, phone keys, a company key
 * and a person key) and keys are compared for equality, so checking the typed lead against a
 * few thousand records is a loop of string comparisons. The keys fold case, diacritics and
 * script (via any-ascii), so "ООО «Ромашка»" finds "Romashka LLC" and "Иван Петров" finds
 * "PETROV Ivan".
 *
 * The rule for how much a match counts (see `matchStrength`):
 * - strong: the same email, the same phone, or the same company key. These almost always mean
 *   the same person or company, so the app should offer to open or merge the existing record.
 * - medium: the same person name (all words equal, in any order). Names repeat across companies,
 *   so this is shown but not treated as a duplicate by itself.
 * - medium, too: `company_similar`, the company keys differ by a typo or a spelling variant, at
 *   most one edit per six letters ("Harbor Fixings" and "Harbour Fixings", `withinTypos`).
 * - weak: `company_prefix`, the candidate's company key starts with what has been typed so far
 *   (at least 3 characters), because the manager is probably still typing the name; and
 *   `person_similar`, the person keys differ by a typo ("Jon Smith", "John Smith").
 * Candidates sort by `matchRank`, a weighted count (strong 100, medium 10, weak 1), so any
 * strong reason outranks any mix of weaker ones and more reasons of a kind rank higher.
 * Empty keys never match: two leads without email do not "match on email".
 */
import { foldAscii, foldNative } from '../search-text';
import { isCheckedPhone, readPhone } from '../phone';
import { CJK_LEGAL_FORMS, LEGAL_FORMS, type LegalFormPosition } from './legal-forms';

// ---------------------------------------------------------------------------------------------
// Tokens

/** A word of a name, folded two ways: in its own script and as ASCII. */
interface Token {
  /** Lowercase, without Latin/Cyrillic diacritics, in its own script ("ооо"). */
  native: string;
  /** Lowercase ASCII transliteration ("ooo"); the native form when any-ascii gives nothing. */
  key: string;
}

// Apostrophes join rather than split: "O'Brien" is "obrien" however it is typed, and the
// transliterated soft sign ("Khmel'nyts'kyi") is not a word boundary.
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;
const NOT_ASCII = /[^ -~\t\n\r]/;

/**
 * Splits a name into folded words. Runs of one-character words are joined, so that dotted and
 * spaced abbreviations compare equal to their plain form: "S.A.", "S. A." and "SA" all give
 * "sa", "L.L.C." gives "llc", "I.B.M." gives "ibm".
 */
function tokenize(text: string): Token[] {
  // NFKC leaves printable ASCII as it is, and most names are just that: normalising them all cost more than the rest.
  const words = (NOT_ASCII.test(text) ? text.normalize('NFKC') : text).replace(APOSTROPHES, '').split(NON_WORD);
  const tokens: Token[] = [];
  let previousWasSingle = false;
  for (const word of words) {
    const { native, key, single } = foldWord(word);
    if (!native) continue;
    const last = tokens[tokens.length - 1];
    if (single && previousWasSingle && last) {
      last.native += native;
      last.key += key;
    } else {
      tokens.push({ native, key });
    }
    previousWasSingle = single;
  }
  return tokens;
}

/**
 * A word's two folds, remembered: the words of names repeat (legal forms, "Trading", "Ivan"), and
 * folding them (Unicode normalisation, transliteration) was most of keying the 200 000 names of
 * a large client base for an import. Forgotten when the memory holds too many.
 */
const wordFolds = new Map<string, { native: string; key: string; single: boolean }>();
const MAX_WORD_FOLDS = 50_000;

function foldWord(word: string): { native: string; key: string; single: boolean } {
  let folded = wordFolds.get(word);
  if (!folded) {
    const native = foldNative(word);
    // Transliterate the original word, not the native fold: foldNative turns "й" into "и",
    // which would give "Yoshkar" as "ioshkar".
    const key = native ? foldAscii(word).replace(/ /g, '') || native : '';
    folded = { native, key, single: [...native].length === 1 };
    if (wordFolds.size >= MAX_WORD_FOLDS) wordFolds.clear();
    wordFolds.set(word, folded);
  }
  return folded;
}

// ---------------------------------------------------------------------------------------------
// Companies

interface CompiledLegalForm {
  words: string[];
  at: LegalFormPosition;
  nativeOnly: boolean;
}

// Forms go through the same tokeniser as names, so they match however the name spells them.
// Longest first: "GmbH & Co. KG" goes as a whole before "KG" is tried alone.
const COMPILED_FORMS: readonly CompiledLegalForm[] = LEGAL_FORMS.map((form) => {
  const nativeOnly = form.nativeOnly === true;
  const words = tokenize(form.text).map((t) => (nativeOnly ? t.native : t.key));
  return { words, at: form.at, nativeOnly };
}).sort((a, b) => b.words.length - a.words.length);

/**
 * The forms that could start or end at a token, by that word (native or key): a name is checked
 * against a handful instead of every form — an import of thousands makes a key for each of the
 * client base's 200 000 names. Each list keeps COMPILED_FORMS' order (longest first).
 */
function formsBy(word: (f: CompiledLegalForm) => string): Map<string, CompiledLegalForm[]> {
  const out = new Map<string, CompiledLegalForm[]>();
  for (const form of COMPILED_FORMS) {
    const key = word(form);
    const list = out.get(key);
    if (list) list.push(form);
    else out.set(key, [form]);
  }
  return out;
}
const FORMS_BY_FIRST = formsBy((f) => f.words[0] ?? '');
const FORMS_BY_LAST = formsBy((f) => f.words[f.words.length - 1] ?? '');
const ORDER = new Map(COMPILED_FORMS.map((f, i) => [f, i]));

/** The forms whose edge word is this token's native text or key, in COMPILED_FORMS' order. */
function formsAt(by: ReadonlyMap<string, CompiledLegalForm[]>, token: Token | undefined): readonly CompiledLegalForm[] {
  if (!token) return [];
  const byKey = by.get(token.key) ?? [];
  const byNative = token.native === token.key ? [] : (by.get(token.native) ?? []);
  if (byNative.length === 0) return byKey;
  return [...new Set([...byKey, ...byNative])].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
}

function formAt(tokens: readonly Token[], from: number, form: CompiledLegalForm): boolean {
  return form.words.every((word, i) => {
    const token = tokens[from + i];
    return token !== undefined && (form.nativeOnly ? token.native : token.key) === word;
  });
}

const BEYOND_U3000 = /[\u3000-\uffff]/;

/** Removes CJK legal forms from either end of the text; they are not separate words there. */
function stripCjkForms(text: string): string {
  // Every CJK legal form has a character from U+3000 up (also before NFKC: "㈱", "（株）").
  if (!BEYOND_U3000.test(text)) return text;
  let rest = text.normalize('NFKC').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of CJK_LEGAL_FORMS) {
      if (rest.length <= form.length) continue;
      if (rest.startsWith(form)) rest = rest.slice(form.length).trim();
      else if (rest.endsWith(form)) rest = rest.slice(0, -form.length).trim();
      else continue;
      changed = true;
    }
  }
  return rest;
}

/**
 * The company name reduced for comparison: transliterated to lowercase ASCII, without
 * punctuation, spaces or legal forms at its start or end. "ООО «Ромашка»", "Romashka LLC" and
 * "ROMASHKA, OOO" all give "romashka"; "Ромашка-Строй" gives "romashkastroy".
 *
 * Words are joined without spaces so that "Data Soft", "Data-Soft" and "DataSoft" are one
 * company. A name made only of legal forms (a company called "AG") keeps them all rather than
 * becoming empty, since an empty key matches nothing. Returns '' for a blank name.
 */
export function companyKey(name: string): string {
  return companyTokens(name)
    .map((t) => t.key)
    .join('');
}

/**
 * The words of a company name without its legal forms, as ASCII: what to search the client base
 * for ("ООО «Ромашка Плюс»" → ["romashka", "plyus"]).
 */
export function companyWords(name: string): string[] {
  return companyTokens(name).map((t) => t.key);
}

function companyTokens(name: string): Token[] {
  const stripped = tokenize(stripCjkForms(name));
  const tokens = stripped.length === 0 ? tokenize(name) : stripped;

  let lo = 0;
  let hi = tokens.length;
  for (;;) {
    const width = hi - lo;
    const tail = formsAt(FORMS_BY_LAST, tokens[hi - 1]).find((f) => f.at !== 'start' && f.words.length <= width && formAt(tokens, hi - f.words.length, f));
    if (tail) {
      hi -= tail.words.length;
      continue;
    }
    const head = formsAt(FORMS_BY_FIRST, tokens[lo]).find((f) => f.at !== 'end' && f.words.length <= width && formAt(tokens, lo, f));
    if (head) {
      lo += head.words.length;
      continue;
    }
    break;
  }
  // A name made only of legal forms keeps them all.
  return lo < hi ? tokens.slice(lo, hi) : tokenize(name);
}

// ---------------------------------------------------------------------------------------------
// People, emails, phones

// Titles from business cards; "Dr. Hans Müller" is the contact "Hans Müller".
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'herr', 'frau']);

/**
 * A person's name reduced for comparison: ASCII words, sorted, so the order of given and family
 * name does not matter ("Petrov Ivan", "Иван Петров" and "IVAN PETROV" all give
 * "ivan petrov"). Leading titles are dropped. Returns '' for a blank name.
 */
export function personNameKey(name: string): string {
  const words = tokenize(name).map((t) => t.key);
  while (words.length > 1 && HONORIFICS.has(words[0] ?? '')) words.shift();
  return words.sort().join(' ');
}

// One "@", no spaces or address-list punctuation in the local part, a domain of dot-separated
// labels (international letters allowed), and a top-level domain of two letters or more.
const EMAIL = /^[^\s@<>()[\],;:"]+@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/**
 * An email address as compared: trimmed, NFC, lowercase; null when it does not look like
 * local@domain.tld. The local part is lowercased too: mail servers may treat it as
 * case-sensitive, but people do not, and a false "possible duplicate" only costs a glance.
 * Dots and "+tags" are kept: they are significant on most company mail servers.
 */
export function emailKey(raw: string): string | null {
  const email = raw
    .normalize('NFC')
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL.test(email) ? email : null;
}

/**
 * A phone number as compared, read with `readPhone` in `regions`: a checked number's E.164 without
 * its extension (two extensions of one switchboard are one company), or the digits of text kept as
 * typed ("07833 445566" typed twice with no region matches itself), or null when it has fewer than
 * six digits. The two kinds never equal each other: only one starts with "+".
 */
export function phoneKey(raw: string, regions: readonly string[] = []): string | null {
  const stored = readPhone(raw, regions);
  if (isCheckedPhone(stored)) return stored.replace(/;ext=\d+$/, '');
  const digits = stored.replace(/\D/g, '');
  return digits.length >= 6 ? digits : null;
}

// ---------------------------------------------------------------------------------------------
// Comparing records

/** The keys of one record (the typed lead, or a client, contact or lead), computed once. */
export interface MatchKeys {
  /** Distinct email keys; text that is not an email is left out. */
  emails: readonly string[];
  /** Distinct `phoneKey`s; text with too few digits is left out. */
  phones: readonly string[];
  /** `companyKey` of the company name; '' when there is none. */
  company: string;
  /** `personNameKey` of the person's name; '' when there is none. */
  person: string;
}

export interface MatchInput {
  personName?: string;
  phones?: readonly string[];
  emails?: readonly string[];
  companyName?: string;
  /** The regions numbers typed without a country code are read in, in order (`phoneRegions`). */
  regions?: readonly string[];
}

function distinct(keys: readonly (string | null)[]): string[] {
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

export function matchKeysOf(input: MatchInput): MatchKeys {
  return {
    emails: distinct((input.emails ?? []).map(emailKey)),
    phones: distinct((input.phones ?? []).map((p) => phoneKey(p, input.regions))),
    company: companyKey(input.companyName ?? ''),
    person: personNameKey(input.personName ?? ''),
  };
}

export const MATCH_REASONS = ['email', 'phone', 'company', 'person', 'company_similar', 'person_similar', 'company_prefix'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export type MatchStrength = 'strong' | 'medium' | 'weak';

const STRENGTH_OF: Record<MatchReason, MatchStrength> = {
  email: 'strong',
  phone: 'strong',
  company: 'strong',
  person: 'medium',
  company_similar: 'medium',
  person_similar: 'weak',
  company_prefix: 'weak',
};

/** Typed company keys shorter than this say too little to suggest anything. */
export const MIN_COMPANY_PREFIX = 3;

const shareAny = (a: readonly string[], b: readonly string[]) => a.some((k) => b.includes(k));

/**
 * Why `candidate` may be the record being typed, strongest first; empty when it is unrelated.
 * `typed` is the lead being entered: only its company key is taken as possibly unfinished.
 */
export function compareMatchKeys(typed: MatchKeys, candidate: MatchKeys): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (shareAny(typed.emails, candidate.emails)) reasons.push('email');
  if (shareAny(typed.phones, candidate.phones)) reasons.push('phone');
  if (typed.company !== '' && typed.company === candidate.company) reasons.push('company');
  if (typed.person !== '' && typed.person === candidate.person) reasons.push('person');
  if (typed.company !== candidate.company && withinTypos(typed.company, candidate.company)) reasons.push('company_similar');
  if (typed.person !== candidate.person && withinTypos(typed.person, candidate.person)) reasons.push('person_similar');
  if (typed.company.length >= MIN_COMPANY_PREFIX && candidate.company !== typed.company && candidate.company.startsWith(typed.company)) {
    reasons.push('company_prefix');
  }
  return reasons;
}

/** Letters per typo tolerated: "Harbor Fixings" (13 letters, 2 edits) finds "Harbour Fixings". */
export const LETTERS_PER_EDIT = 6;

/** How many edits two keys of these lengths may differ by: one per six letters of the shorter. */
export const editsAllowed = (a: string, b: string) => Math.floor(Math.min(a.length, b.length) / LETTERS_PER_EDIT);

/**
 * Whether two keys (already folded and transliterated, so "Ромашка" and "Romashka" are alike)
 * differ by at most `editsAllowed` typos: a letter added, left out, changed, or two neighbours
 * swapped (optimal string alignment distance). Keys under six letters must be equal, and an empty
 * key matches nothing.
 */
export function withinTypos(a: string, b: string): boolean {
  const max = editsAllowed(a, b);
  if (max === 0 || Math.abs(a.length - b.length) > max) return false;
  return editDistanceAtMost(a, b, max);
}

/**
 * Optimal string alignment distance ≤ max, in a band of width 2·max + 1 (keys are short). Three
 * rows in one module-wide buffer, addressed by offset: an import of thousands compares keys
 * hundreds of thousands of times, and new arrays (or views of one) per call were most of the work.
 */
let distanceRows = new Int32Array(3 * 64);

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  const n = b.length;
  const width = n + 1;
  if (distanceRows.length < 3 * width) distanceRows = new Int32Array(3 * width * 2);
  const rows = distanceRows;
  const big = max + 1;
  // Offsets of the row before the previous one, the previous one and the current one.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  rows.fill(big, before, before + width);
  for (let j = 0; j <= n; j += 1) rows[previous + j] = j <= max ? j : big;
  for (let i = 1; i <= a.length; i += 1) {
    rows.fill(big, current, current + width);
    rows[current] = i <= max ? i : big;
    let best = rows[current]!;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = Math.max(1, i - max), last = Math.min(n, i + max); j <= last; j += 1) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost);
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) d = Math.min(d, rows[before + j - 2]! + 1);
      rows[current + j] = d;
      if (d < best) best = d;
    }
    if (best > max) return false;
    [before, previous, current] = [previous, current, before];
  }
  return rows[previous + n]! <= max;
}

/** The strength of the strongest reason, or null when there is none. */
export function matchStrength(reasons: readonly MatchReason[]): MatchStrength | null {
  const strengths = reasons.map((r) => STRENGTH_OF[r]);
  if (strengths.includes('strong')) return 'strong';
  if (strengths.includes('medium')) return 'medium';
  if (strengths.includes('weak')) return 'weak';
  return null;
}

const WEIGHT: Record<MatchStrength, number> = { strong: 100, medium: 10, weak: 1 };

/**
 * A number to sort candidates by, higher first: any strong reason outranks any number of
 * weaker ones (at most two weaker reasons exist), then more reasons rank higher.
 */
export function matchRank(reasons: readonly MatchReason[]): number {
  return reasons.reduce((sum, r) => sum + WEIGHT[STRENGTH_OF[r]], 0);
}
