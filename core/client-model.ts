/**
 * The client base: clients (companies) and their contacts. These zod schemas are the one
 * definition of what a valid record is, used by the forms in the renderer, the data layer's
 * commands, and (from the sync issue on) the company server.
 */
import { z } from 'zod';
import { defaultClientLanguage, languageTagSchema, type LanguageCode } from './languages';
import { phoneSchema } from './phone';
import type { AttachmentRef } from './sync/attachments';
import type { ClientGroupDiscount } from './pricing/catalog-model';

export const CLIENT_STATUSES = ['lead', 'prospect', 'active', 'key', 'dormant', 'lost'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const PRICE_TYPES = ['retail', 'wholesale', 'dealer', 'key_account'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

export const SEGMENTS = ['enterprise', 'mid_market', 'small_business', 'distributor', 'public_sector'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper', 'other'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

export const ADDRESS_KINDS = ['office', 'legal', 'delivery'] as const;
export const PHONE_KINDS = ['work', 'mobile', 'other'] as const;

/** ISO 4217 currency code; money itself is always integer minor units. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'currency' });

const trimmed = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const optionalText = (max: number) => trimmed(max).default('');

export const addressSchema = z.object({
  kind: z.enum(ADDRESS_KINDS),
  street: optionalText(200),
  city: optionalText(100),
  postcode: optionalText(20),
  region: optionalText(100),
  /** ISO 3166-1 alpha-2, also the default region for parsing the client's phone numbers. */
  country: z.string().regex(/^([A-Z]{2})?$/, { message: 'country' }).default(''),
});
export type Address = z.infer<typeof addressSchema>;

/**
 * The client's country: its legal address's, else the first address's that names one ('' when
 * none does). Phone numbers, tax numbers and the default currency are read against it.
 */
export function clientCountry(addresses: readonly { kind: Address['kind']; country?: string }[] | undefined): string {
  const list = addresses ?? [];
  return (list.find((a) => a.kind === 'legal' && a.country) ?? list.find((a) => a.country))?.country ?? '';
}

/** An address on one line, as a card shows it ("1 Head Street, EH6 1AY Edinburgh, Scotland, GB"). */
export const addressLine = (a: Address): string =>
  [a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');

/** Money owed by the client; comes from the company's accounting system, never edited here. */
export const receivablesSchema = z.object({
  balance: z.number().int(),
  overdue: z.number().int().nonnegative(),
  overdueDays: z.number().int().nonnegative(),
  currency: currencySchema,
  asOf: z.string(),
});
export type Receivables = z.infer<typeof receivablesSchema>;

/** The fields a person edits on the client card. */
export const clientInputSchema = z.object({
  name: trimmed(200).min(1, { message: 'required' }),
  legalName: optionalText(300),
  taxId: optionalText(40),
  status: z.enum(CLIENT_STATUSES),
  ownerId: z.string().min(1, { message: 'required' }),
  segment: z.enum(SEGMENTS).or(z.literal('')).default(''),
  industry: optionalText(100),
  website: z
    .string()
    .trim()
    .max(300, { message: 'too_long' })
    .refine((v) => v === '' || /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i.test(v), { message: 'website' })
    .default(''),
  // A row left empty on the form (a spare "Add address") is no address: it is not stored.
  addresses: z
    .array(addressSchema)
    .max(10)
    .default([])
    .transform((list) => list.filter((a) => a.street || a.city || a.postcode || a.region || a.country)),
  priceType: z.enum(PRICE_TYPES),
  /** Standing discount in percent, two decimals at most. */
  discountPct: z
    .number({ message: 'number' })
    .min(0, { message: 'discount_range' })
    .max(100, { message: 'discount_range' })
    .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      message: 'discount_precision',
    }),
  paymentTermsDays: z.number({ message: 'number' }).int({ message: 'integer' }).min(0, { message: 'days_range' }).max(365, { message: 'days_range' }),
  currency: currencySchema,
  contractNumber: optionalText(60),
  contractDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'date' }).default(''),
  contractTerms: optionalText(2000),
  notes: optionalText(5000),
  tags: z.array(trimmed(40).min(1)).max(30).default([]),
  /**
   * The language the client's offers are printed in (core/languages.ts), whatever the manager's
   * UI speaks. '' or absent (clients made before it existed, or by an older laptop): the default
   * of the client's country (`clientLanguage`). A tag this version does not speak is kept.
   */
  language: languageTagSchema.or(z.literal('')).default(''),
});
export type ClientInput = z.infer<typeof clientInputSchema>;

