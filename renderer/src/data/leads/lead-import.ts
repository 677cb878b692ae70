/**
 * lead-import: many contacts at once (a .vcf from a phone or a mail program) as leads.
 *
 * Each contact is checked before anything is written: one the lead schema cannot take is
 * reported with its reason; one that is already here — every identifying piece it has (name,
 * company, email, phone) equal to an existing lead's or contact's, or to a contact earlier in the
 * same file — is skipped and reported, so importing the same file again adds nothing; one that
 * is only like an existing record (a shared email, a company spelt another way) is captured and
 * flagged for a look. The rest is written 500 leads per transaction, with the card photos and
 * the sync outbox, and the caller hears the progress after each transaction.
 *
 * Fast at 5 000 contacts: the leads already captured are indexed by their keys once, so a
 * contact is compared with the few leads that share one, not with all of them; the client base
 * is asked through the in-memory search like the capture form's likely matches.
 */
import { leadInputSchema, type Lead, type LeadFormValues } from '../../../../core/leads/lead-model';
import { matchKeysOf, matchStrength, type MatchKeys, type MatchReason } from '../../../../core/leads/match-keys';
import { phoneRegions } from '../../../../core/phone';
import type { AttachmentRef } from '../../../../core/sync/attachments';
import { DELETED_FIELD } from '../../../../core/sync/tables';
import type { PreparedFile } from '../attachments';
import type { ClientSearch } from '../clients/client-search';
import { safeText } from '../clients/commands';
import { getDb, type FieldbookDb } from '../db';
import { bulkIndex, findLikelyMatches, leadMatchKeys, type LikelyMatch } from './lead-matches';
import { activeEventId, currentUserId, keepPhoto } from './leads';
import { outboxTables, recordCreations } from '../sync/outbox';
import { phoneRegionsFor } from '../phone-regions';

/** One contact of the file, as the capture form would hold it, with its pictures read and hashed. */
export interface ImportItem {
  /** 1-based position of the contact in the file. */
  position: number;
  values: LeadFormValues;
  pictures: readonly PreparedFile[];
}

/** Why a contact gives no lead: the schema's message (`lead_empty`, `too_long`, …) and its field. */
export interface ImportFailure {
  position: number;
  name: string;
  message: string;
  field: string;
}

/** A contact skipped because it is already here. */
export interface ImportDuplicate {
  position: number;
  name: string;
  /** What it is the same as: a lead, or a contact of a client (or an earlier contact of the file, a lead now). */
  of: Pick<LikelyMatch, 'kind' | 'title' | 'person' | 'leadId' | 'clientId' | 'contactId'>;
}

/** A contact captured, but like something already here: worth a look. */
export interface ImportFlag {
  position: number;
  name: string;
  leadId: string;
  matches: Pick<LikelyMatch, 'kind' | 'title' | 'person' | 'reasons' | 'leadId' | 'clientId'>[];
}

export interface ImportReport {
  captured: string[];
  failed: ImportFailure[];
  duplicates: ImportDuplicate[];
  flagged: ImportFlag[];
}

export interface ImportOptions {
  /** The client search the capture screen finds likely matches with. */
  search: ClientSearch;
  /** Called after each written batch, and once before the first. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

/** Leads per transaction: each write makes the screen's lead queries read all the leads again (5 of them for 5 000 contacts). */
const BATCH = 1000;
/** Likely matches shown per flagged contact. */
const FLAG_MATCHES = 3;

export const importName = (v: Pick<LeadFormValues, 'personName' | 'companyName' | 'email' | 'phone'>) => v.personName || v.companyName || v.email || v.phone || '';

/**
 * Every identifying piece the contact has is equal in the match (the reasons say so, per piece):
 * the same contact again. A match on some pieces only is a likely match, not a duplicate.
 */
function sameContact(typed: MatchKeys, reasons: readonly MatchReason[]): boolean {
  const needed: MatchReason[] = [];
  if (typed.person) needed.push('person');
  if (typed.company) needed.push('company');
  if (typed.emails.length) needed.push('email');
  if (typed.phones.length) needed.push('phone');
  return needed.length > 0 && needed.every((r) => reasons.includes(r));
}

/**
 * The leads by their keys (emails, phones, company, person): a contact is compared with the
 * leads that share one, not with every lead. A lead whose company is only spelt like the
 * contact's is not among them (the client base's are, through the search).
 *
 * A common name or a big company is shared by hundreds of leads of a large file, and comparing
 * each contact with all of them made an import slow as the square of its size. Those broad keys
 * (the person alone, the company alone) bring only their `BROAD_CANDIDATES` latest leads when
 * the contact also has a specific key — an email, a phone, or person and company together —
 * because a duplicate shares every piece the contact has, so that specific key already brings
 * any duplicate; what the cap can leave out is a namesake at another company, a likely match of
 * the weakest kind. A contact with only a name, or only a company, is compared with all.
 */
const BROAD_CANDIDATES = 24;

class LeadIndex {
  private readonly buckets = new Map<string, Lead[]>();

  add(lead: Lead, keys: MatchKeys): void {
    for (const key of [...LeadIndex.specificKeys(keys), ...LeadIndex.broadKeys(keys)]) {
      const list = this.buckets.get(key);
      if (list) list.push(lead);
      else this.buckets.set(key, [lead]);
    }
  }

  candidates(keys: MatchKeys): Lead[] {
    const found = new Set<Lead>();
    const specific = LeadIndex.specificKeys(keys);
    for (const key of specific) for (const lead of this.buckets.get(key) ?? []) found.add(lead);
    for (const key of LeadIndex.broadKeys(keys)) {
      const leads = this.buckets.get(key) ?? [];
      for (const lead of specific.length ? leads.slice(-BROAD_CANDIDATES) : leads) found.add(lead);
    }
    return [...found];
  }

