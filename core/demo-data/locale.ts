/**
 * What the generator needs to know about one country and language to make believable
 * clients: word lists, places, phone numbering, tax ids. One file per locale under
 * `locales/`; `generate.ts` only combines them.
 */
import anyAscii from 'any-ascii';
import type { DecisionRole } from '../client-model';
import type { Rng } from './prng';

/** A word as shown, and its lowercase ASCII form for email addresses and domain names. */
export interface Word {
  text: string;
  ascii: string;
}

/** A national-number prefix and the full length of the national number it starts. */
export interface PhoneRange {
  prefix: string;
  length: number;
}

export interface DemoCity {
  name: string;
  region: string;
  /** Latin spelling, for locales whose clients write addresses in either script. */
  latin?: { name: string; region: string };
  postcode: (rng: Rng) => string;
  /** Landline ranges of the city, so a work phone's area code matches the address. */
  landlines: readonly PhoneRange[];
  /** Region code some tax ids start with (ИНН, GSTIN, Hungarian county code). */
  taxRegion: string;
}

export interface DemoCompany {
  name: string;
  legalName: string;
  /** Base of the company's domain name ("sinar-jaya"). */
  slug: string;
  /** Written in Latin letters (Hindi companies are written in either script). */
  latin: boolean;
}

export interface DemoPerson {
  name: string;
  /** ASCII given name and family name for email addresses; `last` may be empty. */
  first: string;
  last: string;
}

export interface DemoLocale {
  /** BCP 47 tag: the language and country the records are written for. */
  tag: string;
  language: 'en' | 'ru' | 'id' | 'ms' | 'hi' | 'hu';
  country: string;
  callingCode: string;
  currency: string;
  /** Units of the currency per US dollar, to scale credit limits and balances. */
  perUsd: number;
  /** Whether amounts carry cents in practice (rupiah and forint amounts are whole). */
  cents: boolean;
  tld: string;
  freeMail: readonly string[];
  cities: readonly DemoCity[];
  mobiles: readonly PhoneRange[];
  company(rng: Rng): DemoCompany;
  person(rng: Rng, latin: boolean): DemoPerson;
  street(rng: Rng, latin: boolean): string;
  taxId(rng: Rng, city: DemoCity, company: DemoCompany): string;
  contractNumber(rng: Rng, year: number): string;
  /** Positions; the first contact of a client gets one whose role is `decision_maker`. */
  positions: readonly (readonly [string, DecisionRole])[];
  industries: readonly string[];
  tags: readonly string[];
  contractTerms: readonly string[];
  notes: readonly string[];
}

/** Lowercase ASCII letters and digits only: safe in an email local part and a domain label. */
export function slugPart(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Words whose ASCII form is a plain transliteration (Latin with diacritics, Cyrillic). */
export function words(list: readonly string[]): Word[] {
  return list.map((text) => ({ text, ascii: slugPart(text) }));
}

/**
 * Words with a conventional Latin spelling. Devanagari needs these: a mechanical
 * transliteration gives "srma" for शर्मा, which nobody would type for Sharma.
 */
export function pairs(list: readonly (readonly [string, string])[]): (Word & { latin: string })[] {
  return list.map(([text, latin]) => ({ text, latin, ascii: slugPart(latin) }));
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Postcodes drawn from a numeric range, zero-padded to `width`. */
export const postcodeRange =
  (from: number, to: number, width = String(to).length) =>
  (rng: Rng): string =>
    pad(rng.range(from, to), width);

/** Phone ranges of one length. */
export const phones = (length: number, ...prefixes: string[]): PhoneRange[] => prefixes.map((prefix) => ({ prefix, length }));

/** Two distinct items (lists here always hold at least two). */
export function pickTwo<T>(rng: Rng, items: readonly T[]): [T, T] {
  const i = rng.int(items.length);
  const j = (i + 1 + rng.int(items.length - 1)) % items.length;
  return [items[i]!, items[j]!];
}

/** The slug of a name made of words: their ASCII forms joined by hyphens (or run together). */
export function slugOf(rng: Rng, parts: readonly Word[]): string {
  return parts
    .map((w) => w.ascii)
    .filter(Boolean)
    .join(rng.chance(0.5) ? '-' : '');
}
