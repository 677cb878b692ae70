/**
 * Named write commands of the client base. Every write in the app goes through one of these:
 * the one place that validates, stamps, rewrites the list projection, records the change
 * history and appends the change to the sync outbox — all in one transaction.
 */
import {
  clientInputSchema,
  clientLanguage,
  contactInputSchema,
  type Client,
  type ClientInput,
  type Contact,
  type ContactFormValues,
} from '../../../../core/client-model';
import { getDb, type FieldbookDb } from '../db';
import { buildClientListRow } from './client-list-row';
import { diffFields, type HistoryAction, type HistoryEntry } from './history';
import { outboxTables, recordChange, recordKey } from '../sync/outbox';
import { goneClientRow } from './client-list-row';
import { DELETED_FIELD } from '../../../../core/sync/tables';
import { ATTACHMENTS_FIELD, MAX_ATTACHMENTS_PER_RECORD, type AttachmentRef } from '../../../../core/sync/attachments';
import type { PreparedFile } from '../attachments';
import { contactsOf, withContact, withoutContacts, type ClientRecord } from './client-records';
import { clientPhoneCountries, phoneRegionsFor } from '../phone-regions';
import type { Opened } from '../opened-record';
import { currentUserId } from '../current-user';
import { cleanText, cleanTextDeep } from '../../../../core/text-safety';
import { uiLanguage } from '../../i18n/language';

const CLIENT_FIELDS = Object.keys(clientInputSchema.shape) as (keyof ClientInput & string)[];

/** The editable fields' defaults, for the fields that have one (`language`: ''). */
const CLIENT_DEFAULTS: Partial<ClientInput> = Object.fromEntries(
  CLIENT_FIELDS.flatMap((f) => {
    const r = clientInputSchema.shape[f].safeParse(undefined);
    return r.success && r.data !== undefined ? [[f, r.data]] : [];
  }),
);

/**
 * A stored client's editable fields as a form reads them: a field the record was stored without
 * (made before the field existed) is its default, so that saving the form unchanged does not
 * write it, nor say in the history that it changed.
 */
const asInput = <T extends Partial<ClientInput>>(client: T): T => ({ ...CLIENT_DEFAULTS, ...client });
const CONTACT_FIELDS = ['name', 'position', 'phones', 'emails', 'birthday', 'decisionRole', 'notes'] as const;

const now = () => new Date().toISOString();

/**
 * What a command writes never holds text the company cannot store (a NUL or another control
 * character but tab and line breaks, an unpaired surrogate: core/text-safety.ts), whoever the
 * caller: a form (whose fields drop such text as it arrives, app/text-guard.ts), a vCard file, a
 * scanned code, a value typed to settle a conflict. Those characters are removed from every
 * string in `value`; everything else of it is kept as it is.
 */
export const safeText = <T>(value: T): T => cleanTextDeep(value).value;

/** `text` cut to at most `max` UTF-16 units, without leaving half an emoji (or another unsafe character). */
export const cutText = (text: string, max: number): string => cleanText(text.slice(0, max)).text;

/** Thrown when a command cannot run; `message` is an i18n key the UI shows. */
export class CommandError extends Error {}

/** Next local revision, inside the caller's transaction (see ClientListRow.rev). */
export async function nextRev(db: FieldbookDb): Promise<number> {
  const current = (await db.meta.get('localRev'))?.value;
  const rev = (typeof current === 'number' ? current : 0) + 1;
  await db.meta.put({ key: 'localRev', value: rev });
  return rev;
}

/** Rewrites a client's list row inside the caller's transaction. */
export async function refreshClientRow(db: FieldbookDb, record: ClientRecord): Promise<void> {
  await db.clientRows.put(buildClientListRow(record, contactsOf(record), await nextRev(db)));
}

function history(
  clientId: string,
  subject: HistoryEntry['subject'],
  subjectName: string,
  action: HistoryAction,
  changes: HistoryEntry['changes'],
): HistoryEntry {
  return { id: crypto.randomUUID(), clientId, subject, subjectName, action, changes, at: now() };
}

