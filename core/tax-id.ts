/**
 * Tax and registration numbers checked per country, where the country has a format or a check
 * digit anyone can verify (Russia's ИНН, Hungary's adószám, India's GSTIN, Indonesia's NPWP,
 * Malaysia's SSM number, the UK VAT number, the US EIN), and EU and UK VAT numbers written with
 * their country prefix ("DE136695976", "ATU13585627", "GB980780684"), by the prefix's rules. A
 * number that fails is kept as typed and marked for a look — never refused: a tax number copied
 * from a letterhead with a typo is still better than none, and rules change (a country's new
 * format must not lock a client out).
 */

export type TaxIdProblem = 'format' | 'check_digit';

/** How a tax number was checked: by which country's rule, and what is wrong with it. */
export interface TaxIdCheck {
  /** The country (ISO 3166 alpha-2) whose rule the number was checked by. */
  country: string;
  /**
   * The VAT prefix the number starts with ("DE", "EL" for Greece, "XI" for Northern Ireland),
   * when it was checked as that country's VAT number; null when checked by the client's country.
   */
  vatPrefix: string | null;
  problem: TaxIdProblem | null;
  /**
   * The prefix names another country than the client's address: worth a gentle note (a foreign
   * branch's VAT number, or the wrong country on the card), never an error.
   */
  otherCountry: boolean;
}

/**
 * How `taxId` checks out for a client in `country` (ISO 3166 alpha-2, '' when unknown), or null
 * when nothing is typed or no rule is known. A number written with an EU or UK VAT prefix is
 * checked by that country's VAT rules, whatever the client's country: "DE136695976" on a UK
 * client is a German VAT number, not a bad UK one. Anything else by the client's country's rule.
 */
export function checkTaxId(taxId: string, country: string): TaxIdCheck | null {
  const text = taxId.trim();
  if (text === '') return null;
  const client = country.toUpperCase();
  const vat = vatPrefixOf(text);
  if (vat) {
    const vatCountry = VAT_PREFIXES[vat.prefix]!;
    return { country: vatCountry, vatPrefix: vat.prefix, problem: VAT_RULES[vat.prefix]!(vat.rest), otherCountry: client !== '' && client !== vatCountry };
  }
  const rule = RULES[client];
  return rule ? { country: client, vatPrefix: null, problem: rule(text), otherCountry: false } : null;
}

/** Why `taxId` does not look like a tax number of `country` (or of the country its VAT prefix names), or null when it does or no rule is known. */
export function taxIdProblem(taxId: string, country: string): TaxIdProblem | null {
  return checkTaxId(taxId, country)?.problem ?? null;
}

/** The countries with a rule (for tests and for the form's hint). */
export const TAX_ID_COUNTRIES = (): string[] => Object.keys(RULES);

type Rule = (text: string) => TaxIdProblem | null;

const digitsOf = (s: string) => [...s].map(Number);
const weighted = (digits: readonly number[], weights: readonly number[]) => weights.reduce((sum, w, i) => sum + w * digits[i]!, 0);

/** Russian ИНН: 10 digits (an organisation) or 12 (a person or sole trader), with check digits. */
function russianInn(text: string): 'format' | 'check_digit' | null {
  const s = text.replace(/\s/g, '');
  if (!/^(\d{10}|\d{12})$/.test(s)) return 'format';
  const d = digitsOf(s);
  const check = (weights: number[]) => (weighted(d, weights) % 11) % 10;
  if (s.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9] ? null : 'check_digit';
  const ok = check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
  return ok ? null : 'check_digit';
}

