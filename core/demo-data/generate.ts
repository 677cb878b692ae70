/**
 * The demo client base: believable clients and contacts in six languages, generated from a
 * seed. Each client has its own generator seeded from (seed, index), so a record depends on
 * nothing but those two numbers: any batch split, any order, any machine gives the same base.
 */
import { defaultClientLanguage } from '../languages';
import type { Address, Client, ClientStatus, Contact, DecisionRole, PriceType, Receivables, Segment } from '../client-model';
import { DEMO_AS_OF } from './as-of';
import { demoClientGroupDiscounts } from './catalog-groups';
import { demoUuid } from './ids';
import type { DemoCity, DemoCompany, DemoLocale, PhoneRange } from './locale';
import { enGB, enUS } from './locales/en';
import { hi } from './locales/hi';
import { hu } from './locales/hu';
import { id } from './locales/id';
import { ms } from './locales/ms';
import { ru } from './locales/ru';
import { hash32, Rng, Weighted } from './prng';
import { HEAD_OF_SALES_ID, MANAGER_BY_LOCALE, MANAGER_IDS } from './team';

/** Every locale the generator writes, with its share of the base in percent. */
export const DEMO_LOCALES: readonly (readonly [DemoLocale, number])[] = [
  [enGB, 14],
  [enUS, 14],
  [ru, 18],
  [id, 14],
  [ms, 12],
  [hi, 14],
  [hu, 14],
];
const LOCALE = new Weighted(DEMO_LOCALES);

export { DEMO_AS_OF };
const AS_OF_MS = Date.parse(DEMO_AS_OF);
const FIRST_MS = Date.parse('2019-01-07T09:00:00.000Z');
const DAY_MS = 86_400_000;

// Record kinds mixed into ids, so a client and a contact never share one.
const CLIENT_ID_KIND = 1;
const CONTACT_ID_KIND = 2;
/** Contact ids number contacts as index * 8 + j; a client has at most 5. */
const CONTACT_SLOTS = 8;
/** Past this index contact numbers would leave uint32 and ids could repeat. */
export const MAX_DEMO_CLIENTS = 2 ** 32 / CONTACT_SLOTS;

// ---------------------------------------------------------------- contacts per client

/**
 * Contact counts of 20 consecutive clients: a shuffle of this multiset (sum 50), so any 20
 * aligned clients have exactly 50 contacts and 100k clients exactly 250k: the benchmark base.
 */
const BLOCK_COUNTS = [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5] as const;
export const CONTACTS_PER_CLIENT = BLOCK_COUNTS.reduce((a, b) => a + b, 0) / BLOCK_COUNTS.length;

/** How many contacts client `index` has (deterministic, independent of batches). */
export function contactCountOf(seed: number, index: number): number {
  const size = BLOCK_COUNTS.length;
  const rng = new Rng(hash32(seed, 0x636f6e74), Math.floor(index / size));
  const pos = index % size;
  const order: number[] = [...BLOCK_COUNTS];
  // A Fisher–Yates shuffle settles position `pos` after its first pos + 1 steps.
  for (let i = 0; i <= pos; i++) {
    const j = i + rng.int(size - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order[pos]!;
}

/** Number of contacts `generateClientBatch` returns for these clients, without generating them. */
export function countDemoContacts({ seed, start, count }: DemoBatchRequest): number {
  const size = BLOCK_COUNTS.length;
  let total = 0;
  let i = start;
  const end = start + count;
  for (; i < end && i % size !== 0; i++) total += contactCountOf(seed, i);
  for (; i + size <= end; i += size) total += CONTACTS_PER_CLIENT * size;
  for (; i < end; i++) total += contactCountOf(seed, i);
  return total;
}

// ---------------------------------------------------------------- distributions

const STATUS = new Weighted<ClientStatus>([
  ['active', 40],
  ['prospect', 25],
  ['key', 8],
  ['lead', 10],
  ['dormant', 11],
  ['lost', 6],
]);
const SEGMENT = new Weighted<Segment | ''>([
  ['small_business', 35],
  ['mid_market', 28],
  ['enterprise', 9],
  ['distributor', 16],
  ['public_sector', 5],
  ['', 7],
]);
/** Credit limit range per segment, in US dollars (scaled to the client's currency). */
const CREDIT_USD: Record<Segment | '', readonly [number, number]> = {
  small_business: [2_000, 20_000],
  mid_market: [20_000, 150_000],
  enterprise: [150_000, 1_500_000],
  distributor: [50_000, 500_000],
  public_sector: [20_000, 200_000],
  '': [5_000, 50_000],
};
const TERMS_DAYS = new Weighted<number>([
  [0, 10],
  [7, 5],
  [14, 15],
  [30, 40],
  [45, 10],
  [60, 15],
  [90, 5],
]);
const COMMON_DISCOUNTS = [0, 2, 2.5, 3, 5, 5, 7.5, 10, 10, 12, 12.5, 15] as const;
const TAG_COUNT = new Weighted<number>([
  [0, 40],
  [1, 35],
  [2, 18],
  [3, 7],
]);
const GLOBAL_TAGS = ['vip', 'tender', 'exhibition', 'referral', 'export', 'new-contract', 'reconciliation', 'samples-sent', 'price-sensitive', 'seasonal'];

// ---------------------------------------------------------------- helpers

// Timestamps are whole seconds: the day's date comes from a per-day cache and the time from
// a two-digit table, which is several times cheaper than Date#toISOString per record.
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayCache = new Map<number, string>();
function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}
function iso(ms: number): string {
  const sec = Math.floor((ms % DAY_MS) / 1000);
  return `${isoDate(ms)}T${TWO_DIGITS[Math.floor(sec / 3600)]}:${TWO_DIGITS[Math.floor(sec / 60) % 60]}:${TWO_DIGITS[sec % 60]}.000Z`;
}
/** A moment between `from` and `to`, to the second. */
const between = (rng: Rng, from: number, to: number) => from + rng.int(Math.max(1, Math.floor((to - from) / 1000))) * 1000;

/** Rounded to two significant digits, as people set limits ("12 000", not "12 347"). */
function roundNice(x: number): number {
  if (x < 100) return Math.round(x);
  const step = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / step) * step;
}

