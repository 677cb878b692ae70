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

/** The part of `phoneDigitForms` that depends only on a number's shape (see below). */
interface PhoneShape {
  /** Digits of the country calling code: the national number is what follows them. */
  callingCodeDigits: number;
  /** What the national format puts before the national number: the trunk prefix ("0", "06", "8") or nothing. */
  nationalPrefix: string;
}

/** Leading digits after the "+" that, with the length, key a shape. */
const SHAPE_DIGITS = 6;

/**
 * `phoneDigitForms` for many E.164 numbers from a few numbering ranges, at a fraction of the
 * cost: the first number of each shape (its first six digits and its length) is parsed by
 * libphonenumber, which tells how long its calling code is and what its national format puts
 * before the national number; the other numbers of that shape are cut the same way. Anything
 * that is not plain "+digits", or whose forms are not such a cut, is parsed every time.
 *
 * Numbers of one shape share their calling code and, in the numbering plans the demo base uses,
 * their national format; the demo generator's every range is checked against `phoneDigitForms`
 * in phone.test.ts. Typed numbers keep going through `phoneDigitForms` itself.
 */
export function phoneDigitFormsByShape(): (e164: string) => string[] {
  const shapes = new Map<string, PhoneShape | null>();
  return (e164) => {
    if (!/^\+\d{8,15}$/.test(e164)) return phoneDigitForms(e164);
    const key = `${e164.slice(1, 1 + SHAPE_DIGITS)}:${e164.length}`;
    let shape = shapes.get(key);
    if (shape === undefined) {
      const forms = phoneDigitForms(e164);
      shape = shapeOf(e164.slice(1), forms);
      shapes.set(key, shape);
      return forms;
    }
    if (shape === null) return phoneDigitForms(e164);
    const digits = e164.slice(1);
    const national = digits.slice(shape.callingCodeDigits);
    const forms = [digits];
    for (const f of [shape.nationalPrefix + national, national]) if (!forms.includes(f)) forms.push(f);
    return forms;
  };
}

/** The shape `forms` (from `phoneDigitForms`) follow, or null when they are not a plain cut of `digits`. */
function shapeOf(digits: string, forms: readonly string[]): PhoneShape | null {
  // phoneDigitForms drops repeats: two forms mean the national format is the national number.
  const [international, nationalFormat, national = nationalFormat] = forms;
  if (international !== digits || nationalFormat === undefined || national === undefined || forms.length > 3) return null;
  if (!national || !digits.endsWith(national) || !nationalFormat.endsWith(national)) return null;
  return { callingCodeDigits: digits.length - national.length, nationalPrefix: nationalFormat.slice(0, nationalFormat.length - national.length) };
}
