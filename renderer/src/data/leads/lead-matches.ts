/**
 * Likely matches of a lead being typed: existing clients and contacts in the client base, and
 * leads already captured. Candidates come from the in-memory client search (each typed piece —
 * company, person, email, phone — is one look-up of a few rows, however big the base), then the
 * core matching rules (core/leads/match-keys.ts) decide which really match and why, on the full
 * records of those few candidates. Leads are few (hundreds per event): all are compared.
 */
import type { Client, Contact } from '../../../../core/client-model';
import type { Lead } from '../../../../core/leads/lead-model';
import { LETTERS_PER_EDIT, MIN_COMPANY_PREFIX, companyKey, companyWords, compareMatchKeys, matchKeysOf, matchRank, type MatchKeys, type MatchReason } from '../../../../core/leads/match-keys';
import type { ClientListRow } from '../clients/client-list-row';
import { clientOf, contactsOf } from '../clients/client-records';
import type { ClientSearch } from '../clients/client-search';
import { getDb, type FieldbookDb } from '../db';
import { phoneRegions } from '../../../../core/phone';
import { clientPhoneCountries } from '../phone-regions';

/** What the person has typed so far. */
export interface LeadDraft {
  personName: string;
  phone: string;
  email: string;
  companyName: string;
  /** Where its phone is read (phone-regions.ts: the lead's country, the active event's, the market). */
  regions: readonly string[];
}

export interface LikelyMatch {
  kind: 'client' | 'contact' | 'lead';
  /** The client (for a client or contact match, or a lead already attached to one). */
  clientId: string | null;
  contactId: string | null;
  leadId: string | null;
  /** Client or lead company name; the person for a lead without a company. */
  title: string;
  /** The contact's name and position, or the lead's person. */
  person: string;
  status: string;
  ownerId: string;
  /** Client rows carry the receivables the list shows. */
  balance: number | null;
  overdue: number | null;
  currency: string | null;
  reasons: MatchReason[];
}

/** Rows fetched per typed piece: a strong match is among the first few; more only costs time. */
const PER_LOOKUP = 12;
/** Matches shown. */
export const MAX_MATCHES = 6;

const keysOfClient = (c: Client): MatchKeys[] => [c.name, c.legalName].filter(Boolean).map((companyName) => matchKeysOf({ companyName }));

/**
 * A contact's match keys, made once per record read (see recordsOf): the same few candidates
 * come back key after key, and their phones' keys (libphonenumber) are most of the matching.
 */
const contactKeyCache = new WeakMap<Contact, MatchKeys>();

function keysOfContact(client: Client, contact: Contact): MatchKeys {
  let keys = contactKeyCache.get(contact);
  if (!keys) {
    keys = matchKeysOf({
      personName: contact.name,
      companyName: client.name,
      emails: contact.emails.map((e) => e.address),
      phones: contact.phones.map((p) => p.number),
      regions: phoneRegions(clientPhoneCountries(client.addresses)),
    });
    contactKeyCache.set(contact, keys);
  }
  return keys;
}

/** A lead's match keys, its phone read in the lead's country. */
export const leadMatchKeys = (lead: Lead): MatchKeys =>
  matchKeysOf({ personName: lead.personName, companyName: lead.companyName, emails: [lead.email], phones: [lead.phone], regions: phoneRegions([lead.country]) });

/**
 * Leads' keys by lead id, with the text they were made from: the live query hands over new lead
 * objects after every save, and making the keys (libphonenumber) for every lead again would
 * hold up the emptied form.
 */
const leadKeyCache = new Map<string, { text: string; keys: MatchKeys }>();
function keysOfLead(lead: Lead): MatchKeys {
  const text = [lead.personName, lead.companyName, lead.email, lead.phone, lead.country].join('\u0001');
  const cached = leadKeyCache.get(lead.id);
  if (cached?.text === text) return cached.keys;
  const keys = leadMatchKeys(lead);
  leadKeyCache.set(lead.id, { text, keys });
  return keys;
}

/**
 * The candidates' clients and contacts, kept between keystrokes: typing a name brings the same
 * few clients back key after key, and reading them from IndexedDB each time was most of a
 * keystroke's wait. An entry holds while its list row's revision does (a change to the client or
 * any of its contacts, here or by a sync, rebuilds the row with a new revision); then the records
 * are read again, as new objects, and their match keys made again.
 */
interface CandidateRecords {
  rev: number;
  client: Client;
  contacts: Contact[];
}
const recordCaches = new WeakMap<FieldbookDb, Map<string, CandidateRecords>>();
const MAX_CACHED_CLIENTS = 2000;

