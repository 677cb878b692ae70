/**
 * The quick-capture form's values: the empty form, the default date of a next step, and filling
 * the form from a scanned card (a QR code, a USB scanner, a .vcf file) for the person to check.
 */
import type { Answer, LeadAddress, LeadPhoneKind, NextStep, Rating } from '../../../core/leads/lead-model';
import { emailKey } from '../../../core/leads/match-keys';
import type { CardExtra, ScannedCard } from '../../../core/leads/scan-payload';
import { countryCode } from '../../../core/countries';

export interface CaptureValues {
  personName: string;
  position: string;
  phone: string;
  email: string;
  companyName: string;
  city: string;
  country: string;
  interests: string[];
  rating: Rating | null;
  answers: Record<string, Answer>;
  notes: string;
  nextStep: NextStep | null;
  nextStepOn: string;
  // What a card gives beyond the fields above (lead-model.ts `leadCardFields`): shown under the
  // form as "From the card", carried through an edit unchanged.
  phoneKind: LeadPhoneKind | '';
  otherPhones: { kind: LeadPhoneKind | ''; label: string; number: string }[];
  otherEmails: string[];
  websites: string[];
  addresses: LeadAddress[];
  departments: string[];
  birthday: string;
}

export const emptyCapture = (): CaptureValues => ({
  personName: '',
  position: '',
  phone: '',
  email: '',
  companyName: '',
  city: '',
  country: '',
  interests: [],
  rating: null,
  answers: {},
  notes: '',
  nextStep: null,
  nextStepOn: '',
  phoneKind: '',
  otherPhones: [],
  otherEmails: [],
  websites: [],
  addresses: [],
  departments: [],
  birthday: '',
});

const isBlank = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** Whether nothing is typed or chosen in the form (a question left unanswered counts as nothing). */
export function isBlankCapture(values: { readonly [K in keyof CaptureValues]?: unknown }): boolean {
  return Object.entries(values).every(([key, v]) => (key === 'answers' ? Object.values((v ?? {}) as Record<string, unknown>).every(isBlank) : isBlank(v)));
}

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The next working day (Monday to Friday) after `today`, as YYYY-MM-DD in local time: a follow-up's default. */
export function nextWorkingDay(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  return isoDay(d);
}

/** The longest text a lead keeps in these fields (lead-model.ts); a longer value is cut and kept whole in the notes. */
const FIELD_MAX = { personName: 200, companyName: 200, position: 150, city: 100 } as const;

/** How a line of the notes is labelled ("Nickname", "Spouse", "X-BB-PIN"): the screen's words, from the caller. */
export type ExtraLabel = (extra: CardExtra) => string;

/**
 * The form after a scan: every field the card has replaces the form's (the person is looking at
 * this visitor's card now). Every phone keeps its type, every email, web address, address and
 * department its place; a country becomes its code where we know the name ("U.S.A." → US) and
 * stays as written in the address where we do not. What has no field of its own — a nickname,
 * an anniversary, a country we do not know, a value too long for its field — is added to the
 * notes, labelled, so nothing read is lost. The first email that is an email is the lead's;
 * the others, also ones that are not, are kept beside it (the details mark them).
 */
export function fillFromCard(values: CaptureValues, card: ScannedCard, label: ExtraLabel): CaptureValues {
  const next = { ...values };
  const extras: CardExtra[] = [];
  for (const key of ['personName', 'position', 'companyName', 'city'] as const) {
    const value = card[key];
    if (!value) continue;
    next[key] = value.length > FIELD_MAX[key] ? value.slice(0, FIELD_MAX[key]).trimEnd() : value;
    if (value.length > FIELD_MAX[key]) extras.push({ field: 'fullName', name: key, value });
  }
  const [phone, ...morePhones] = card.phones;
  if (phone) {
    next.phone = phone.number;
    next.phoneKind = phone.kind;
    next.otherPhones = morePhones.map((p) => ({ kind: p.kind, label: p.label, number: p.number }));
    if (phone.label) extras.push({ field: 'other', name: phone.label, value: phone.number });
  }
  if (card.emails.length) {
    const primary = card.emails.find((e) => emailKey(e) !== null) ?? '';
    next.email = primary;
    next.otherEmails = card.emails.filter((e) => e !== primary);
  }
  if (card.websites.length) next.websites = [...card.websites];
  if (card.departments.length) next.departments = [...card.departments];
  if (card.birthday) next.birthday = card.birthday;
  if (card.addresses.length) next.addresses = card.addresses.map((a) => ({ ...a, country: countryCode(a.country) || a.country }));
  const country = countryCode(card.country);
  if (country) next.country = country;
  else if (card.country) extras.push({ field: 'country', name: 'COUNTRY', value: card.country });
  extras.push(...card.extras);
  const lines = [...extras.map((e) => `${label(e)}: ${e.value}`), card.notes ?? ''].filter((line) => line && !values.notes.includes(line));
  if (lines.length) next.notes = [values.notes, ...lines].filter(Boolean).join('\n');
  return next;
}

