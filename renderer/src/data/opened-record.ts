/**
 * What an edit form opened: the record as it showed it, and the stamp of each value shown. A
 * save writes only the fields the person changed from `record`, each with its stamp here as the
 * change's `base` (outbox.ts, recordChange): when a sync brings a colleague's value of the same
 * field while the form is open, the server then sees an edit of an older value — a conflict the
 * person is shown — instead of a sequential edit that silently replaces the colleague's value.
 * The record and its stamps are read in one transaction, so they always belong together.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Client, Contact } from '../../../core/client-model';
import type { FieldEvent, Lead } from '../../../core/leads/lead-model';
import type { Offer } from '../../../core/offers/offer-model';
import type { Stamps } from '../../../core/sync/merge';
import { clientOf, contactsOf } from './clients/client-records';
import { getDb, type FieldbookDb } from './db';
import { stampsShown } from './sync/outbox';

export interface Opened<T> {
  record: T;
  stamps: Stamps;
}

const readTables = (db: FieldbookDb) => [db.clients, db.outbox, db.stamps] as const;

/** A client as an edit form opens it (null when it is not on this laptop). */
export function openClient(id: string, db = getDb()): Promise<Opened<Client> | null> {
  return db.transaction('r', readTables(db), async () => {
    const record = await db.clients.get(id);
    return record ? { record: clientOf(record), stamps: await stampsShown(db, 'clients', id, id) } : null;
  });
}

/** A contact as an edit form opens it (null when it is not on this laptop). */
export function openContact(clientId: string, id: string, db = getDb()): Promise<Opened<Contact> | null> {
  return db.transaction('r', readTables(db), async () => {
    const contact = contactsOf(await db.clients.get(clientId)).find((c) => c.id === id);
    return contact ? { record: contact, stamps: await stampsShown(db, 'contacts', id, clientId) } : null;
  });
}

/** An event, a lead or an offer as an edit form opens it (null when it is not on this laptop). */
export function openRecord<T extends 'events' | 'leads' | 'offers'>(
  table: T,
  id: string,
  db = getDb(),
): Promise<Opened<{ events: FieldEvent; leads: Lead; offers: Offer }[T]> | null> {
  return db.transaction('r', [db.table(table), db.outbox, db.stamps, db.clients], async () => {
    const record = (await db.table(table).get(id)) as { events: FieldEvent; leads: Lead; offers: Offer }[T] | undefined;
    return record ? { record, stamps: await stampsShown(db, table, id, undefined) } : null;
  });
}

/** `openClient`, live: undefined while loading, null when the client is not (or no longer) here. */
export const useOpenedClient = (id: string | undefined) => useLiveQuery(() => (id ? openClient(id) : null), [id]);

/** `openContact`, live. */
export const useOpenedContact = (clientId: string | undefined, id: string | undefined) =>
  useLiveQuery(() => (clientId && id ? openContact(clientId, id) : null), [clientId, id]);

/** `openRecord`, live. */
export function useOpenedRecord<T extends 'events' | 'leads' | 'offers'>(table: T, id: string | undefined) {
  return useLiveQuery(() => (id ? openRecord(table, id) : null), [table, id]);
}
