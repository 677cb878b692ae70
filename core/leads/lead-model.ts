/**
 * Trade-fair lead capture: events (with their qualification questions), leads and follow-up
 * tasks. These zod schemas are the one definition of a valid record for the capture form, the
 * data layer's commands and the company server (through core/sync/tables.ts).
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { phoneSchema } from '../phone';
import type { AttachmentRef } from '../sync/attachments';

const trimmed = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const optionalText = (max: number) => trimmed(max).default('');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });
const optionalDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'date' }).default('');

export const EVENT_KINDS = ['trade_fair', 'exhibition', 'presentation'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const QUESTION_KINDS = ['choice', 'multi', 'text', 'yes_no'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The rating scale of every event, hottest first. */
export const RATINGS = ['hot', 'warm', 'cold'] as const;
export type Rating = (typeof RATINGS)[number];

export const NEXT_STEPS = ['call', 'send_offer', 'visit', 'invite'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** What a phone of a lead is: a card's TEL types (vCard CELL and IPHONE are mobile). */
export const LEAD_PHONE_KINDS = ['mobile', 'work', 'home', 'fax', 'pager', 'other'] as const;
export type LeadPhoneKind = (typeof LEAD_PHONE_KINDS)[number];
const phoneKindSchema = z.enum(['', ...LEAD_PHONE_KINDS]);

/**
 * What a business card or a .vcf gives beyond the capture form's fields (docs/architecture.md,
 * "Lead capture"): more phones with their types, more emails, web addresses, every address in
 * its parts, the departments, the birthday. Each has a default, so a lead written before they
 * existed still reads and syncs; the capture form carries them through an edit unchanged.
 * A phone, email or country that cannot be read is kept as written (the UI marks it).
 */
export const leadAddressSchema = z.object({
  kind: z.enum(['work', 'home', 'other']),
  poBox: trimmed(100),
  extended: trimmed(200),
  street: trimmed(300),
  city: trimmed(100),
  region: trimmed(100),
  postcode: trimmed(30),
  /** ISO 3166-1 alpha-2 when the card's country was recognised, else the card's text. */
  country: trimmed(100),
});
export type LeadAddress = z.infer<typeof leadAddressSchema>;

/** The card fields, their phones read in `regions` as `phone` is (none on the company server: stored as sent). */
export const leadCardFields = (regions: readonly string[] = []) => ({
  /** The type of `phone`; '' when nobody said. */
  phoneKind: phoneKindSchema.default(''),
  otherPhones: z
    .array(z.object({ kind: phoneKindSchema, label: trimmed(60).default(''), number: phoneSchema(regions).pipe(z.string().min(1, { message: 'required' })) }))
    .max(20)
    .default([]),
  /** As written: an address that is not valid is kept and marked, not dropped. */
  otherEmails: z.array(trimmed(254).min(1)).max(20).default([]),
  websites: z.array(trimmed(500).min(1)).max(20).default([]),
  addresses: z.array(leadAddressSchema).max(10).default([]),
  departments: z.array(trimmed(200).min(1)).max(10).default([]),
  /** YYYY-MM-DD, or --MM-DD when the card gives no year. */
  birthday: z.string().regex(/^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})?$/, { message: 'date' }).default(''),
});
/** The card fields, which a lead written before them does not have. */
export type LeadCardField = keyof ReturnType<typeof leadCardFields>;

/**
 * new: captured, not yet qualified. attached: belongs to an existing client (and contact).
 * converted: became a new client and contact. discarded: with a reason (competitor, spam …).
 */
export const LEAD_STATUSES = ['new', 'attached', 'converted', 'discarded'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A qualification question of an event. Choice questions list their options. */
export const questionSchema = z
  .object({
    /** Stable within the event: answers are keyed by it, so a relabelled question keeps its answers. */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'question_id' }),
    label: trimmed(200).min(1, { message: 'required' }),
    kind: z.enum(QUESTION_KINDS),
    options: z.array(trimmed(100).min(1, { message: 'required' })).max(30).default([]),
  })
  .refine((q) => (q.kind === 'choice' || q.kind === 'multi' ? q.options.length >= 2 : true), { message: 'options_needed', path: ['options'] });
export type Question = z.infer<typeof questionSchema>;

/** An event ends on or after the day it starts (checked by the form and by the company server). */
export function eventDatesInOrder(e: { startsOn: string; endsOn: string }): boolean {
  return e.endsOn >= e.startsOn;
}

/** The fields a person edits on an event. */
export const eventInputSchema = z
  .object({
    name: trimmed(200).min(1, { message: 'required' }),
    kind: z.enum(EVENT_KINDS),
    venue: optionalText(200),
    city: optionalText(100),
    startsOn: isoDate,
    endsOn: isoDate,
    booth: optionalText(60),
    /**
     * ISO 3166-1 alpha-2 of where the event is held; '' or absent (events made before it existed)
     * when not given. Phone numbers typed at the event without a country code are read in it when
     * the lead has no country (core/phone.ts).
     */
    country: z.string().regex(/^([A-Z]{2})?$/, { message: 'country' }).optional(),
    /** User ids of the colleagues on the stand. */
    teamIds: z.array(z.string().min(1)).max(50).default([]),
    /** What visitors can be interested in: product groups (the catalog's, or typed for the event). */
    productGroups: z.array(trimmed(100).min(1)).max(60).default([]),
    questions: z.array(questionSchema).max(20).default([]),
  })
  .refine(eventDatesInOrder, { message: 'ends_before_start', path: ['endsOn'] });