/** Hungarian adószám "12345678-2-41" (base number, VAT code, county), or the EU VAT form HU12345678. */
function hungarianTaxNumber(text: string): 'format' | 'check_digit' | null {
  const s = text.replace(/\s/g, '').toUpperCase();
  const m = /^(?:HU(\d{8})|(\d{8})-?([1-5])-?(\d{2}))$/.exec(s);
  if (!m) return 'format';
  const base = digitsOf(m[1] ?? m[2]!);
  const check = (10 - (weighted(base, [9, 7, 3, 1, 9, 7, 3]) % 10)) % 10;
  return check === base[7] ? null : 'check_digit';
}

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Indian GSTIN: state code, PAN, entity number, "Z", and a Luhn mod-36 check character. */
function indianGstin(text: string): 'format' | 'check_digit' | null {
  const s = text.replace(/\s/g, '').toUpperCase();
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z][A-Z0-9][0-9A-Z]$/.test(s)) return 'format';
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = BASE36.indexOf(s[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return BASE36[(36 - (sum % 36)) % 36] === s[14] ? null : 'check_digit';
}

/** Indonesian NPWP: 15 digits ("01.234.567.8-901.000") or, since 2024, 16 (the NIK-based form). */
function indonesianNpwp(text: string): 'format' | null {
  return /^(\d{15}|\d{16})$/.test(text.replace(/[\s.-]/g, '')) ? null : 'format';
}

/** Malaysian SSM registration number: 12 digits (year, entity type 01–06, number), or the old "123456-X". */
function malaysianSsm(text: string): 'format' | null {
  const s = text.replace(/\s/g, '').toUpperCase();
  if (/^\d{1,7}-?[A-Z]$/.test(s)) return null;
  const m = /^(\d{4})(0[1-6])\d{6}$/.exec(s);
  return m && Number(m[1]) >= 1900 ? null : 'format';
}

/** UK VAT number: GB and 9 digits (12 for a branch), mod-97 check digits in either scheme (before and after 2010). */
function ukVat(text: string): 'format' | 'check_digit' | null {
  const s = text.replace(/\s/g, '').toUpperCase().replace(/^GB/, '');
  if (/^(GD|HA)\d{3}$/.test(s)) return null; // government departments and health authorities
  if (!/^(\d{9}|\d{12})$/.test(s)) return 'format';
  const d = digitsOf(s);
  const sum = weighted(d, [8, 7, 6, 5, 4, 3, 2]) + Number(s.slice(7, 9));
  // 0 (before 2010), 42 (the 9755 scheme since) or 55 (numbers issued again from 100 on).
  return [0, 42, 55].includes(sum % 97) ? null : 'check_digit';
}

// IRS campus prefixes in use; others (07, 08, 09, 17 …) are never issued.
const EIN_PREFIXES = new Set(['01', '02', '03', '04', '05', '06', '10', '11', '12', '13', '14', '15', '16', '20', '21', '22', '23', '24', '25', '26', '27', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46', '47', '48', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '71', '72', '73', '74', '75', '76', '77', '80', '81', '82', '83', '84', '85', '86', '87', '88', '90', '91', '92', '93', '94', '95', '98', '99']);

/** US employer identification number "12-3456789", with a prefix the IRS issues. */
function usEin(text: string): 'format' | null {
  const m = /^(\d{2})-?(\d{7})$/.exec(text.replace(/\s/g, ''));
  return m && EIN_PREFIXES.has(m[1]!) ? null : 'format';
}

const RULES: Record<string, Rule> = {
  RU: russianInn,
  HU: hungarianTaxNumber,
  IN: indianGstin,
  ID: indonesianNpwp,
  MY: malaysianSsm,
  GB: ukVat,
  US: usEin,
};

/*
 * EU and UK VAT numbers (the European Commission's VIES formats), by their prefix. Check digits
 * where the country publishes them and the rule is one formula; the rest by format only (Spain's
 * NIF/NIE/CIF, Ireland's two schemes, Czech birth numbers … are no single formula). Each rule was
 * compared with python-stdnum's on 15 000 to 45 000 random numbers per country: it marks none that
 * python-stdnum takes as valid.
 */

/** VAT prefixes and the country each names: ISO codes, except Greece's EL and Northern Ireland's XI. */
const VAT_PREFIXES: Record<string, string> = {
  AT: 'AT', BE: 'BE', BG: 'BG', CY: 'CY', CZ: 'CZ', DE: 'DE', DK: 'DK', EE: 'EE', EL: 'GR', GR: 'GR', ES: 'ES', FI: 'FI',
  FR: 'FR', HR: 'HR', HU: 'HU', IE: 'IE', IT: 'IT', LT: 'LT', LU: 'LU', LV: 'LV', MT: 'MT', NL: 'NL', PL: 'PL', PT: 'PT',
  RO: 'RO', SE: 'SE', SI: 'SI', SK: 'SK', GB: 'GB', XI: 'GB',
};

/** The VAT prefix `text` starts with and what follows it (spaces, dots and dashes left out), or null. */
function vatPrefixOf(text: string): { prefix: string; rest: string } | null {
  const s = text.replace(/[\s.-]/g, '').toUpperCase();
  const m = /^([A-Z]{2})([0-9A-Z+*]{2,13})$/.exec(s);
  if (!m || !(m[1]! in VAT_PREFIXES)) return null;
  // A number after the prefix, not a word that begins like one ("Deferred", "SIREN 303 265 045"):
  // digits, but for the countries whose numbers begin with letters.
  const [, prefix, rest] = m as unknown as [string, string, string];
  const start = { AT: /^U\d/, FR: /^[0-9A-Z]{2}\d/, ES: /^[A-Z0-9]\d/, GB: /^(GD|HA|\d)\d/, XI: /^(GD|HA|\d)\d/ }[prefix] ?? /^\d/;
  return start.test(rest) ? { prefix, rest } : null;
}

const formatOnly =
  (pattern: RegExp): Rule =>
  (s) =>
    pattern.test(s) ? null : 'format';

/** A format and a check over the digits: 'format' when the pattern fails, 'check_digit' when the check does. */
const checked =
  (pattern: RegExp, check: (digits: number[], s: string) => boolean): Rule =>
  (s) => {
    if (!pattern.test(s)) return 'format';
    return check(digitsOf(s.replace(/\D/g, '')), s) ? null : 'check_digit';
  };

/** ISO 7064 MOD 11,10 over all but the last digit (Germany, Croatia). */
function mod11_10(d: number[]): boolean {
  let product = 10;
  for (const digit of d.slice(0, -1)) {
    const sum = (digit + product) % 10 || 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10 === d.at(-1);
}

/** Luhn over all the digits. */
function luhn(d: number[]): boolean {
  let sum = 0;
  d.toReversed().forEach((digit, i) => {
    const v = i % 2 === 1 ? digit * 2 : digit;
    sum += v > 9 ? v - 9 : v;
  });
  return sum % 10 === 0;
}

/** 11 minus the weighted sum mod 11 (Portugal, Slovenia: each reads 10 and 11 its own way). */
const mod11Check = (d: number[], weights: number[]) => 11 - (weighted(d, weights) % 11);

/** ISO 7064 MOD 97-10 of a string of digits and letters (A=10 … Z=35). */
function mod97(text: string): number {
  let rest = 0;
  for (const c of text) {
    const v = BASE36.indexOf(c);
    rest = (rest * (v > 9 ? 100 : 10) + v) % 97;
  }
  return rest;
}

const VAT_RULES: Record<string, Rule> = {
  // U and 8 digits; Luhn-like over the first seven, plus 4.
  AT: checked(/^U\d{8}$/, (d) => {
    const sum = d.slice(0, 7).reduce((acc, digit, i) => acc + (i % 2 === 1 ? Math.floor((digit * 2) / 10) + ((digit * 2) % 10) : digit), 0);
    return (10 - ((sum + 4) % 10)) % 10 === d[7];
  }),
  // 10 digits (a 9-digit number is the old form, a 0 in front); the first 8 mod 97 and the last 2 make 97.
  BE: (s) => checked(/^[01]\d{9}$/, (d) => (Number(d.slice(0, 8).join('')) + Number(d.slice(8).join(''))) % 97 === 0)(s.length === 9 ? `0${s}` : s),
  BG: formatOnly(/^\d{9,10}$/),
  CY: formatOnly(/^\d{8}[A-Z]$/),
  CZ: formatOnly(/^\d{8,10}$/),
  DE: checked(/^[1-9]\d{8}$/, mod11_10),
  DK: checked(/^[1-9]\d{7}$/, (d) => weighted(d, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0),
  EE: checked(/^\d{9}$/, (d) => weighted(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0),
  EL: checked(/^\d{9}$/, (d) => (d.slice(0, 8).reduce((acc, digit) => acc * 2 + digit, 0) * 2) % 11 % 10 === d[8]),
  ES: formatOnly(/^[0-9A-Z]\d{7}[0-9A-Z]$/),
  FI: checked(/^\d{8}$/, (d) => weighted(d, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0),
  // A two-character key and the company's SIREN (9 digits, Luhn); a key of digits is computed from it.
  FR: (s) => {
    if (!/^[0-9A-HJ-NP-Z]{2}\d{9}$/.test(s)) return 'format';
    const siren = s.slice(2);
    if (!luhn(digitsOf(siren)) && !siren.startsWith('000')) return 'check_digit';
    return /^\d{2}/.test(s) && Number(s.slice(0, 2)) !== (12 + 3 * (Number(siren) % 97)) % 97 ? 'check_digit' : null;
  },
  HR: checked(/^\d{11}$/, mod11_10),
  HU: (s) => hungarianTaxNumber(`HU${s}`),
  IE: formatOnly(/^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/),
  IT: checked(/^\d{11}$/, (d) => luhn(d)),
  LT: formatOnly(/^(\d{9}|\d{12})$/),
  LU: checked(/^\d{8}$/, (d) => Number(d.slice(0, 6).join('')) % 89 === Number(d.slice(6).join(''))),
  LV: formatOnly(/^\d{11}$/),
  MT: checked(/^[1-9]\d{7}$/, (d) => weighted(d, [3, 4, 6, 7, 8, 9, 10, 1]) % 37 === 0),
  // 9 digits, B, 2 digits: mod 11 over the digits, or (sole traders since 2020) MOD 97-10 of the whole number.
  NL: (s) => {
    if (!/^\d{9}B\d{2}$/.test(s)) return 'format';
    const d = digitsOf(s.slice(0, 9));
    return weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 === d[8] || mod97(`NL${s}`) === 1 ? null : 'check_digit';
  },
  PL: checked(/^\d{10}$/, (d) => weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === d[9]),
  PT: checked(/^[1-9]\d{8}$/, (d) => (mod11Check(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 10 === d[8]),
  RO: formatOnly(/^[1-9]\d{1,9}$/),
  // A Swedish organisation number (Luhn) and 01.
  SE: checked(/^\d{10}01$/, (d) => luhn(d.slice(0, 10))),
  SI: checked(/^[1-9]\d{7}$/, (d) => {
    const check = mod11Check(d, [8, 7, 6, 5, 4, 3, 2]);
    return (check === 10 ? 0 : check) === d[7];
  }),
  // 10 digits divisible by 11; a person's birth number (rodné číslo) may start with 0, and one of
  // before 1985 has a last digit 0 where the rest leaves 10.
  SK: checked(/^\d{10}$/, (_d, s) => BigInt(s) % 11n === 0n || (BigInt(s.slice(0, 9)) % 11n === 10n && s.endsWith('0'))),
  GB: (s) => ukVat(s),
  XI: (s) => ukVat(s),
};
VAT_RULES.GR = VAT_RULES.EL!;
