/**
 * Tax and registration numbers checked per country, where the country has a format or a check
 * digit anyone can verify (Russia's ИНН, Hungary's adószám, India's GSTIN, Indonesia's NPWP,
 * Malaysia's SSM number, the UK VAT number, the US EIN). A number that fails is kept as typed
 * and marked for a look — never refused: a tax number copied from a letterhead with a typo is
 * still better than none, and rules change (a country's new format must not lock a client out).
 */

/** Why `taxId` does not look like a tax number of `country` (ISO 3166 alpha-2), or null when it does or no rule is known. */
export function taxIdProblem(taxId: string, country: string): 'format' | 'check_digit' | null {
  const text = taxId.trim();
  if (text === '') return null;
  const rule = RULES[country.toUpperCase()];
  return rule ? rule(text) : null;
}

/** The countries with a rule (for tests and for the form's hint). */
export const TAX_ID_COUNTRIES = (): string[] => Object.keys(RULES);

type Rule = (text: string) => 'format' | 'check_digit' | null;

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
  return sum % 97 === 0 || (sum + 55) % 97 === 0 ? null : 'check_digit';
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