export type EventInput = z.infer<typeof eventInputSchema>;

export interface FieldEvent extends EventInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** An answer: one option, several options, free text, or yes/no. */
export const answerSchema = z.union([z.string().max(2000), z.array(z.string().max(100)).max(30), z.boolean()]);
export type Answer = z.infer<typeof answerSchema>;

/**
 * What the quick-capture form edits. Everything is optional except that a lead must say who
 * (a person, a company, a phone or an email): a booth conversation is often cut short.
 * The phone is read with `readPhone` in `regions` (`phoneRegions`: the lead's country, the active
 * event's, the market): a number that cannot be read is kept as typed, never refused.
 */
export function leadInputSchema(regions: readonly string[]) {
  return z
    .object({
      personName: optionalText(200),
      position: optionalText(150),
      phone: phoneSchema(regions).default(''),
      email: trimmed(254).pipe(z.email({ message: 'email' }).or(z.literal(''))).default(''),
      companyName: optionalText(200),
      city: optionalText(100),
      country: z.string().regex(/^([A-Z]{2})?$/, { message: 'country' }).default(''),
      interests: z.array(trimmed(100).min(1)).max(60).default([]),
      rating: z.enum(RATINGS).nullable().default(null),
      answers: z.record(z.string(), answerSchema).default({}),
      notes: optionalText(5000),
      ...leadCardFields(regions),
      nextStep: z.enum(NEXT_STEPS).nullable().default(null),
      nextStepOn: optionalDate,
    })
    .refine(leadSaysWho, { message: 'lead_empty', path: ['personName'] })
    .refine(nextStepHasDate, { message: 'next_step_date', path: ['nextStepOn'] });
}

/**
 * A lead says who it is about: a person, a company, a phone or an email (a booth conversation is
 * often cut short, but a lead with none of them is nobody). Checked by the capture form and by
 * the company server on the whole record.
 */
export function leadSaysWho(l: { personName?: unknown; companyName?: unknown; phone?: unknown; email?: unknown }): boolean {
  return [l.personName, l.companyName, l.phone, l.email].some((v) => typeof v === 'string' && v !== '');
}

/** A next step has its day. */
export function nextStepHasDate(l: { nextStep?: unknown; nextStepOn?: unknown }): boolean {
  return l.nextStep === null || l.nextStep === undefined || (typeof l.nextStepOn === 'string' && l.nextStepOn !== '');
}
export type LeadInput = z.output<ReturnType<typeof leadInputSchema>>;
export type LeadFormValues = z.input<ReturnType<typeof leadInputSchema>>;

/** A lead as stored: the phone as `readPhone` left it (what the sync protocol validates). */
export const leadFieldsSchema = z.object({
  personName: trimmed(200),
  position: trimmed(150),
  phone: phoneSchema(),
  email: z.email({ message: 'email' }).max(254).or(z.literal('')),
  companyName: trimmed(200),
  city: trimmed(100),
  country: z.string().regex(/^([A-Z]{2})?$/, { message: 'country' }),
  interests: z.array(trimmed(100).min(1)).max(60),
  rating: z.enum(RATINGS).nullable(),
  answers: z.record(z.string(), answerSchema),
  notes: trimmed(5000),
  ...leadCardFields(),
  nextStep: z.enum(NEXT_STEPS).nullable(),
  nextStepOn: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'date' }),
  ownerId: z.string().min(1),
  eventId: idSchema.nullable(),
  status: z.enum(LEAD_STATUSES),
  /** The existing client (and contact) this lead belongs to, once attached or converted. */
  clientId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  discardReason: trimmed(500),
  /** Who captured it (the owner may change; the capturer does not; the company server sets it). */
  capturedBy: z.string().min(1),
  capturedAt: z.iso.datetime({ offset: true }),
});

/** A lead as stored; one written before the card fields existed lacks them (read them with `?? []`). */
export interface Lead extends Omit<LeadInput, LeadCardField>, Partial<Pick<LeadInput, LeadCardField>> {
  id: string;
  ownerId: string;
  eventId: string | null;
  status: LeadStatus;
  clientId: string | null;
  contactId: string | null;
  discardReason: string;
  capturedBy: string;
  capturedAt: string;
  createdAt: string;
  updatedAt: string;
  /** The business-card photo and other files (bytes sync separately). */
  attachments?: AttachmentRef[];
}

export const TASK_KINDS = [...NEXT_STEPS, 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const taskFieldsSchema = z.object({
  title: trimmed(300).min(1, { message: 'required' }),
  kind: z.enum(TASK_KINDS),
  dueOn: isoDate,
  ownerId: z.string().min(1),
  /** What the task follows up: a lead, a client, or both (a lead attached to a client). */
  leadId: idSchema.nullable(),
  clientId: idSchema.nullable(),
  doneAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TaskFields = z.infer<typeof taskFieldsSchema>;

export interface Task extends TaskFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}
