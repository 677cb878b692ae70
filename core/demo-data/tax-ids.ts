/**
 * Tax and registration numbers with their real check digits, so that demo records pass the
 * checksum validation a later issue may add, and look right to people who know the formats.
 */
import { pad } from './locale';
import type { Rng } from './prng';

/** Russian ИНН of an organisation: 10 digits, region (2) + tax office (2) + number (5) + check. */
export function innOrganisation(rng: Rng, region: string): string {
  const body = region + pad(rng.range(1, 51), 2) + rng.digits(5);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += weights[i]! * Number(body[i]);
  return body + String((sum % 11) % 10);
}

/** UK VAT number, GB + 9 digits: 7 digits and two mod-97 check digits (the pre-2010 scheme). */
export function ukVat(rng: Rng): string {
  const body = String(rng.range(1, 9)) + rng.digits(6);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (8 - i) * Number(body[i]);
  return `GB${body}${pad((97 - (sum % 97)) % 97, 2)}`;
}

// IRS campus prefixes in use; others (07, 08, 09, 17 …) are never issued.
const EIN_PREFIXES = ['10', '12', '13', '20', '22', '26', '27', '30', '35', '36', '45', '46', '47', '52', '54', '61', '65', '82', '84', '86', '88', '91', '94', '98'];

/** US employer identification number, "12-3456789". */
export function usEin(rng: Rng): string {
  return `${rng.pick(EIN_PREFIXES)}-${rng.digits(7)}`;
}

/** Indonesian NPWP in its printed 15-digit form, "01.234.567.8-901.000". */
export function npwp(rng: Rng): string {
  const d = '0' + String(rng.range(1, 3)) + rng.digits(13);
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d[8]}-${d.slice(9, 12)}.000`;
}

/** Malaysian SSM registration number (2019 format): year, entity type, six digits. */
export function ssmNumber(rng: Rng, year: number, entityType: '01' | '03'): string {
  return `${year}${entityType}${rng.digits(6)}`;
}

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GSTIN check character: a Luhn mod-36 over the first 14 characters. */
export function gstinCheck(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = BASE36.indexOf(first14[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return BASE36[(36 - (sum % 36)) % 36]!;
}

/**
 * Indian GSTIN: state code, the firm's PAN (holder type C for a company, F for a firm; fifth
 * letter is the name's initial), entity number, "Z", check character.
 */
export function gstin(rng: Rng, stateCode: string, initial: string, holder: 'C' | 'F'): string {
  const letter = () => LETTERS[rng.int(26)]!;
  const pan = letter() + letter() + letter() + holder + (/[A-Z]/.test(initial) ? initial : letter()) + rng.digits(4) + letter();
  const first14 = `${stateCode}${pan}1Z`;
  return first14 + gstinCheck(first14);
}

/** Hungarian adószám "12345678-2-41": base number with its check digit, VAT code, county. */
export function hungarianTaxNumber(rng: Rng, county: string): string {
  const body = String(rng.range(1, 2)) + rng.digits(6);
  const weights = [9, 7, 3, 1, 9, 7, 3];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += weights[i]! * Number(body[i]);
  return `${body}${(10 - (sum % 10)) % 10}-2-${county}`;
}