/** An E.164 number in one of the ranges: prefixes are known to be valid (see the tests). */
function phoneIn(rng: Rng, loc: DemoLocale, ranges: readonly PhoneRange[]): string {
  const r = rng.pick(ranges);
  return `+${loc.callingCode}${r.prefix}${rng.digits(r.length - r.prefix.length)}`;
}

function pickDistinct<T>(rng: Rng, items: readonly T[], n: number, into: T[]): void {
  for (let tries = 0; into.length < n && tries < n * 4; tries++) {
    const x = rng.pick(items);
    if (!into.includes(x)) into.push(x);
  }
}

function priceTypeFor(rng: Rng, status: ClientStatus, segment: Segment | ''): PriceType {
  if (status === 'key') return rng.chance(0.8) ? 'key_account' : 'wholesale';
  if (segment === 'distributor') return rng.chance(0.6) ? 'dealer' : 'wholesale';
  if (segment === 'enterprise') return rng.chance(0.6) ? 'wholesale' : rng.chance(0.5) ? 'key_account' : 'retail';
  return rng.chance(0.55) ? 'retail' : 'wholesale';
}

function discountFor(rng: Rng, status: ClientStatus): number {
  if ((status === 'lead' || status === 'prospect') && rng.chance(0.8)) return 0;
  // Mostly round figures; some negotiated to the hundredth (int / 100 keeps two decimals exactly).
  return rng.chance(0.8) ? rng.pick(COMMON_DISCOUNTS) : rng.int(1501) / 100;
}

function ownerFor(rng: Rng, loc: DemoLocale, status: ClientStatus): string {
  const r = rng.float();
  if (r < (status === 'key' ? 0.25 : 0.03)) return HEAD_OF_SALES_ID;
  // Some clients were handed over to a colleague from another region.
  if (r < 0.12) return rng.pick(MANAGER_IDS);
  return MANAGER_BY_LOCALE[loc.tag]!;
}

function amountMinor(rng: Rng, loc: DemoLocale, major: number): number {
  return Math.round(major) * 100 + (loc.cents ? rng.int(100) : 0);
}

function receivablesFor(rng: Rng, loc: DemoLocale, status: ClientStatus, creditLimit: number, currency: string): Receivables | null {
  const p = status === 'active' || status === 'key' ? 0.8 : status === 'dormant' ? 0.45 : status === 'lost' ? 0.3 : 0;
  if (!rng.chance(p)) return null;
  const asOf = isoDate(AS_OF_MS - rng.int(3) * DAY_MS);
  const scale = creditLimit > 0 ? creditLimit / 100 : roundNice(3000 * loc.perUsd);
  if (rng.chance(0.05)) {
    // Paid in advance: a credit balance.
    return { balance: -amountMinor(rng, loc, scale * 0.1 * rng.float()), overdue: 0, overdueDays: 0, currency, asOf };
  }
  const balance = amountMinor(rng, loc, scale * 0.9 * rng.float());
  const overdueChance = status === 'dormant' || status === 'lost' ? 0.6 : 0.25;
  if (balance <= 0 || !rng.chance(overdueChance)) return { balance, overdue: 0, overdueDays: 0, currency, asOf };
  const overdue = Math.min(balance, Math.round(balance * (0.1 + 0.9 * rng.float())));
  return { balance, overdue, overdueDays: rng.range(1, status === 'lost' ? 365 : 120), currency, asOf };
}

