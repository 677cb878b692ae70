/**
 * Phone numbers: parsed and normalised to E.164 with libphonenumber-js, so a number is stored
 * once whatever way it was typed, and found whatever way it is searched.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

function asCountry(code: string): CountryCode | undefined {
  return /^[A-Z]{2}$/.test(code) ? (code as CountryCode) : undefined;
}

/** E.164 form of a typed number, or null when it is not a valid number. */
export function normalizePhone(raw: string, defaultCountry = ''): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), asCountry(defaultCountry));
  return parsed?.isValid() ? parsed.number : null;
}

/** International display form ("+36 30 123 4567"); falls back to the stored text. */
export function formatPhoneInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/**
 * The digit strings a person might type to find this number: international digits, the
 * national form with its trunk prefix ("06301234567"), and the national number alone.
 */
export function phoneDigitForms(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [e164.replace(/\D/g, '')];
  const forms = new Set([
    parsed.number.replace(/\D/g, ''),
    parsed.formatNational().replace(/\D/g, ''),
    String(parsed.nationalNumber),
  ]);
  return [...forms];
}