function writeTables(db: FieldbookDb) {
  // events: a contact's phones are read in the active event's country too (phone-regions.ts).
  return [db.clients, db.clientRows, db.history, db.events, ...outboxTables(db)] as const;
}

/** The new values of the fields a diff found changed. */
function changedValues<T extends object>(after: T, changes: readonly { field: string }[]): Record<string, unknown> {
  return Object.fromEntries(changes.map((c) => [c.field, after[c.field as keyof T]]));
}

/**
 * What a form's save writes over the record as it is now: the fields the person changed from
 * `seen` (the record as their form showed it when it opened). A field they left alone keeps its
 * value now, which a sync or another window may have changed while the form was open: writing
 * the form's stale copy back would undo a colleague's edit, on every laptop, with no conflict.
 * Without `seen`, every field typed.
 */
function typedFields<T extends object>(typed: T, seen: T | undefined, fields: readonly (keyof T & string)[]): Partial<T> {
  if (!seen) return typed;
  return Object.fromEntries(diffFields(seen, typed, fields).map((c) => [c.field, typed[c.field as keyof T]])) as Partial<T>;
}

async function mustGetClient(db: FieldbookDb, id: string): Promise<ClientRecord> {
  const client = await db.clients.get(id);
  if (!client) throw new CommandError('errors.client_not_found');
  return client;
}

/** client-create */
export async function createClient(input: ClientInput, db = getDb()): Promise<Client> {
  const data = clientInputSchema.parse(safeText(input));
  const at = now();
  const client: Client = {
    ...data,
    // Not chosen on the form (or a lead converted): its country's, stored so that its offers keep
    // the language whatever its addresses become.
    language: clientLanguage(data, uiLanguage()),
    id: crypto.randomUUID(),
    creditLimit: 0,
    receivables: null,
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
  };
  await db.transaction('rw', writeTables(db), async () => {
    await db.clients.add(client);
    await recordChange(db, 'clients', client.id, client);
    await db.history.add(history(client.id, 'client', client.name, 'created', []));
    await refreshClientRow(db, client);
  });
  return client;
}

/**
 * client-update: only the fields a person may edit; company fields are kept as they are.
 * `seen`: the client as the form opened it, with its stamps (see typedFields, opened-record.ts).
 */
export async function updateClient(id: string, input: ClientInput, db = getDb(), seen?: Opened<Client>): Promise<Client> {
  const data = clientInputSchema.parse(safeText(input));
  return db.transaction('rw', writeTables(db), async () => {
    const before = await mustGetClient(db, id);
    const typed = typedFields<ClientInput>(data, seen && asInput(seen.record), CLIENT_FIELDS);
    const changes = diffFields(asInput(before), { ...asInput(before), ...typed }, CLIENT_FIELDS);
    if (changes.length === 0) return before;
    const after: ClientRecord = { ...before, ...(Object.fromEntries(changes.map((c) => [c.field, c.to])) as Partial<ClientInput>), updatedAt: now() };
    await db.clients.put(after);
    await recordChange(db, 'clients', id, changedValues(after, changes), undefined, seen?.stamps);
    await db.history.add(history(id, 'client', after.name, 'updated', changes));
    await refreshClientRow(db, after);
    return after;
  });
}

async function setClientArchived(id: string, archived: boolean, db: FieldbookDb): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const before = await mustGetClient(db, id);
    if ((before.archivedAt !== null) === archived) return;
    const at = now();
    const after: ClientRecord = { ...before, archivedAt: archived ? at : null, updatedAt: at };
    await db.clients.put(after);
    await recordChange(db, 'clients', id, { archivedAt: after.archivedAt });
    await db.history.add(history(id, 'client', after.name, archived ? 'archived' : 'restored', []));
    await refreshClientRow(db, after);
  });
}

/**
 * client-delete: the client leaves this laptop's list and, at the next sync, every laptop (a
 * tombstone). Kept in the trash with its contacts, so it can be restored (trash.ts says what
 * happens to what hangs off it). People normally archive; delete is for records created by
 * mistake.
 */