async function recordsOf(rows: readonly ClientListRow[], db: FieldbookDb): Promise<CandidateRecords[]> {
  let cache = recordCaches.get(db);
  if (!cache) recordCaches.set(db, (cache = new Map()));
  const missing = rows.filter((r) => cache.get(r.id)?.rev !== r.rev);
  if (missing.length > 0) {
    const ids = missing.map((r) => r.id);
    const records = await db.clients.bulkGet(ids);
    if (cache.size + missing.length > MAX_CACHED_CLIENTS) cache.clear();
    records.forEach((record, i) => {
      if (record) cache.set(record.id, { rev: missing[i]!.rev, client: clientOf(record), contacts: contactsOf(record) });
    });
  }
  return rows.map((r) => cache.get(r.id)).filter((r) => r !== undefined);
}

/** The client search look-ups worth making for a draft (each narrows to a handful of rows). */
function lookups(draft: LeadDraft, typed: MatchKeys, options: MatchOptions): string[] {
  const out: string[] = [];
  if (typed.company.length >= MIN_COMPANY_PREFIX) {
    // Word by word (the client base is searched by word prefix), and joined: "Data Soft" may be "DataSoft".
    const words = companyWords(draft.companyName);
    if (!options.bulk) out.push(words.join(' '));
    if (words.length > 1 && !options.bulk) out.push(typed.company);
    const cut = typoTolerant(words);
    if (cut) out.push(cut);
  }
  if (typed.emails[0]) out.push(typed.emails[0]);
  // The number's digits; the search matches them in every stored form of a number.
  if (typed.phones[0] && !options.bulk) out.push(typed.phones[0].replace(/\D/g, ''));
  if (!options.bulk && draft.personName.trim().length >= 4) {
    out.push(draft.personName);
    const cut = typoTolerant(draft.personName.split(/\s+/));
    if (cut) out.push(cut);
  }
  return out;
}

/**
 * A look-up that still finds a name typed with a typo or spelled another way ("Harbor Fixings"
 * for "Harbour Fixings"): each word of six letters or more (the shortest that may hold a typo,
 * `LETTERS_PER_EDIT`) cut to its first half. The words keep narrowing each other, so the dozen rows
 * it gives are the likely ones; the core rules then decide. A typo in a word's first half is not
 * found this way (the other words may still find it). Null when no word is long enough to be cut.
 */
function typoTolerant(words: readonly string[]): string | null {
  if (!words.some((w) => w.length >= LETTERS_PER_EDIT)) return null;
  return words.map((w) => (w.length >= LETTERS_PER_EDIT ? w.slice(0, Math.max(3, Math.ceil(w.length / 2))) : w)).join(' ');
}

const union = (a: readonly MatchReason[], b: readonly MatchReason[]) => [...new Set([...a, ...b])];

/** A client row's names' keys, made once per row revision (`companyRelates` asks for thousands of rows). */
const rowKeyCache = new Map<string, { rev: number; keys: MatchKeys[] }>();

/** Whether a client row's name or legal name is the typed company, like it, or what it is being typed as. */
function companyRelates(typed: MatchKeys, row: ClientListRow): boolean {
  let cached = rowKeyCache.get(row.id);
  if (cached?.rev !== row.rev) {
    if (rowKeyCache.size > MAX_CACHED_CLIENTS * 10) rowKeyCache.clear();
    cached = { rev: row.rev, keys: [row.name, row.legalName].filter(Boolean).map((companyName) => matchKeysOf({ companyName })) };
    rowKeyCache.set(row.id, cached);
  }
  return cached.keys.some((k) => compareMatchKeys(typed, k).some(isCompanyReason));
}

/** The reasons about the company, which a client has; the others are a contact's. */
const isCompanyReason = (r: MatchReason) => r === 'company' || r === 'company_similar' || r === 'company_prefix';

/** Best first: stronger reasons, then more of them. */
const byRank = (a: LikelyMatch, b: LikelyMatch) => matchRank(b.reasons) - matchRank(a.reasons);

export interface MatchOptions {
  /**
   * Many drafts at once (an import of thousands, lead-import.ts): the client base's rows by
   * company key and by phone digits, made once (`bulkIndex`), instead of the form's word and
   * digit look-ups, which read thousands of rows when nothing matches; the typo-tolerant and
   * email look-ups read at most `BULK_SCAN` rows each. The person's name is not looked up: a name
   * has namesakes all over a large base, and reading each namesake's record made a 5 000-contact
   * import take minutes. A contact with the same name is still found when its client, email or
   * phone brings it.
   */
  bulk?: BulkIndex;
  /** The draft's keys when the caller has them already (reading a phone is most of making them). */
  keys?: MatchKeys;
}

