/**
 * What a lead carries to the client and contact it becomes (convertLead) or is attached to
 * (attachLead): docs/architecture.md, "A lead becomes a client without losing what was learnt".
 *
 * Every field of the lead lands somewhere: in a field of the client or contact where one fits
 * (addresses, the first web address, interests as tags, phones with their kind, emails, position,
 * birthday, the card's photo as a file of the client, the event as `eventId`), and everything
 * else — the rating, the answers to the event's questions, where and when it was captured and by
 * whom, the lead's notes, a fax or a home number, a department, a birthday without a year, a
 * home address, what did not fit a field — as labelled lines of the notes, in the UI language.
 * Pure: the caller reads the lead, its event and the client, and writes what this returns.
 */
import { z } from 'zod';
import {
  type Address,
  type ClientInput,
  type Contact,
  type ContactFormValues,
  type PHONE_KINDS,
} from '../../../../core/client-model';
import type { FieldEvent, Lead, LeadAddress, LeadPhoneKind } from '../../../../core/leads/lead-model';
import { MAX_ATTACHMENTS_PER_RECORD, type AttachmentRef } from '../../../../core/sync/attachments';
import { formatPhoneInternational } from '../../../../core/phone';
import { answerLines, answerText } from '../../leads/lead-answers';

/** The UI's words: i18next's `t` (keys under `leadCarry`, `rating`, `capture.card`). */
export type CarryWords = (key: string, values?: Record<string, unknown>) => string;

export interface CarryContext {
  /** The lead's event, when this laptop has it. */
  event: FieldEvent | null;
  /** The name of who captured the lead ('' when this laptop does not know them). */
  capturedByName: string;
  t: CarryWords;
  /** For the dates and countries written in the notes. */
  locale: string;
  /** Today (YYYY-MM-DD): a birthday after it is no birthday the contact form accepts. */
  today: string;
}

type ContactPhoneKind = (typeof PHONE_KINDS)[number];

/** A contact's phone kind for a card's: a mobile stays a mobile; a home, fax, pager number is "other" and its kind is noted. */
const PHONE_KIND_OF: Record<LeadPhoneKind | '', ContactPhoneKind> = { mobile: 'mobile', work: 'work', '': 'work', home: 'other', fax: 'other', pager: 'other', other: 'other' };

const MAX_PHONES = 10;
const MAX_EMAILS = 10;
const MAX_ADDRESSES = 10;
const MAX_TAGS = 30;
const NOTES_MAX = 5000;

const isEmail = (s: string) => z.email().safeParse(s).success;
const isWebsite = (v: string) => v.length <= 300 && /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i.test(v);
const digits = (s: string) => s.replace(/\D/g, '');