/** A new client before the person fills it in: a prospect on the usual retail terms. */
export function blankClientInput(ownerId: string): ClientInput {
  return {
    name: '',
    legalName: '',
    taxId: '',
    status: 'prospect',
    ownerId,
    segment: '',
    industry: '',
    website: '',
    addresses: [],
    priceType: 'retail',
    discountPct: 0,
    paymentTermsDays: 14,
    currency: 'EUR',
    contractNumber: '',
    contractDate: '',
    contractTerms: '',
    notes: '',
    tags: [],
    language: '',
  };
}

/**
 * The language of a client's documents: its own, else the default of its country (the manager's
 * language `unknownCountry` when it has none). What a new client is stored with, and what a
 * client stored without one (from before the field existed) reads as.
 */
export function clientLanguage(client: { language?: string; addresses?: readonly { kind: Address['kind']; country?: string }[] }, unknownCountry: LanguageCode): string {
  return client.language || defaultClientLanguage(clientCountry(client.addresses), unknownCountry);
}

export interface Client extends ClientInput {
  id: string;
  /** Credit limit in minor units of `currency`; set by the company, read-only for a manager. */
  creditLimit: number;
  receivables: Receivables | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  /**
   * Files on the client card, written only by the attach/detach commands (never by the form);
   * absent on clients made before attachments existed.
   */
  attachments?: AttachmentRef[];
  /** The client's negotiated discounts per product group; set by the company, read-only here. */
  groupDiscounts?: ClientGroupDiscount[];
  /**
   * The event where the client was met: set when a lead captured there is converted into it, or
   * attached to it when it had none (renderer/src/data/leads/lead-carry.ts). null or absent (clients
   * made before it existed) otherwise; no form edits it.
   */
  eventId?: string | null;
}

/**
 * Contact input. Phone numbers are read with `readPhone` (core/phone.ts) in the regions given
 * (`phoneRegions`: the client's address countries, the active event's country, the market), so
 * the same number typed in any format is stored (and found) the same way; a number that cannot
 * be read is kept as typed, never refused. Blank phone and email lines (a form's spare rows) are
 * accepted and dropped, so that errors keep pointing at the line the person typed.
 */
export function contactInputSchema(regions: readonly string[]) {
  return z.object({
    name: trimmed(200).min(1, { message: 'required' }),
    position: optionalText(150),
    phones: z
      .array(z.object({ kind: z.enum(PHONE_KINDS), number: phoneSchema(regions) }))
      .max(10)
      .default([])
      .transform((list) => list.filter((p) => p.number !== '')),
    emails: z
      .array(z.object({ address: z.string().trim().max(254, { message: 'too_long' }).pipe(z.email({ message: 'email' }).or(z.literal(''))) }))
      .max(10)
      .default([])
      .transform((list) => list.filter((e) => e.address !== '')),
    birthday: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'date' })
      .refine((v) => v === '' || (!Number.isNaN(Date.parse(v)) && v <= new Date().toISOString().slice(0, 10)), {
        message: 'birthday',
      })
      .default(''),
    decisionRole: z.enum(DECISION_ROLES),
    notes: optionalText(5000),
  });
}
export type ContactInput = z.output<ReturnType<typeof contactInputSchema>>;

/**
 * A contact as stored, after `contactInputSchema` read it (phones checked or kept as typed, blank
 * lines dropped): what the sync protocol validates a pushed contact field against.
 */
export const contactFieldsSchema = z.object({
  name: trimmed(200).min(1, { message: 'required' }),
  position: trimmed(150),
  phones: z.array(z.object({ kind: z.enum(PHONE_KINDS), number: phoneSchema().refine((v) => v !== '', { message: 'required' }) })).max(10),
  emails: z.array(z.object({ address: z.email({ message: 'email' }).max(254) })).max(10),
  birthday: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'date' }),
  decisionRole: z.enum(DECISION_ROLES),
  notes: trimmed(5000),
});

export type ContactFormValues = z.input<ReturnType<typeof contactInputSchema>>;

export interface Contact extends ContactInput {
  id: string;
  clientId: string;
  /** The event where the person was met (a lead converted or attached); null or absent otherwise, as a client's. */
  eventId?: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** A colleague who can own clients (filled from the company server from the sync issue on). */
export interface TeamMember {
  id: string;
  name: string;
  role: 'manager' | 'head_of_sales' | 'admin';
  /**
   * The largest manual discount this person may give on an offer line without approval, in
   * basis points (1 000 = 10 %); absent on data synced before offers existed (treated as 0).
   */
  discountLimitBp?: number;
  /**
   * What this person's offer numbers start with ("AB", "AB2"): unique in the company, given by
   * the company server (core/offers/offer-number.ts); absent before the first sync.
   */
  offerPrefix?: string;
  /**
   * Set when the person has left the company (their account is disabled): their name stays on
   * their clients and in the history until a head of sales hands the clients over, but nobody
   * picks them as an owner, an assignee or for an event's team.
   */
  left?: true;
}