export async function deleteClient(id: string, db = getDb()): Promise<void> {
  await db.transaction('rw', [...writeTables(db), db.trash, db.team], async () => {
    const client = await mustGetClient(db, id);
    // Queued before the record goes: the change's base is the server's stamp kept in it.
    await recordChange(db, 'clients', id, { [DELETED_FIELD]: true });
    await db.trash.put({ key: recordKey('clients', id), table: 'clients', id, record: client, at: now(), by: await currentUserId(db) });
    await db.clients.delete(id);
    await db.history.add(history(id, 'client', client.name, 'deleted', []));
    await db.clientRows.put(goneClientRow(id, await nextRev(db)));
  });
}

/** client-undelete: brings a deleted client back from the trash, with its contacts, here and everywhere. */
export async function undeleteClient(id: string, db = getDb()): Promise<Client> {
  return db.transaction('rw', [...writeTables(db), db.trash], async () => {
    const entry = await db.trash.get(recordKey('clients', id));
    if (entry?.table !== 'clients') throw new CommandError('errors.client_not_found');
    const client: ClientRecord = { ...entry.record, updatedAt: now() };
    await db.clients.put(client);
    await db.trash.delete(entry.key);
    await recordChange(db, 'clients', id, { [DELETED_FIELD]: false });
    await db.history.add(history(id, 'client', client.name, 'undeleted', []));
    await refreshClientRow(db, client);
    return client;
  });
}

/** client-archive: hidden from the list, kept with its contacts and history. */
export const archiveClient = (id: string, db = getDb()) => setClientArchived(id, true, db);
/** client-restore */
export const restoreClient = (id: string, db = getDb()) => setClientArchived(id, false, db);

/** contact-create */
export async function createContact(clientId: string, values: ContactFormValues, db = getDb()): Promise<Contact> {
  return db.transaction('rw', writeTables(db), async () => {
    const client = await mustGetClient(db, clientId);
    const data = contactInputSchema(await phoneRegionsFor(clientPhoneCountries(client.addresses), db)).parse(safeText(values));
    const at = now();
    const contact: Contact = { ...data, id: crypto.randomUUID(), clientId, createdAt: at, updatedAt: at, archivedAt: null };
    const after = withContact(client, contact);
    await db.clients.put(after);
    await recordChange(db, 'contacts', contact.id, contact, clientId);
    await db.history.add(history(clientId, 'contact', contact.name, 'created', []));
    await refreshClientRow(db, after);
    return contact;
  });
}

/** Which contact a command is about: its id and its client's (a contact is stored with its client). */
export type ContactRef = Pick<Contact, 'id' | 'clientId'>;

async function mustGetContact(db: FieldbookDb, ref: ContactRef): Promise<{ client: ClientRecord; contact: Contact }> {
  const client = await db.clients.get(ref.clientId);
  const contact = contactsOf(client).find((c) => c.id === ref.id);
  if (!client || !contact) throw new CommandError('errors.contact_not_found');
  return { client, contact };
}

/** contact-update; `seen`: the contact as the form opened it, with its stamps (see typedFields). */
export async function updateContact(ref: ContactRef, values: ContactFormValues, db = getDb(), seen?: Opened<Contact>): Promise<Contact> {
  return db.transaction('rw', writeTables(db), async () => {
    const { client, contact: before } = await mustGetContact(db, ref);
    const data = contactInputSchema(await phoneRegionsFor(clientPhoneCountries(client.addresses), db)).parse(safeText(values));
    const after: Contact = { ...before, ...typedFields<Pick<Contact, (typeof CONTACT_FIELDS)[number]>>(data, seen?.record, CONTACT_FIELDS), updatedAt: now() };
    const changes = diffFields(before, after, CONTACT_FIELDS);
    if (changes.length === 0) return before;
    const record = withContact(client, after);
    await db.clients.put(record);
    await recordChange(db, 'contacts', after.id, changedValues(after, changes), client.id, seen?.stamps);
    await db.history.add(history(client.id, 'contact', after.name, 'updated', changes));
    await refreshClientRow(db, record);
    return after;
  });
}

