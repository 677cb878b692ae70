/**
 * Phone numbers: one way of reading them, wherever they come from (the forms, the commands that
 * save them, imports, scans, the company server), and how a stored number is shown and found.
 *
 * A stored phone is one string. A number libphonenumber-js reads as valid is stored in E.164,
 * with its extension in RFC 3966 style ("+442079460958;ext=102"): the same number typed in any
 * format is stored, found and matched the same way. Anything else is kept exactly as it was
 * typed (trimmed) and shown with a "check this number" mark: nothing typed or scanned is refused
 * or lost for its phone. Whether a number is checked is read from the value itself
 * (`isCheckedPhone`), so no separate flag can disagree with it.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { getCountries } from 'libphonenumber-js/max';
import { z } from 'zod';

/** The longest phone text kept: a number with its extension, or a note typed in its place. */
export const PHONE_MAX_LENGTH = 100;

const KNOWN_REGIONS = new Set<string>(getCountries());

function asCountry(code: string): CountryCode | undefined {
  return KNOWN_REGIONS.has(code) ? (code as CountryCode) : undefined;
}

/**
 * The regions a phone is read with, in the one order the app uses (docs/architecture.md, "Phone
 * numbers"): the record's own country (a client's address countries for its contacts; a lead's
 * country), then the active event's country, then the person's market. Blank and unknown codes
 * are left out, and each region is tried once.
 */
export function phoneRegions(candidates: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    const code = (c ?? '').trim().toUpperCase();
    if (asCountry(code) && !out.includes(code)) out.push(code);
  }
  return out;
}

// Extension words libphonenumber-js does not know (it reads "ext.", "x", "#", ";ext=", "доб."):
// Russian "доп."/"вн.", Hungarian "mellék"/"mell.", Indonesian "ekst.", Malay "samb.". Rewritten to
// "ext." before parsing. The words are matched after a space or bracket, not with \b, which
// knows no Cyrillic.
const LOCAL_EXTENSION = /(^|[\s,;(])(?:доп|вн|внутр|mell[ée]k|mell|ekst|samb(?:ungan)?)\.?\s*:?\s*(\d{1,10})\)?\s*$/iu;

/** The valid number `text` is under `region` (none: only a number with its country code), or null. */
function parseValid(text: string, region: CountryCode | undefined): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(text, region);
  return parsed?.isValid() ? parsed : null;
}

/** The stored (E.164, ";ext=") form of a parsed number. */
const storedForm = (p: PhoneNumber): string => (p.ext ? `${p.number};ext=${p.ext}` : p.number);

/** The checked form of `text` under the first region it is a valid number in, or null. */
function normalise(text: string, regions: readonly string[]): string | null {
  const t = text.replace(LOCAL_EXTENSION, '$1ext. $2');
  if (t === '') return null;
  // A number with its country code reads the same under every region: once is enough.
  const international = /^\s*(\+|tel:)/i.test(t);
  for (const region of international ? [] : regions) {
    const code = asCountry(region.toUpperCase());
    const parsed = code ? parseValid(t, code) : null;
    if (parsed) return storedForm(parsed);
  }
  const parsed = parseValid(t, undefined);
  return parsed ? storedForm(parsed) : null;
}

/**
 * Reads a typed, scanned or imported phone number: THE way a phone is read (forms, saves,
 * imports, scans, the company server). `regions` in order (`phoneRegions`): the first one under
 * which the text is a valid number gives its E.164 form, with an extension kept as ";ext=102"
 * ("ext. 102", "x102", "#102", "доб. 102", "mellék 102" …); a number typed with its country code
 * needs none. Text that is no valid number under any of them comes back exactly as typed, trimmed
 * ('' for blank text): kept, never refused, and shown as not checked (`isCheckedPhone`).
 */
export function readPhone(text: string, regions: readonly string[]): string {
  const trimmed = text.trim();
  return normalise(trimmed, regions) ?? trimmed;
}

/**
 * What kind of line a number is, when the number itself says (libphonenumber's number type, read
 * with `readPhone`'s regions): 'mobile' for a mobile number, 'work' for a landline or a company's
 * line (toll-free, shared-cost, a universal access number). Null when the number does not say: a
 * number a country's plan does not tell apart ("fixed line or mobile": the US, Canada), a VoIP,
 * pager or personal number, and text that is no number. The contact form picks a line's kind with
 * it until the person chooses one (never over the person's choice).
 */
export function phoneLineKind(text: string, regions: readonly string[]): 'mobile' | 'work' | null {
  const stored = normalise(text.trim(), regions);
  const type = stored ? parsePhoneNumberFromString(stored)?.getType() : undefined;
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE' || type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'UAN') return 'work';
  return null;
}

/**
 * Whether a stored phone is a checked number: E.164 (with an optional ";ext=") that is valid.
 * False for text kept as typed, which the app shows with a "check this number" mark.
 */
export function isCheckedPhone(stored: string): boolean {
  return stored.startsWith('+') && normalise(stored, []) === stored;
}

/**
 * The schema of a phone in a record (a lead's phone, a contact's numbers; core/sync/tables.ts):
 * any text up to PHONE_MAX_LENGTH, read with `readPhone`. The company server reads pushed phones
 * with no regions, which leaves whatever a laptop stored as it is (a checked number reads as
 * itself, and text a laptop could not read with its regions is no number without them), so the
 * server accepts exactly what a laptop saved. The forms and commands give the record's regions.
 */
export function phoneSchema(regions: readonly string[] = []) {
  return z
    .string()
    .trim()
    .max(PHONE_MAX_LENGTH, { message: 'too_long' })
    .transform((v) => readPhone(v, regions));
}

/**
 * A stored phone as shown, with whether it is checked, from one parse (lists show many): a checked
 * number in international form ("+36 30 123 4567", "+44 20 7946 0958 x102"), the rest as typed.
 */
export function phoneDisplay(stored: string): { text: string; checked: boolean } {
  const parsed = stored.startsWith('+') ? parsePhoneNumberFromString(stored) : undefined;
  if (parsed?.isValid() && storedForm(parsed) === stored) return { text: parsed.formatInternational(), checked: true };
  return { text: stored, checked: false };
}

/** A stored phone as shown (`phoneDisplay`'s text). */
export const formatPhoneInternational = (stored: string): string => phoneDisplay(stored).text;

/**
 * The `tel:` link of a stored phone, or null when the text is not one a phone could dial: a
 * checked number as it is stored (RFC 3966 is its form), text kept as typed only when it is
 * digits and phone punctuation (dialled as its digits, with a leading "+").
 */
export function phoneHref(stored: string): string | null {
  if (isCheckedPhone(stored)) return `tel:${stored}`;
  if (!/^\+?[\d\s().\-/]*\d[\d\s().\-/]*$/.test(stored)) return null;
  return `tel:${stored.startsWith('+') ? '+' : ''}${stored.replace(/\D/g, '')}`;
}

/**
 * The digit strings a person might type to find this number: international digits, the
 * national form with its trunk prefix ("06301234567"), and the national number alone; the
 * extension is not part of them. Text kept as typed gives its digits (none when it has no
 * three digits in a row).
 */
export function phoneDigitForms(stored: string): string[] {
  const number = stored.replace(/;ext=\d+$/, '');
  const parsed = number.startsWith('+') ? parsePhoneNumberFromString(number) : undefined;
  if (!parsed) {
    const digits = stored.replace(/\D/g, '');
    return digits.length >= 3 ? [digits] : [];
  }
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