/** The client base's rows by exact keys, for `MatchOptions.bulk`. */
export interface BulkIndex {
  byCompany: ReadonlyMap<string, readonly ClientListRow[]>;
  byDigits: ReadonlyMap<string, readonly ClientListRow[]>;
}

/** Rows a bulk look-up checks at most (the form's look-ups stop at PER_LOOKUP matches, not at a count of rows). */
const BULK_SCAN = 400;

const bulkIndexes = new WeakMap<ClientSearch, { version: number; index: BulkIndex }>();

/** The bulk index of the client base as `search` holds it now (made again after any change to it). */
export function bulkIndex(search: ClientSearch): BulkIndex {
  const cached = bulkIndexes.get(search);
  if (cached?.version === search.getVersion()) return cached.index;
  const byCompany = new Map<string, ClientListRow[]>();
  for (const row of search.allRows()) {
    for (const name of new Set([row.name, row.legalName])) {
      const key = name ? companyKey(name) : '';
      if (!key) continue;
      const list = byCompany.get(key);
      if (!list) byCompany.set(key, [row]);
      else if (list[list.length - 1] !== row) list.push(row);
    }
  }
  const index = { byCompany, byDigits: search.rowsByDigits() };
  bulkIndexes.set(search, { version: search.getVersion(), index });
  return index;
}

export async function findLikelyMatches(draft: LeadDraft, search: ClientSearch, leads: readonly Lead[], db: FieldbookDb = getDb(), options: MatchOptions = {}): Promise<LikelyMatch[]> {
  const typed = options.keys ?? matchKeysOf({ ...draft, emails: [draft.email], phones: [draft.phone] });
  // Nothing identifying typed (the form just emptied after a save): nothing can match.
  if (!typed.emails.length && !typed.phones.length && !typed.company && !typed.person) return [];
  const rows = new Map<string, ClientListRow>();
  const { bulk } = options;
  for (const text of lookups(draft, typed, options)) {
    for (const row of search.lookup(text, PER_LOOKUP, bulk ? BULK_SCAN : Infinity)) {
      // Without the person's name, a client found by words is worth reading only when its name is
      // like the typed company or the email brought it: the others could match a contact by name only.
      if (!bulk || text === typed.emails[0] || companyRelates(typed, row)) rows.set(row.id, row);
    }
  }
  if (bulk) {
    const exact = [...(bulk.byCompany.get(typed.company) ?? []), ...(typed.phones[0] ? (bulk.byDigits.get(typed.phones[0].replace(/\D/g, '')) ?? []) : [])];
    for (const row of exact.slice(0, 2 * PER_LOOKUP)) rows.set(row.id, row);
  }
  const matches: LikelyMatch[] = [];
  if (rows.size > 0) {
    for (const { client, contacts } of await recordsOf([...rows.values()], db)) {
      const row = rows.get(client.id)!;
      const companyReasons = keysOfClient(client).reduce<MatchReason[]>((r, k) => union(r, compareMatchKeys(typed, k).filter(isCompanyReason)), []);
      const base = {
        clientId: client.id,
        leadId: null,
        title: client.name,
        status: client.status,
        ownerId: client.ownerId,
        balance: row.balance,
        overdue: row.overdue,
        currency: row.currency,
      };
      let contactMatched = false;
      for (const contact of contacts) {
        if (contact.archivedAt) continue;
        const personal = compareMatchKeys(typed, keysOfContact(client, contact)).filter((r) => !isCompanyReason(r));
        if (personal.length === 0) continue;
        contactMatched = true;
        const person = [contact.name, contact.position].filter(Boolean).join(', ');
        matches.push({ ...base, kind: 'contact', contactId: contact.id, person, reasons: union(personal, companyReasons) });
      }
      if (!contactMatched && companyReasons.length) matches.push({ ...base, kind: 'client', contactId: null, person: row.primaryContact, reasons: companyReasons });
    }
  }
  for (const lead of leads) {
    const reasons = compareMatchKeys(typed, keysOfLead(lead));
    if (reasons.length === 0) continue;
    matches.push({
      kind: 'lead',
      clientId: lead.clientId,
      contactId: lead.contactId,
      leadId: lead.id,
      title: lead.companyName || lead.personName,
      person: lead.companyName ? [lead.personName, lead.position].filter(Boolean).join(', ') : lead.position,
      status: lead.status,
      ownerId: lead.ownerId,
      balance: null,
      overdue: null,
      currency: null,
      reasons,
    });
  }
  return matches.sort(byRank).slice(0, MAX_MATCHES);
}
