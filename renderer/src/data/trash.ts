/**
 * The trash: deleted clients, contacts, leads and offers stay on the laptop, whoever deleted them
 * (here, or on another laptop: a pulled tombstone), so that a delete can be undone — sync
 * revives a record only by an explicit undelete (`_deleted: false`), which Restore writes.
 *
 * Deleting a record deletes that record only. What hangs off it stays as it is and is hidden
 * while it is in the trash: a client's contacts are kept inside its trash entry (and follow their
 * synced changes), its offers, activities and requests to logistics stay in their tables but no
 * list or count shows them; a lead's tasks stay but the task list hides them. Restoring the
 * record shows them again, on every laptop, since nothing of theirs was deleted.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contact } from '../../../core/client-model';
import type { Lead } from '../../../core/leads/lead-model';
import type { Offer, OfferStatus } from '../../../core/offers/offer-model';
import { hlcWall } from '../../../core/sync/hlc';
import { stampOf, type Stamps } from '../../../core/sync/merge';
import { DELETED_FIELD } from '../../../core/sync/tables';
import type { ClientRecord } from './clients/client-records';
import { CommandError, undeleteClient, undeleteContact } from './clients/commands';
import { getDb, type FieldbookDb } from './db';
import { currentUserId } from './leads/leads';
import { outboxTables, recordChange, recordKey } from './sync/outbox';

interface TrashEntryBase {
  /** `${table}/${id}` (see recordKey). */
  key: string;
  id: string;
  /** ISO-8601 UTC, when it was deleted (a pulled delete: its stamp's time). */
  at: string;
  /** Who deleted it (a user id); absent on entries from before this was kept, null for the company. */
  by?: string | null;
}

export type TrashEntry =
  /** A client as it was stored, with its contacts (and their server stamps). */
  | (TrashEntryBase & { table: 'clients'; record: ClientRecord })
  /** A contact; its server stamps stay in its client's record. */
  | (TrashEntryBase & { table: 'contacts'; clientId: string; record: Contact })
  | (TrashEntryBase & { table: 'leads'; record: Lead })
  | (TrashEntryBase & { table: 'offers'; record: Offer });

export type TrashTable = TrashEntry['table'];

/** The tables whose records stand in the trash by themselves (a client's contacts are inside its entry). */
export const TRASH_TABLES: readonly TrashTable[] = ['clients', 'contacts', 'leads', 'offers'];

/**
 * When a pulled tombstone was made: its `_deleted` stamp's time (the deleting laptop's clock, as
 * the server corrected it), or `fallback` for a stamp that says nothing.
 */
export function deletedAt(stamps: Stamps, fallback: string): string {
  const stamp = stampOf(stamps, DELETED_FIELD);
  return stamp ? new Date(hlcWall(stamp)).toISOString() : fallback;
}

/**
 * Offers that never went to the client may be deleted (a draft made by mistake, one still
 * waiting for or holding an approval). A sent offer is the record of what the client was given:
 * it is declined, expired or revised, never deleted (the company server refuses it too:
 * core/offers/offer-write-rules.ts).
 */
const DELETABLE_OFFERS: ReadonlySet<OfferStatus> = new Set(['draft', 'awaiting_approval', 'approved']);
export const isOfferDeletable = (offer: Pick<Offer, 'status'>) => DELETABLE_OFFERS.has(offer.status);

const plainTables = (db: FieldbookDb) => [db.leads, db.offers, db.clients, db.trash, db.team, ...outboxTables(db)] as const;

/** lead-delete: the lead leaves every list here and, at the next sync, everywhere; kept in the trash. */
export async function deleteLead(id: string, db = getDb()): Promise<void> {
  await db.transaction('rw', plainTables(db), async () => {
    const lead = await db.leads.get(id);
    if (!lead) throw new CommandError('errors.lead_not_found');
    await recordChange(db, 'leads', id, { [DELETED_FIELD]: true });
    await db.trash.put({ key: recordKey('leads', id), table: 'leads', id, record: lead, at: new Date().toISOString(), by: await currentUserId(db) });
    await db.leads.delete(id);
  });
}

/** offer-delete: an offer that never went to the client leaves every list; kept in the trash. */
export async function deleteOffer(id: string, db = getDb()): Promise<void> {
  await db.transaction('rw', plainTables(db), async () => {
    const offer = await db.offers.get(id);
    if (!offer) throw new CommandError('offers.errors.not_found');
    if (!isOfferDeletable(offer)) throw new CommandError('offers.errors.not_deletable');
    await recordChange(db, 'offers', id, { [DELETED_FIELD]: true });
    await db.trash.put({ key: recordKey('offers', id), table: 'offers', id, record: offer, at: new Date().toISOString(), by: await currentUserId(db) });
    await db.offers.delete(id);
  });
}