async function setContactArchived(ref: ContactRef, archived: boolean, db: FieldbookDb): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const { client, contact: before } = await mustGetContact(db, ref);
    if ((before.archivedAt !== null) === archived) return;
    const at = now();
    const archivedAt = archived ? at : null;
    const record = withContact(client, { ...before, archivedAt, updatedAt: at });
    await db.clients.put(record);
    await recordChange(db, 'contacts', before.id, { archivedAt }, before.clientId);
    await db.history.add(history(before.clientId, 'contact', before.name, archived ? 'archived' : 'restored', []));
    await refreshClientRow(db, record);
  });
}

/**
 * contact-delete: the contact leaves its client's card here and, at the next sync, everywhere;
 * kept in the trash (its server stamps stay in its client's record, for the undelete's base).
 */
export async function deleteContact(ref: ContactRef, db = getDb()): Promise<void> {
  await db.transaction('rw', [...writeTables(db), db.trash, db.team], async () => {
    const { client, contact } = await mustGetContact(db, ref);
    await recordChange(db, 'contacts', contact.id, { [DELETED_FIELD]: true }, client.id);
    const key = recordKey('contacts', contact.id);
    await db.trash.put({ key, table: 'contacts', id: contact.id, clientId: client.id, record: contact, at: now(), by: await currentUserId(db) });
    const record = withoutContacts(client, new Set([contact.id]));
    await db.clients.put(record);
    await db.history.add(history(client.id, 'contact', contact.name, 'deleted', []));
    await refreshClientRow(db, record);
  });
}

/** contact-undelete: back on its client's card from the trash; its client must be here (not in the trash). */
export async function undeleteContact(ref: ContactRef, db = getDb()): Promise<Contact> {
  return db.transaction('rw', [...writeTables(db), db.trash], async () => {
    const entry = await db.trash.get(recordKey('contacts', ref.id));
    if (entry?.table !== 'contacts') throw new CommandError('errors.contact_not_found');
    const client = await db.clients.get(ref.clientId);
    if (!client) throw new CommandError('errors.restore_client_first');
    const contact: Contact = { ...entry.record, updatedAt: now() };
    const record = withContact(client, contact);
    await db.clients.put(record);
    await db.trash.delete(entry.key);
    await recordChange(db, 'contacts', contact.id, { [DELETED_FIELD]: false }, client.id);
    await db.history.add(history(client.id, 'contact', contact.name, 'undeleted', []));
    await refreshClientRow(db, record);
    return contact;
  });
}

/** contact-archive */
export const archiveContact = (ref: ContactRef, db = getDb()) => setContactArchived(ref, true, db);
/** contact-restore */
export const restoreContact = (ref: ContactRef, db = getDb()) => setContactArchived(ref, false, db);

/** The history line of a change to a client's files: the file names before and after. */
const fileNames = (list: readonly AttachmentRef[]) => list.map((a) => a.name);

/**
 * file-attach: a file (already read and hashed, see prepareFile) on the client card. Its bytes
 * are kept on this laptop and uploaded by the next sync before the change that references them;
 * the reference, the outbox entry, the history line and the bytes are written in one transaction.
 * Attaching the same content again is a no-op.
 */