// ---------------------------------------------------------------- records

interface ClientPlace {
  loc: DemoLocale;
  city: DemoCity;
  latin: boolean;
}

function addressFor(rng: Rng, kind: Address['kind'], { loc, city, latin }: ClientPlace): Address {
  const names = latin && city.latin ? city.latin : city;
  return { kind, street: loc.street(rng, latin), city: names.name, postcode: city.postcode(rng), region: names.region, country: loc.country };
}

const deciders = new Map<DemoLocale, DemoLocale['positions']>();
/** The positions of a locale whose holder decides. */
function decidersOf(loc: DemoLocale): DemoLocale['positions'] {
  let list = deciders.get(loc);
  if (!list) {
    list = loc.positions.filter(([, role]) => role === 'decision_maker');
    deciders.set(loc, list);
  }
  return list;
}

function emailLocal(rng: Rng, first: string, last: string): string {
  if (!last) return first;
  const r = rng.float();
  if (r < 0.5) return `${first}.${last}`;
  if (r < 0.7) return `${first.charAt(0)}.${last}`;
  if (r < 0.82) return `${first}${last}`;
  if (r < 0.92) return `${last}.${first}`;
  return first;
}

function contactFor(
  rng: Rng,
  seed: number,
  index: number,
  j: number,
  place: ClientPlace,
  company: DemoCompany,
  domain: string,
  clientId: string,
  clientCreated: number,
): Contact {
  const { loc, city } = place;
  const person = loc.person(rng, company.latin);
  // The first contact is who decides; the rest come from anywhere in the organisation.
  const [position, role] = rng.pick(j === 0 ? decidersOf(loc) : loc.positions);
  const decisionRole: DecisionRole = j > 0 && rng.chance(0.05) ? 'other' : role;

  const phones: Contact['phones'] = [];
  const r = rng.float();
  if (r < 0.7) phones.push({ kind: 'mobile', number: phoneIn(rng, loc, loc.mobiles) });
  if (r > 0.45 && r < 0.97) phones.push({ kind: 'work', number: phoneIn(rng, loc, city.landlines) });

  const emails: Contact['emails'] = [];
  if (rng.chance(0.85)) {
    const local = emailLocal(rng, person.first, person.last);
    emails.push({ address: domain ? `${local}@${domain}` : `${local}${rng.range(10, 99)}@${rng.pick(loc.freeMail)}` });
    if (domain && rng.chance(0.08)) emails.push({ address: `${person.first}${rng.range(70, 99)}@${rng.pick(loc.freeMail)}` });
  }

  const created = between(rng, clientCreated, AS_OF_MS);
  // Day 28 at most: every month has it, so no birthday is an impossible date.
  const birthday = rng.chance(0.35) ? `${rng.range(1958, 2001)}-${TWO_DIGITS[rng.range(1, 12)]}-${TWO_DIGITS[rng.range(1, 28)]}` : '';
  return {
    id: demoUuid(seed, index * CONTACT_SLOTS + j, CONTACT_ID_KIND),
    clientId,
    name: person.name,
    position,
    phones,
    emails,
    birthday,
    decisionRole,
    notes: '',
    createdAt: iso(created),
    updatedAt: iso(between(rng, created, AS_OF_MS)),
    archivedAt: null,
  };
}

