/**
 * How the client base is stored: each client's contacts live inside the client's record
 * (schema version 8). Contacts are still edited, synced and shown as records of their own; this
 * module is the one place that knows where they are kept.
 *
 * Why: Chromium's IndexedDB costs ~60 µs of its own work per record written, whatever its size.
 * A base of 100k clients and 250k contacts as 350k records took ~30 s to load (the demo
 * seeding, a first sync); as 100k records it takes a third of that. A client and its contacts
 * are read together anyway (the card, the list row, the duplicate check), and a client has a
 * handful of contacts, so a contact's edit rewriting its client's record costs nothing noticeable.
 */
import type { Client, Contact } from '../../../../core/client-model';
import type { Stamps } from '../../../../core/sync/merge';
import type { FieldbookDb } from '../db';

/** A client as stored: the client and its contacts, archived ones included. */
export interface ClientRecord extends Client {
  /** Absent on a record no contact was ever added to. */
  contacts?: Contact[];
  /**
   * The server's field stamps of this client and of its contacts (deleted ones too), by record
   * key (`clients/<id>`, `contacts/<id>`), as last pulled: the `base` of the next local edit
   * (outbox.ts). Other synced records keep theirs in the `stamps` store; these are here for
   * the same reason as the contacts: a first sync would write as many stamp records again.
   * Stamps of this laptop's own quiet pushes go to the `stamps` store (`serverStampsOf` reads
   * the newer of both).
   */
  serverStamps?: Record<string, Stamps>;
}

/** A synced contact whose client has not arrived yet, with its stamps (see applyRecords). */
export interface LooseContact {
  id: string;
  clientId: string;
  contact: Contact;
  stamps: Stamps;
}

export const contactsOf = (record: ClientRecord | undefined): Contact[] => record?.contacts ?? [];

/** The client alone, as screens see it (its contacts are read with `contactsOf`). */
export function clientOf(record: ClientRecord): Client {
  const { contacts: _contacts, serverStamps: _stamps, ...client } = record;
  return client;
}

/** The record with the server's stamps of one of its records (itself or a contact) replaced. */
export const withServerStamps = (record: ClientRecord, key: string, stamps: Stamps): ClientRecord => ({
  ...record,
  serverStamps: { ...record.serverStamps, [key]: stamps },
});

/**
 * Contacts are kept in id order, whatever order they were made or synced in: the list row takes
 * the first decision maker (or the first contact) as the primary one, and every laptop must
 * show the same.
 */
export const byContactId = (a: Contact, b: Contact) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The record with `contact` in place of the one with its id, or added. */
export function withContact(record: ClientRecord, contact: Contact): ClientRecord {
  const contacts = contactsOf(record).filter((c) => c.id !== contact.id);
  contacts.push(contact);
  return { ...record, contacts: contacts.sort(byContactId) };
}

/** The record without the contacts whose ids are given. */
export function withoutContacts(record: ClientRecord, ids: ReadonlySet<string>): ClientRecord {
  return { ...record, contacts: contactsOf(record).filter((c) => !ids.has(c.id)) };
}

/** The contact `id` of client `clientId`, inside the caller's transaction (if any). */
export async function getContact(db: FieldbookDb, clientId: string, id: string): Promise<Contact | undefined> {
  return contactsOf(await db.clients.get(clientId)).find((c) => c.id === id);
}

/**
 * The record holding contact `id` when its client is not known, by a scan of the client base:
 * only for what is rare (re-applying a change the server refused, a contact the server took out
 * of scope on its own). Everything else knows the client: a contact's screens, commands and
 * synced records carry it.
 */
export const findClientOfContact = (db: FieldbookDb, id: string): Promise<ClientRecord | undefined> =>
  db.clients.filter((record) => contactsOf(record).some((c) => c.id === id)).first();