function countryName(code: string, locale: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function dayText(day: string, locale: string): string {
  const full = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const d = new Date(full ? `${day}T00:00:00Z` : `2000-${day.slice(2)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(locale, full ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

/** A card's address in one line, as the notes keep it. */
function leadAddressLine(a: LeadAddress, ctx: CarryContext): string {
  const { t, locale } = ctx;
  return [a.poBox && t('capture.card.poBox', { box: a.poBox }), a.extended, a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country && countryName(a.country, locale)]
    .filter(Boolean)
    .join(', ');
}

/** A card's work (or other) address as a client's office address, or null when a part would not fit its fields. */
function officeAddress(a: LeadAddress, ctx: CarryContext): Address | null {
  const street = [a.extended, a.street, a.poBox && ctx.t('capture.card.poBox', { box: a.poBox })].filter(Boolean).join(', ');
  if (street.length > 200 || a.postcode.length > 20 || !/^([A-Z]{2})?$/.test(a.country)) return null;
  return { kind: 'office', street, city: a.city, postcode: a.postcode, region: a.region, country: a.country };
}

const sameAddress = (a: Address, b: Address) =>
  [a.street, a.city, a.postcode, a.region, a.country].map((s) => s.trim().toLowerCase()).join('|') ===
  [b.street, b.city, b.postcode, b.region, b.country].map((s) => s.trim().toLowerCase()).join('|');

/** The first line of a note block: where, when and by whom the lead was captured. */
function sourceLine(lead: Lead, ctx: CarryContext): string {
  const values = { event: ctx.event?.name ?? '', name: ctx.capturedByName || ctx.t('leadCarry.someone'), date: dayText(lead.capturedAt.slice(0, 10), ctx.locale) };
  return ctx.event ? ctx.t('leadCarry.fromEvent', values) : ctx.t('leadCarry.fromLead', values);
}

/** "Label: value" */
const line = (ctx: CarryContext, label: string, value: string) => ctx.t('leadCarry.line', { label, value });

/** Every phone of the lead with its kind and the card's own label. */
function leadPhones(lead: Lead): { kind: LeadPhoneKind | ''; label: string; number: string }[] {
  const main = lead.phone ? [{ kind: lead.phoneKind ?? '', label: '', number: lead.phone }] : [];
  return [...main, ...(lead.otherPhones ?? []).map((p) => ({ kind: p.kind, label: p.label, number: p.number }))];
}

const leadEmails = (lead: Lead) => [lead.email, ...(lead.otherEmails ?? [])].filter(Boolean);

/** What the lead brings to a client: fields, and the lines of its note. */
export interface CarriedClient {
  /** The company as the lead names it (noted when an existing client is called otherwise). */
  companyName: string;
  addresses: Address[];
  website: string;
  tags: string[];
  attachments: AttachmentRef[];
  noteLines: string[];
}

/** What the lead brings to a contact (null: the lead names no person). */
export interface CarriedContact {
  values: ContactFormValues & { phones: { kind: ContactPhoneKind; number: string }[]; emails: { address: string }[] };
  /** The first line of the contact's block (where and when the person was met). */
  source: string;
  /** What the contact has no field for; the block is written only when there is some. */
  noteLines: string[];
}

export interface Carried {
  client: CarriedClient;
  contact: CarriedContact | null;
}

/** What `lead` carries, before it meets the client and contact it goes to (see mergeClient, mergeContact). */
export function carryLead(lead: Lead, ctx: CarryContext): Carried {
  const { t } = ctx;
  const clientNotes: string[] = [sourceLine(lead, ctx)];
  const contactNotes: string[] = [];

  // The qualification: the rating, and every answer to the event's questions (a dropped question's too).
  if (lead.rating) clientNotes.push(line(ctx, t('leadCarry.rating'), t(`rating.${lead.rating}`)));
  for (const a of answerLines(ctx.event?.questions ?? [], lead.answers)) {
    if (a.answer === null) continue;
    clientNotes.push(line(ctx, a.label ?? t('leadDetails.removedQuestion'), answerText(a.answer, { yes: t('leadCarry.yes'), no: t('leadCarry.no') })));
  }

  // The addresses: work and other ones are the client's offices; a home address is the person's.
  const addresses: Address[] = [];
  const cardAddresses = lead.addresses ?? [];
  for (const a of cardAddresses) {
    const office = a.kind === 'home' ? null : officeAddress(a, ctx);
    if (office && addresses.length < MAX_ADDRESSES) addresses.push(office);
    else if (a.kind === 'home') contactNotes.push(line(ctx, t('capture.card.addressKind.home'), leadAddressLine(a, ctx)));
    else clientNotes.push(line(ctx, t(`capture.card.addressKind.${a.kind}`), leadAddressLine(a, ctx)));
  }
  if (lead.city || lead.country) {
    const typed: Address = { kind: 'office', street: '', city: lead.city, postcode: '', region: '', country: lead.country };
    const known = addresses.some((a) => a.city.toLowerCase() === lead.city.toLowerCase() && (a.country === lead.country || !lead.country));
    if (!known && addresses.length < MAX_ADDRESSES) addresses.push(typed);
  }

  // Web addresses: the first the client's field takes; the others are noted.
  const websites = lead.websites ?? [];
  const website = websites.find(isWebsite) ?? '';
  for (const w of websites) if (w !== website) clientNotes.push(line(ctx, t('capture.card.websites'), w));

  // Interests are the client's tags; what a tag cannot hold is noted.
  const tags = lead.interests.filter((i) => i.length <= 40).slice(0, MAX_TAGS);
  const untagged = lead.interests.filter((i) => !tags.includes(i));
  if (untagged.length) clientNotes.push(line(ctx, t('leadCarry.interests'), untagged.join(', ')));

  // The card's photo (and any other file of the lead) goes on the client card.
  const attachments = (lead.attachments ?? []).slice(0, MAX_ATTACHMENTS_PER_RECORD);

  // The person: phones with their kind, emails, title, birthday; what the contact has no field for is noted.
  let contact: CarriedContact | null = null;
  /** "Phone · fax · Switchboard: +44 …": a mobile says so where it is not a contact's mobile. */
  const phoneNote = (p: { kind: LeadPhoneKind | ''; label: string; number: string }, sayMobile: boolean) => {
    const kind = p.kind && p.kind !== 'work' && (p.kind !== 'mobile' || sayMobile) ? t(`capture.card.phoneKind.${p.kind}`) : '';
    return line(ctx, [t('leadCarry.phone'), kind, p.label].filter(Boolean).join(' · '), formatPhoneInternational(p.number));
  };
  if (lead.personName) {
    const phones: { kind: ContactPhoneKind; number: string }[] = [];
    for (const p of leadPhones(lead)) {
      if (digits(p.number) !== '' && phones.some((q) => digits(q.number) === digits(p.number))) continue;
      const kind = PHONE_KIND_OF[p.kind];
      if (phones.length >= MAX_PHONES) contactNotes.push(phoneNote(p, true));
      else {
        phones.push({ kind, number: p.number });
        // A home, fax or pager number is an "other" phone of the contact: its kind (and the card's label) is noted.
        if (kind === 'other' || p.label) contactNotes.push(phoneNote(p, false));
      }
    }
    const emails: { address: string }[] = [];
    for (const e of leadEmails(lead)) {
      if (emails.some((x) => x.address.toLowerCase() === e.toLowerCase())) continue;
      if (isEmail(e) && emails.length < MAX_EMAILS) emails.push({ address: e });
      else contactNotes.push(line(ctx, t('leadCarry.email'), e));
    }
    const departments = lead.departments ?? [];
    if (departments.length) contactNotes.unshift(line(ctx, t('capture.card.departments'), departments.join(', ')));
    const birthday = lead.birthday ?? '';
    const fits = /^\d{4}-\d{2}-\d{2}$/.test(birthday) && !Number.isNaN(Date.parse(birthday)) && birthday <= ctx.today;
    if (birthday && !fits) contactNotes.push(line(ctx, t('capture.card.birthday'), dayText(birthday, ctx.locale)));
    contact = {
      values: { name: lead.personName, position: lead.position, phones, emails, birthday: fits ? birthday : '', decisionRole: 'other', notes: '' },
      source: sourceLine(lead, ctx),
      noteLines: contactNotes,
    };
  } else {
    // No person to hold them: the numbers and the rest are the company's, noted on the client.
    if (lead.position) clientNotes.push(line(ctx, t('leadCarry.position'), lead.position));
    for (const p of leadPhones(lead)) clientNotes.push(phoneNote(p, true));
    for (const e of leadEmails(lead)) clientNotes.push(line(ctx, t('leadCarry.email'), e));
    if (lead.departments?.length) clientNotes.push(line(ctx, t('capture.card.departments'), lead.departments.join(', ')));
    if (lead.birthday) clientNotes.push(line(ctx, t('capture.card.birthday'), dayText(lead.birthday, ctx.locale)));
    clientNotes.push(...contactNotes);
  }

  if (lead.nextStep) {
    const step = t(`nextStep.${lead.nextStep}`);
    clientNotes.push(line(ctx, t('leadCarry.nextStep'), lead.nextStepOn ? t('leadCarry.nextStepOn', { step, date: dayText(lead.nextStepOn, ctx.locale) }) : step));
  }
  if (lead.notes) clientNotes.push(t('leadCarry.leadNotes'), lead.notes);
  return { client: { companyName: lead.companyName, addresses, website, tags, attachments, noteLines: clientNotes }, contact };
}

/** Notes with a block added below a blank line; cut at what a note holds (the lead keeps everything). */
function withBlock(notes: string, lines: readonly string[]): string {
  if (lines.length === 0) return notes;
  const text = [notes.trimEnd(), lines.join('\n')].filter(Boolean).join('\n\n');
  return text.length <= NOTES_MAX ? text : `${text.slice(0, NOTES_MAX - 1)}…`;
}

/** A new client's fields from the lead (over a blank client's). */
export function newClientInput(base: ClientInput, carried: CarriedClient): ClientInput {
  return { ...base, addresses: carried.addresses, website: carried.website, tags: carried.tags, notes: withBlock('', carried.noteLines) };
}

/**
 * An existing client with what the lead adds: addresses it lacks, a website when it has none,
 * interests it is not tagged with yet, and the lead's block below its notes. Nothing of the
 * client's is overwritten; what it already has otherwise (a website, another company name) is
 * noted instead.
 */
export function mergeClient(client: ClientInput, carried: CarriedClient, t: CarryWords): ClientInput {
  const noted = (label: string, value: string) => t('leadCarry.line', { label, value });
  const addresses = [...client.addresses];
  for (const a of carried.addresses) if (addresses.length < MAX_ADDRESSES && !addresses.some((b) => sameAddress(a, b))) addresses.push(a);
  const tags = [...client.tags];
  const tagged = (tag: string) => tags.some((x) => x.toLowerCase() === tag.toLowerCase());
  for (const tag of carried.tags) if (tags.length < MAX_TAGS && !tagged(tag)) tags.push(tag);
  const [source = '', ...rest] = carried.noteLines;
  const extra: string[] = [];
  const name = carried.companyName.trim().toLowerCase();
  if (name && name !== client.name.trim().toLowerCase() && name !== client.legalName.trim().toLowerCase()) extra.push(noted(t('leadCarry.company'), carried.companyName));
  const website = client.website || carried.website;
  if (carried.website && website !== carried.website) extra.push(noted(t('capture.card.websites'), carried.website));
  const untagged = carried.tags.filter((tag) => !tagged(tag));
  if (untagged.length) extra.push(noted(t('leadCarry.interests'), untagged.join(', ')));
  for (const a of carried.addresses) if (!addresses.includes(a) && !addresses.some((b) => sameAddress(a, b))) extra.push(noted(t('leadCarry.address'), [a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ')));
  return { ...client, addresses, tags, website, notes: withBlock(client.notes, [source, ...extra, ...rest]) };
}

/** A new contact's values from the lead. */
export function newContactValues(carried: CarriedContact): ContactFormValues {
  return { ...carried.values, notes: withBlock('', carried.noteLines.length ? [carried.source, ...carried.noteLines] : []) };
}

/**
 * An existing contact with what the lead adds: the phones and emails it lacks (as many as it
 * holds, the rest noted), the position and birthday when it has none (a different one noted),
 * the lead's block below its notes.
 */
export function mergeContact(contact: Contact, carried: CarriedContact, t: CarryWords): ContactFormValues {
  const noted = (label: string, value: string) => t('leadCarry.line', { label, value });
  const extra: string[] = [];
  const phones = [...contact.phones];
  for (const p of carried.values.phones) {
    if (digits(p.number) !== '' && phones.some((q) => digits(q.number) === digits(p.number))) continue;
    if (phones.length < MAX_PHONES) phones.push(p);
    else extra.push(noted(t('leadCarry.phone'), formatPhoneInternational(p.number)));
  }
  const emails = [...contact.emails];
  for (const e of carried.values.emails) {
    if (emails.some((x) => x.address.toLowerCase() === e.address.toLowerCase())) continue;
    if (emails.length < MAX_EMAILS) emails.push(e);
    else extra.push(noted(t('leadCarry.email'), e.address));
  }
  const position = contact.position || carried.values.position || '';
  if (carried.values.position && position !== carried.values.position) extra.push(noted(t('leadCarry.position'), carried.values.position));
  const birthday = contact.birthday || carried.values.birthday || '';
  if (carried.values.birthday && birthday !== carried.values.birthday) extra.push(noted(t('capture.card.birthday'), carried.values.birthday));
  const lines = [...extra, ...carried.noteLines];
  return { name: contact.name, position, phones, emails, birthday, decisionRole: contact.decisionRole, notes: withBlock(contact.notes, lines.length ? [carried.source, ...lines] : []) };
}
