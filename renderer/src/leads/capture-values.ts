/**
 * The quick-capture form's values: the empty form, the default date of a next step, and filling
 * the form from a scanned card (a QR code, a USB scanner, a .vcf file) for the person to check.
 */
import { getCountries } from 'libphonenumber-js/max';
import type { Answer, NextStep, Rating } from '../../../core/leads/lead-model';
import type { ScannedCard } from '../../../core/leads/scan-payload';

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

/**
 * An ISO country code for what a card says ("HU", "Hungary", "Magyarország", "Germany"), or ''
 * when it names no country the app knows. Names are compared in English and in `locale`.
 */
export function countryCodeOf(text: string | undefined, locale: string): string {
  const value = (text ?? '').trim();
  if (!value) return '';
  const codes = getCountries() as string[];
  if (/^[A-Za-z]{2}$/.test(value) && codes.includes(value.toUpperCase())) return value.toUpperCase();
  const wanted = value.toLocaleLowerCase();
  for (const language of new Set([locale, 'en'])) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    const found = codes.find((code) => names.of(code)?.toLocaleLowerCase() === wanted);
    if (found) return found;
  }
  return '';
}

/**
 * The form after a scan: every field the card has replaces the form's (the person is looking at
 * this visitor's card now); what the form has no field for — more phones and emails, a website,
 * a note, a country the app does not recognise — is added to the notes, so nothing read is lost.
 */
export function fillFromCard(values: CaptureValues, card: ScannedCard, locale: string): CaptureValues {
  const next = { ...values };
  if (card.personName) next.personName = card.personName;
  if (card.position) next.position = card.position;
  if (card.companyName) next.companyName = card.companyName;
  if (card.city) next.city = card.city;
  const [phone, ...morePhones] = card.phones;
  const [email, ...moreEmails] = card.emails;
  if (phone) next.phone = phone;
  if (email) next.email = email;
  const country = countryCodeOf(card.country, locale);
  if (country) next.country = country;
  const extra = [
    ...morePhones,
    ...moreEmails,
    card.website ?? '',
    card.country && !country ? card.country : '',
    card.notes ?? '',
  ].filter((line) => line && !values.notes.includes(line));
  if (extra.length) next.notes = [values.notes, ...extra].filter(Boolean).join('\n');
  return next;
}