/** The form's one-value fields a card can fill, in the form's order (a conflict is said in this order). */
export const CARD_SINGLE_FIELDS = ['personName', 'companyName', 'phone', 'email', 'position', 'city', 'country', 'birthday'] as const;
export type CardSingleField = (typeof CARD_SINGLE_FIELDS)[number];

/** Whether a typed value and a card's say the same: case, spacing and, for a phone, its punctuation aside. */
function sameText(field: CardSingleField, typed: string, card: string): boolean {
  if (field === 'phone') {
    const digits = (s: string) => s.replace(/^\s*00/, '+').replace(/[^\d+]/g, '');
    return digits(typed) === digits(card);
  }
  return plain(typed) === plain(card);
}

const plain = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

const uniqueBy = <T>(list: readonly T[]) => {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The form after a scan or a .vcf while the person may already have typed: what is typed stays.
 * The card fills the empty fields only; a field where the card says something else keeps the
 * typed value and the card's goes to the notes as a line (`conflictLine`, "From the card: Name:
 * Jane Smith"), named in `kept` so the screen can say so. The card's lists (more phones, emails,
 * web addresses, addresses, departments) are added to the form's; its other lines (a nickname,
 * a value too long for its field, see `fillFromCard`) are added to the notes, once.
 */
export function mergeCard(
  values: CaptureValues,
  card: ScannedCard,
  label: ExtraLabel,
  conflictLine: (field: CardSingleField, value: string) => string,
): { values: CaptureValues; kept: CardSingleField[] } {
  const fromCard = fillFromCard(emptyCapture(), card, label);
  const next: CaptureValues = { ...values };
  const kept: CardSingleField[] = [];
  const conflicts: string[] = [];
  for (const field of CARD_SINGLE_FIELDS) {
    const theirs = fromCard[field];
    const ours = values[field];
    if (!theirs) continue;
    // A value the card's begins with ("Jan" of "Jane Smith") was being typed: the card completes it.
    const begun = field !== 'country' && field !== 'birthday' && field !== 'phone' && plain(theirs).startsWith(plain(ours)) && !sameText(field, ours, theirs);
    if (!ours.trim() || begun) {
      next[field] = theirs;
      if (field === 'phone') next.phoneKind = fromCard.phoneKind;
    } else if (!sameText(field, ours, theirs)) {
      kept.push(field);
      conflicts.push(conflictLine(field, theirs));
    }
  }
  next.otherPhones = uniqueBy([...values.otherPhones, ...fromCard.otherPhones]).filter((p) => !sameText('phone', next.phone, p.number));
  next.otherEmails = uniqueBy([...values.otherEmails, ...fromCard.otherEmails]).filter((e) => !sameText('email', next.email, e));
  next.websites = uniqueBy([...values.websites, ...fromCard.websites]);
  next.addresses = uniqueBy([...values.addresses, ...fromCard.addresses]);
  next.departments = uniqueBy([...values.departments, ...fromCard.departments]);
  const lines = [...fromCard.notes.split('\n'), ...conflicts].filter((line) => line && !values.notes.includes(line));
  if (lines.length) next.notes = [values.notes, ...lines].filter(Boolean).join('\n');
  return { values: next, kept };
}

/**
 * Whether the form holds something to keep as a draft when the person leaves the screen: anything
 * typed or chosen, or a card photo; a lead opened for correcting only once it was changed (an
 * opened lead is already saved). `answers` left unanswered count as nothing.
 */
export function worthKeeping(values: CaptureValues, hasPhoto: boolean, opened: CaptureValues | null): boolean {
  if (hasPhoto) return true;
  if (isBlankCapture(values)) return false;
  if (!opened) return true;
  const answered = (v: CaptureValues) => Object.fromEntries(Object.entries(v.answers).filter(([, a]) => !isBlank(a)));
  return (Object.keys(values) as (keyof CaptureValues)[]).some((key) =>
    key === 'answers' ? JSON.stringify(answered(values)) !== JSON.stringify(answered(opened)) : JSON.stringify(values[key]) !== JSON.stringify(opened[key] ?? emptyCapture()[key]),
  );
}
