/**
 * Country names as people write them on cards and in address books ("USA", "U.S.A.", "United
 * States of America", "Deutschland", "Россия", "Magyarország", "UK", "Great Britain", "Bharat")
 * read as ISO 3166-1 alpha-2 codes.
 *
 * The table is every region's name in the languages our users write (the UI's six, and the
 * neighbours whose names turn up on cards), made once from `Intl.DisplayNames` — nothing to keep
 * up to date by hand — plus the short forms and old names no locale gives (ALIASES). Names are
 * compared folded: case, accents, dots and spaces do not count ("u.s.a." is "usa").
 */
import { getCountries } from 'libphonenumber-js/max';

/** The UI's languages (en, hu, ru, hi, id, ms) and the languages of the neighbouring markets. */
const LANGUAGES = ['en', 'hu', 'ru', 'hi', 'id', 'ms', 'de', 'fr', 'es', 'it', 'pl', 'cs', 'sk', 'ro', 'uk', 'nl', 'pt', 'tr', 'sv', 'zh', 'ja'];

/** Forms no locale's display name gives: abbreviations, official long names, old and local names. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  'united states of america': 'US',
  america: 'US',
  сша: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  bharat: 'IN',
  'republic of india': 'IN',
  भारत: 'IN',
  рф: 'RU',
  'российская федерация': 'RU',
  'russian federation': 'RU',
  'republik indonesia': 'ID',
  'republic of indonesia': 'ID',
  brd: 'DE',
  'federal republic of germany': 'DE',
  'bundesrepublik deutschland': 'DE',
  holland: 'NL',
  'the netherlands': 'NL',
  'czech republic': 'CZ',
  'slovak republic': 'SK',
  turkey: 'TR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  uae: 'AE',
  'u a e': 'AE',
  prc: 'CN',
  "people's republic of china": 'CN',
  'hong kong sar': 'HK',
};

/** A name folded for comparison: lower case, no accents (Latin, Cyrillic й/ё kept apart from и/е is not needed here), no dots or punctuation, single spaces. */
export function foldCountryName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

let table: Map<string, string> | null = null;

function countryTable(): Map<string, string> {
  if (table) return table;
  const codes = getCountries() as string[];
  const names = new Map<string, string>();
  for (const language of LANGUAGES) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      continue; // a runtime without this language's data
    }
    for (const code of codes) {
      const name = display.of(code);
      if (!name || name === code) continue;
      const key = foldCountryName(name);
      if (!names.has(key)) names.set(key, code);
      // "Bosnia & Herzegovina" is also written with "and"; "St. Lucia" with "Saint".
      if (key.includes(' & ')) names.set(key.replace(' & ', ' and '), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) names.set(foldCountryName(alias), code);
  table = names;
  return table;
}

/**
 * The ISO 3166-1 alpha-2 code of a country as written, or '' when it names no country we know.
 * A two-letter code is taken as one when it is a region ("hu", Apple's X-ABADR "gb").
 */
export function countryCode(text: string | undefined): string {
  const value = (text ?? '').trim();
  if (!value) return '';
  if (/^[A-Za-z]{2}$/.test(value) && (getCountries() as string[]).includes(value.toUpperCase())) return value.toUpperCase();
  return countryTable().get(foldCountryName(value)) ?? '';
}