export async function attachFile(clientId: string, file: PreparedFile, db = getDb()): Promise<AttachmentRef> {
  return db.transaction('rw', [...writeTables(db), db.attachments], async () => {
    const before = await mustGetClient(db, clientId);
    const list = before.attachments ?? [];
    const existing = list.find((a) => a.sha256 === file.sha256);
    if (existing) return existing;
    if (list.length >= MAX_ATTACHMENTS_PER_RECORD) throw new CommandError('errors.too_many_files');
    const at = now();
    // A file's name on disk may hold any character but '/' (Linux), a control character too.
    const ref: AttachmentRef = { sha256: file.sha256, name: cutText(file.name, 255), mime: cleanText(file.mime).text, size: file.blob.size, addedAt: at };
    // The same bytes may already be here (attached to another client, or downloaded): keep their state.
    if (!(await db.attachments.get(file.sha256))) {
      await db.attachments.add({ sha256: file.sha256, blob: file.blob, size: file.blob.size, state: 'pending', storedAt: at });
    }
    const after: ClientRecord = { ...before, attachments: [...list, ref], updatedAt: at };
    await db.clients.put(after);
    await recordChange(db, 'clients', clientId, { [ATTACHMENTS_FIELD]: after.attachments });
    await db.history.add(history(clientId, 'client', after.name, 'updated', [{ field: ATTACHMENTS_FIELD, from: fileNames(list), to: fileNames(after.attachments!) }]));
    await refreshClientRow(db, after);
    return ref;
  });
}

/**
 * file-detach: removes a file from the client card (here and, at the next sync, everywhere).
 * The bytes stay on this laptop: an earlier change that references them may still be waiting to
 * be sent, and its upload needs them.
 */
export async function detachFile(clientId: string, sha256: string, db = getDb()): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const before = await mustGetClient(db, clientId);
    const list = before.attachments ?? [];
    if (!list.some((a) => a.sha256 === sha256)) return;
    const after: ClientRecord = { ...before, attachments: list.filter((a) => a.sha256 !== sha256), updatedAt: now() };
    await db.clients.put(after);
    await recordChange(db, 'clients', clientId, { [ATTACHMENTS_FIELD]: after.attachments });
    await db.history.add(history(clientId, 'client', after.name, 'updated', [{ field: ATTACHMENTS_FIELD, from: fileNames(list), to: fileNames(after.attachments!) }]));
    await refreshClientRow(db, after);
  });
}

/**
 * lead-carry: what a converted or attached lead brings that no form writes (data/leads/lead-carry.ts):
 * the event the client and contact were met at, when they have none yet, and the lead's files
 * (the business card's photo) on the client card. Runs in the caller's transaction.
 */
export async function carryLeadOrigin(
  target: { clientId: string; contactId: string | null },
  eventId: string | null,
  files: readonly AttachmentRef[],
  db = getDb(),
): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    let record = await mustGetClient(db, target.clientId);
    const list = record.attachments ?? [];
    const added = files.filter((f) => !list.some((a) => a.sha256 === f.sha256)).slice(0, Math.max(0, MAX_ATTACHMENTS_PER_RECORD - list.length));
    const clientChanges: Record<string, unknown> = {};
    if (eventId && !record.eventId) clientChanges.eventId = eventId;
    if (added.length) clientChanges[ATTACHMENTS_FIELD] = [...list, ...added];
    if (Object.keys(clientChanges).length) {
      record = { ...record, ...clientChanges, updatedAt: now() };
      await db.clients.put(record);
      await recordChange(db, 'clients', record.id, clientChanges);
      // The card's history says it ("Met at Build Fair 2026", history-text.ts) and the files added.
      const changes: HistoryEntry['changes'] = [];
      if (clientChanges.eventId) changes.push({ field: 'eventId', from: null, to: eventId });
      if (added.length) changes.push({ field: ATTACHMENTS_FIELD, from: fileNames(list), to: fileNames(record.attachments!) });
      await db.history.add(history(record.id, 'client', record.name, 'updated', changes));
    }
    const contact = target.contactId ? contactsOf(record).find((c) => c.id === target.contactId) : undefined;
    if (contact && eventId && !contact.eventId) {
      record = withContact(record, { ...contact, eventId, updatedAt: now() });
      await db.clients.put(record);
      await recordChange(db, 'contacts', contact.id, { eventId }, record.id);
      await db.history.add(history(record.id, 'contact', contact.name, 'updated', [{ field: 'eventId', from: null, to: eventId }]));
    }
    await refreshClientRow(db, record);
  });
}