/** lead-undelete, offer-undelete: back from the trash, here and (at the next sync) everywhere. */
async function undeletePlain(db: FieldbookDb, entry: Extract<TrashEntry, { table: 'leads' | 'offers' }>): Promise<void> {
  await db.transaction('rw', plainTables(db), async () => {
    if (entry.table === 'offers' && !(await db.clients.get(entry.record.clientId))) throw new CommandError('errors.restore_client_first');
    await db.table(entry.table).put({ ...entry.record, updatedAt: new Date().toISOString() });
    await db.trash.delete(entry.key);
    await recordChange(db, entry.table, entry.id, { [DELETED_FIELD]: false });
  });
}

/**
 * Restore: a record in the trash comes back, here and at the next sync everywhere. A contact or
 * an offer whose client is in the trash too waits for its client (restored first, it brings
 * back what hangs off it).
 */
export async function restoreFromTrash(key: string, db = getDb()): Promise<void> {
  const entry = await db.trash.get(key);
  if (!entry) throw new CommandError('errors.not_in_trash');
  if (entry.table === 'clients') await undeleteClient(entry.id, db);
  else if (entry.table === 'contacts') await undeleteContact({ id: entry.id, clientId: entry.clientId }, db);
  else await undeletePlain(db, entry);
}

/** What the trash screen shows of an entry: what it was, and where it belonged. */
export interface TrashItem {
  entry: TrashEntry;
  /** The client a contact or offer belongs to, by name, and whether that client is in the trash too. */
  clientName?: string;
  clientInTrash?: boolean;
}

/** Everything in the trash, the latest deleted first. */
export function useTrash(): TrashItem[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const entries = (await db.trash.toArray()).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const clientIds = [...new Set(entries.map(clientIdOf).filter((id): id is string => id !== null))];
    const clients = await db.clients.bulkGet(clientIds);
    const live = new Map(clients.filter((c) => c !== undefined).map((c) => [c.id, c.name]));
    const trashed = new Map(entries.flatMap((e) => (e.table === 'clients' ? [[e.id, e.record.name] as const] : [])));
    return entries.map((entry) => {
      const clientId = entry.table === 'clients' ? null : clientIdOf(entry);
      if (!clientId) return { entry };
      return { entry, clientName: live.get(clientId) ?? trashed.get(clientId), clientInTrash: !live.has(clientId) && trashed.has(clientId) };
    });
  }, []);
}

/** How many records are in the trash (the navigation's count). */
export const useTrashCount = () => useLiveQuery(() => getDb().trash.count(), []);

/** The client an entry's record is of (a client's own id), or null (a lead not linked to one). */
export function clientIdOf(entry: TrashEntry): string | null {
  if (entry.table === 'clients') return entry.id;
  if (entry.table === 'contacts') return entry.clientId;
  return entry.record.clientId ?? null;
}

/** The ids of the clients in the trash, inside the caller's transaction (which must include `trash`). */
export async function trashedClientIds(db: FieldbookDb): Promise<Set<string>> {
  const keys = (await db.trash.where('key').startsWith('clients/').primaryKeys()) as string[];
  return new Set(keys.map((k) => k.slice('clients/'.length)));
}

/**
 * Trash entries of records that left this laptop's sight (clients reassigned to someone it does
 * not see, leads handed over, owners no longer in its scope): they go with the records, inside
 * the caller's transaction. What the person may no longer see must not stay on the laptop in
 * its trash either.
 */
export async function forgetTrashOf(db: FieldbookDb, gone: { clientIds?: readonly string[]; leadIds?: readonly string[]; owners?: readonly string[] }): Promise<void> {
  const clients = new Set(gone.clientIds ?? []);
  const leads = new Set(gone.leadIds ?? []);
  const owners = new Set(gone.owners ?? []);
  if (clients.size + leads.size + owners.size === 0 || (await db.trash.count()) === 0) return;
  const entries = await db.trash.toArray();
  // A client of a removed owner goes, and with it what hangs off it.
  for (const e of entries) if (e.table === 'clients' && owners.has(e.record.ownerId)) clients.add(e.id);
  const goes = (e: TrashEntry) => {
    const clientId = clientIdOf(e);
    if (clientId !== null && clients.has(clientId)) return true;
    return e.table === 'leads' && (leads.has(e.id) || owners.has(e.record.ownerId));
  };
  await db.trash.bulkDelete(entries.filter(goes).map((e) => e.key));
}