  private static specificKeys(keys: MatchKeys): string[] {
    return [
      ...keys.emails.map((e) => `e:${e}`),
      ...keys.phones.map((p) => `p:${p}`),
      ...(keys.company && keys.person ? [`w:${keys.person}\u0001${keys.company}`] : []),
    ];
  }

  private static broadKeys(keys: MatchKeys): string[] {
    return [...(keys.company ? [`c:${keys.company}`] : []), ...(keys.person ? [`n:${keys.person}`] : [])];
  }
}

/** lead-import: see the module's comment. Never throws for one contact; a failed write fails the rest of its batch only. */
export async function importLeads(items: readonly ImportItem[], options: ImportOptions, db: FieldbookDb = getDb()): Promise<ImportReport> {
  const report: ImportReport = { captured: [], failed: [], duplicates: [], flagged: [] };
  const total = items.length;
  const batchSize = options.batchSize ?? BATCH;
  options.onProgress?.(0, total);
  const laptopRegions = await phoneRegionsFor([], db);
  const me = await currentUserId(db);
  const eventId = await activeEventId(db);
  // One schema per list of regions (a file's contacts come from a few countries): making a zod
  // schema costs more than checking a contact with it.
  const schemas = new Map<string, ReturnType<typeof leadInputSchema>>();
  const schemaFor = (regions: readonly string[]) => {
    const key = regions.join(',');
    let schema = schemas.get(key);
    if (!schema) schemas.set(key, (schema = leadInputSchema(regions)));
    return schema;
  };
  // Where an import's time goes, for the capture bench: the indexes, then checking and writing per batch.
  const mark = (phase: string, since: number) => performance.measure(`fieldbook:import-${phase}`, { start: since, end: performance.now() });
  let since = performance.now();
  const bulk = bulkIndex(options.search);
  const index = new LeadIndex();
  for (const lead of await db.leads.toArray()) index.add(lead, leadMatchKeys(lead));
  mark('index', since);

  for (let start = 0; start < total; start += batchSize) {
    since = performance.now();
    const batch: { item: ImportItem; lead: Lead; flags: ImportFlag['matches'] }[] = [];
    for (const item of items.slice(start, start + batchSize)) {
      const name = importName(item.values);
      const regions = phoneRegions([item.values.country ?? '', ...laptopRegions]);
      const parsed = schemaFor(regions).safeParse(safeText(item.values));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        report.failed.push({ position: item.position, name, message: issue?.message ?? 'invalid', field: String(issue?.path[0] ?? '') });
        continue;
      }
      const data = parsed.data;
      const typed = matchKeysOf({ personName: data.personName, companyName: data.companyName, emails: [data.email], phones: [data.phone], regions });
      const draft = { personName: data.personName, companyName: data.companyName, email: data.email, phone: data.phone, regions };
      const matches = await findLikelyMatches(draft, options.search, index.candidates(typed), db, { bulk, keys: typed });
      const same = matches.find((m) => m.kind !== 'client' && sameContact(typed, m.reasons));
      if (same) {
        report.duplicates.push({ position: item.position, name, of: { kind: same.kind, title: same.title, person: same.person, leadId: same.leadId, clientId: same.clientId, contactId: same.contactId } });
        continue;
      }
      const at = new Date().toISOString();
      const lead: Lead = {
        ...data,
        id: crypto.randomUUID(),
        ownerId: me,
        eventId,
        status: 'new',
        clientId: null,
        contactId: null,
        discardReason: '',
        capturedBy: me,
        capturedAt: at,
        createdAt: at,
        updatedAt: at,
      };
      const worthALook = matches.filter((m) => {
        const strength = matchStrength(m.reasons);
        return strength === 'strong' || strength === 'medium';
      });
      batch.push({ item, lead, flags: worthALook.slice(0, FLAG_MATCHES).map((m) => ({ kind: m.kind, title: m.title, person: m.person, reasons: m.reasons, leadId: m.leadId, clientId: m.clientId })) });
      // In the index at once: the same contact further down the file is a duplicate of this one.
      index.add(lead, typed);
    }
    mark('check', since);
    since = performance.now();
    try {
      await db.transaction('rw', [db.leads, db.attachments, db.events, db.team, ...outboxTables(db)], async () => {
        for (const { item, lead } of batch) {
          const pictures: AttachmentRef[] = [];
          for (const picture of item.pictures) if (!pictures.some((p) => p.sha256 === picture.sha256)) pictures.push(await keepPhoto(db, picture, lead.createdAt));
          if (pictures.length) lead.attachments = pictures;
        }
        // The batch's leads and their outbox entries in two bulk writes: one write per lead made
        // a 5 000-contact import spend seconds in IndexedDB round trips.
        await db.leads.bulkAdd(batch.map((b) => b.lead));
        await recordCreations(
          db,
          'leads',
          batch.map(({ lead }) => ({ id: lead.id, values: { ...lead, [DELETED_FIELD]: false } })),
        );
      });
    } catch (e) {
      // The disk refused the batch (full, or the database closed): these contacts are not
      // captured, and say so; the batches before stay, the ones after still try.
      const message = e instanceof Error ? e.message : String(e);
      for (const { item } of batch) report.failed.push({ position: item.position, name: importName(item.values), message: 'write_failed', field: message });
      options.onProgress?.(Math.min(start + batchSize, total), total);
      continue;
    }
    mark('write', since);
    for (const { item, lead, flags } of batch) {
      report.captured.push(lead.id);
      if (flags.length) report.flagged.push({ position: item.position, name: importName(item.values), leadId: lead.id, matches: flags });
    }
    options.onProgress?.(Math.min(start + batchSize, total), total);
  }
  return report;
}