/** Client `index` of the base generated from `seed`, with its contacts. */
export function generateDemoClient(seed: number, index: number): { client: Client; contacts: Contact[] } {
  const rng = new Rng(seed, index);
  const loc = LOCALE.pick(rng);
  const company = loc.company(rng);
  const city = rng.pick(loc.cities);
  // Hindi clients write addresses in Devanagari or Latin; the others have one script.
  const place: ClientPlace = { loc, city, latin: city.latin !== undefined && (company.latin || rng.chance(0.3)) };
  const status = STATUS.pick(rng);
  const segment = SEGMENT.pick(rng);

  const created = status === 'lead' ? between(rng, AS_OF_MS - 120 * DAY_MS, AS_OF_MS - DAY_MS) : between(rng, FIRST_MS, AS_OF_MS - 30 * DAY_MS);
  const updated = between(rng, created, AS_OF_MS);

  const hasSite = rng.chance(status === 'lead' ? 0.5 : 0.75);
  const domain = hasSite && company.slug ? `${company.slug}.${loc.tld}` : '';
  const website = !domain ? '' : rng.chance(0.6) ? `www.${domain}` : rng.chance(0.6) ? `https://${domain}` : `https://www.${domain}`;

  const addresses = [addressFor(rng, 'office', place)];
  if (rng.chance(loc.country === 'RU' ? 0.5 : 0.2)) addresses.push(addressFor(rng, 'legal', place));
  if (rng.chance(0.15)) addresses.push(addressFor(rng, 'delivery', { ...place, city: rng.pick(loc.cities) }));

  const early = status === 'lead' || status === 'prospect';
  const paymentTermsDays = early ? (rng.chance(0.6) ? 0 : rng.pick([7, 14])) : TERMS_DAYS.pick(rng);
  const [lo, hi] = CREDIT_USD[segment];
  const creditLimit = early || paymentTermsDays === 0 ? 0 : roundNice(lo * (hi / lo) ** rng.float() * loc.perUsd) * 100;

  const contracted = (status === 'active' || status === 'key' || status === 'dormant') && rng.chance(0.8);
  const contractMs = contracted ? between(rng, created, AS_OF_MS - 7 * DAY_MS) : 0;

  const tags: string[] = [];
  pickDistinct(rng, rng.chance(0.2) ? loc.tags : GLOBAL_TAGS, TAG_COUNT.pick(rng), tags);
  if (status === 'key' && !tags.includes('vip') && rng.chance(0.5)) tags.push('vip');

  const client: Client = {
    id: demoUuid(seed, index, CLIENT_ID_KIND),
    name: company.name,
    legalName: company.legalName,
    taxId: status === 'lead' && rng.chance(0.6) ? '' : loc.taxId(rng, city, company),
    status,
    ownerId: ownerFor(rng, loc, status),
    segment,
    industry: rng.chance(0.92) ? rng.pick(loc.industries) : '',
    website,
    addresses,
    priceType: priceTypeFor(rng, status, segment),
    discountPct: discountFor(rng, status),
    paymentTermsDays,
    currency: loc.currency,
    contractNumber: contracted ? loc.contractNumber(rng, new Date(contractMs).getUTCFullYear()) : '',
    contractDate: contracted ? isoDate(contractMs) : '',
    contractTerms: contracted && rng.chance(0.3) ? rng.pick(loc.contractTerms) : '',
    notes: rng.chance(0.1) ? rng.pick(loc.notes) : '',
    tags,
    // The language of its country (no draw: the rest of the client is as before the field).
    language: defaultClientLanguage(loc.country, loc.language),
    creditLimit,
    receivables: null,
    createdAt: iso(created),
    updatedAt: iso(updated),
    archivedAt: null,
  };
  client.receivables = receivablesFor(rng, loc, status, creditLimit, loc.currency);
  // Drawn from a stream of their own after everything else, so the rest of the client is as before.
  const groupDiscounts = demoClientGroupDiscounts(seed, index, status, client.priceType);
  if (groupDiscounts.length > 0) client.groupDiscounts = groupDiscounts;

  const n = contactCountOf(seed, index);
  const contacts: Contact[] = [];
  for (let j = 0; j < n; j++) contacts.push(contactFor(rng, seed, index, j, place, company, domain, client.id, created));
  return { client, contacts };
}

export interface DemoBatchRequest {
  /** Any uint32; the same seed always gives the same base. */
  seed: number;
  /** Index of the first client. */
  start: number;
  count: number;
}

export interface DemoBatch {
  clients: Client[];
  /** The contacts of these clients, grouped by client in client order. */
  contacts: Contact[];
}

/** Clients `start` … `start + count - 1` of the base generated from `seed`, and their contacts. */
export function generateClientBatch({ seed, start, count }: DemoBatchRequest): DemoBatch {
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > MAX_DEMO_CLIENTS) {
    throw new RangeError(`demo clients ${start}…${start + count - 1} are out of range`);
  }
  const clients: Client[] = [];
  const contacts: Contact[] = [];
  for (let i = start; i < start + count; i++) {
    const one = generateDemoClient(seed >>> 0, i);
    clients.push(one.client);
    for (const c of one.contacts) contacts.push(c);
  }
  return { clients, contacts };
}
