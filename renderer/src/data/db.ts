/**
 * The one Dexie database of the renderer. Every schema version ever shipped stays declared
 * here, in order, so that a laptop on any older version upgrades in place (Dexie runs the
 * upgrades in sequence). Add tables in a new version(); never edit an old one.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Contact, TeamMember } from '../../../core/client-model';
import type { ClientRecord, LooseContact } from './clients/client-records';
import type { ClientListRow } from './clients/client-list-row';
import type { HistoryEntry } from './clients/history';
import type { OutboxEntry, RecordStamps } from './sync/outbox';
import type { Stamps } from '../../../core/sync/merge';
import type { RejectedChange } from './sync/sync-store';
import type { SyncRun } from './sync/sync-session';
import type { Conflict } from './sync/conflicts';
import type { TrashEntry } from './trash';
import type { ListSnapshotPart } from './clients/list-snapshot';
import type { StoredAttachment } from './attachments';
import type { FieldEvent, Lead, Task } from '../../../core/leads/lead-model';
import type { Offer, StockRequest } from '../../../core/offers/offer-model';
import type { Activity } from '../../../core/activities/activity-model';
import type { CatalogProduct, CompanyProfile, PriceListRecord, PriceTypeGroupDiscount, ProductGroup, StockLevel } from '../../../core/pricing/catalog-model';

/** Small key/value facts about this database (the local revision counter, seeding state). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'fieldbook';

export class FieldbookDb extends Dexie {
  /** Clients with their contacts inside (see client-records.ts). */
  clients!: EntityTable<ClientRecord, 'id'>;
  /** Synced contacts whose client has not arrived yet (see applyRecords in sync-store.ts). */
  looseContacts!: EntityTable<LooseContact, 'id'>;
  /** A compact projection of each client for the list and search; rewritten with the client. */
  clientRows!: EntityTable<ClientListRow, 'id'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  team!: EntityTable<TeamMember, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  /** Local changes not yet acknowledged by the company server (see docs/sync-protocol.md). */
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  /** Server-known field stamps per synced record: the `base` of the next local edit. */
  stamps!: EntityTable<RecordStamps, 'key'>;
  /** Changes the server refused, with their values and reason, until fixed or dismissed. */
  rejected!: EntityTable<RejectedChange, 'id'>;
  /** Concurrent edits the server kept for a person to resolve (synced from the server). */
  conflicts!: EntityTable<Conflict, 'id'>;
  /** Deleted records, kept on this laptop so that they can be undeleted. */
  // A Table, not an EntityTable: Dexie's insert type of an entity loses a union's variants.
  trash!: Table<TrashEntry, string>;
  /** One report per sync run. */
  syncRuns!: EntityTable<SyncRun, 'id'>;
  /** The list rows saved in a few large records, read at start-up (see list-snapshot.ts). */
  listSnapshot!: EntityTable<ListSnapshotPart, 'part'>;
  /** Bytes of attached files by SHA-256: made here (to upload) or fetched when opened. */
  attachments!: EntityTable<StoredAttachment, 'sha256'>;
  /** Trade fairs, exhibitions, presentations (shared by the company). */
  events!: EntityTable<FieldEvent, 'id'>;
  /** Leads captured at events or elsewhere, until qualified (attached, converted, discarded). */
  leads!: EntityTable<Lead, 'id'>;
  /** Follow-up tasks (a lead's next step). */
  tasks!: EntityTable<Task, 'id'>;
  /** Offers to clients, every version (a revision is a new record). */
  offers!: EntityTable<Offer, 'id'>;
  /** Calls, meetings, visits, emails and notes with clients. */
  activities!: EntityTable<Activity, 'id'>;
  /** Requests to logistics for items out of stock. */
  stockRequests!: EntityTable<StockRequest, 'id'>;
  // The catalog and the company profile: the company's reference data, read-only here.
  productGroups!: EntityTable<ProductGroup, 'id'>;
  products!: EntityTable<CatalogProduct, 'id'>;
  /** One record per product, with the product's id. */
  stock!: EntityTable<StockLevel, 'id'>;
  prices!: EntityTable<PriceListRecord, 'id'>;
  /** Discounts of a price type on a product group (a client's own ones are on the client). */
  groupDiscounts!: EntityTable<PriceTypeGroupDiscount, 'id'>;
  company!: EntityTable<CompanyProfile, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: the client base. Later issues add outbox, leads, offers, activities as new
    // tables in version 2+, without reshaping these.
    this.version(1).stores({
      clients: 'id, ownerId, status, updatedAt',
      contacts: 'id, clientId',
      clientRows: 'id, rev',
      history: 'id, [clientId+at]',
      team: 'id',
      meta: 'key',
    });
    // Version 2: sync. The outbox is written in the same transaction as every change.
    this.version(2).stores({
      outbox: 'seq, key',
      stamps: 'key',
      rejected: '++id, key',
      syncRuns: '++id, startedAt',
      conflicts: 'id, clientId, status',
      trash: 'key',
    });
    // Version 3: attachments. Records hold references; the bytes live here, keyed by SHA-256,
    // with their upload state (the sync uploads the pending ones before pushing references).
    this.version(3).stores({
      attachments: 'sha256, state',
    });
    // Version 4: a start-up cache of the list rows (a cache only: clientRows stays the truth).
    this.version(4).stores({
      listSnapshot: 'part',
    });
    // Version 5: lead capture. Leads are listed per event and per owner; tasks by due date.
    this.version(5).stores({
      events: 'id, startsOn',
      leads: 'id, eventId, ownerId, capturedAt, clientId',
      tasks: 'id, ownerId, dueOn, leadId',
    });
    // Version 6: offers and the catalog they are priced from; activities; requests to logistics.
    this.version(6).stores({
      offers: 'id, clientId, ownerId, status, number, updatedAt',
      activities: 'id, clientId, at, offerId',
      stockRequests: 'id, clientId, offerId, productId',
      productGroups: 'id',
      products: 'id, sku, groupId',
      stock: 'id',
      // By product and price type: an offer reads its lines' prices for its client's price type only.
      prices: 'id, productId, [productId+priceType]',
      groupDiscounts: 'id',
      company: 'id',
    });
    // Version 7: clients lose their status and updatedAt indexes. No query used them (the list
    // filters and sorts its in-memory rows), yet every client written updated both: with 100k
    // demo clients, 200k IndexedDB index entries, a sixth of what loading the base writes.
    // ownerId stays: the sync finds the clients of a manager who left the scope by it.
    this.version(7).stores({
      clients: 'id, ownerId',
    });
    // Version 8: each client's contacts, and the server's stamps of the client and its contacts,
    // move into its record (client-records.ts says why). The upgrade reads the old store through
    // its transaction; version 9 then deletes it (Dexie keeps a store readable by an upgrade only
    // while the version that upgrades still declares it).
    this.version(8)
      .stores({ contacts: 'id, clientId', looseContacts: 'id, clientId' })
      .upgrade(async (tx) => {
        const byClient = new Map<string, Contact[]>();
        const clientOfContact = new Map<string, string>();
        // In id order (the store's): contacts are kept in id order in their record.
        await tx.table<Contact, string>('contacts').each((contact) => {
          clientOfContact.set(contact.id, contact.clientId);
          const list = byClient.get(contact.clientId);
          if (list) list.push(contact);
          else byClient.set(contact.clientId, [contact]);
        });
        const stampsByClient = new Map<string, Record<string, Stamps>>();
        const moved: string[] = [];
        await tx.table<RecordStamps, string>('stamps').each(({ key, stamps }) => {
          const [table, id = ''] = key.split('/');
          const clientId = table === 'clients' ? id : table === 'contacts' ? clientOfContact.get(id) : undefined;
          if (!clientId) return; // another table's, or a contact deleted before: stays
          stampsByClient.set(clientId, { ...stampsByClient.get(clientId), [key]: stamps });
          moved.push(key);
        });
        const fill = (record: ClientRecord) => {
          const contacts = byClient.get(record.id);
          const stamps = stampsByClient.get(record.id);
          if (contacts) record.contacts = contacts;
          if (stamps) record.serverStamps = stamps;
        };
        await tx.table<ClientRecord, string>('clients').toCollection().modify(fill);
        // A deleted client's contacts and stamps stayed in their stores: they go with it into its
        // trash entry, so that undeleting the client brings them back.
        // (Only clients were ever put in the trash before version 10.)
        await tx.table<Extract<TrashEntry, { table: 'clients' }>, string>('trash').toCollection().modify((entry) => {
          entry.record = { ...entry.record };
          fill(entry.record);
        });
        await tx.table('stamps').bulkDelete(moved);
      });
    this.version(9).stores({ contacts: null });
    // Version 10: prices lose their productId index. The [productId+priceType] index answers a
    // product's prices too (a range over its first part), and every price written (thousands in
    // a first sync or the demo catalog) updated both.
    this.version(10).stores({ prices: 'id, [productId+priceType]' });
  }
}

let instance: FieldbookDb | null = null;

/** The app's database, opened on first use. */
export function getDb(): FieldbookDb {
  instance ??= new FieldbookDb();
  return instance;
}
