/**
 * The laptop's side of sync, as far as it touches the database: taking a batch from the outbox,
 * settling it with the server's answer, and applying pulled records — each in one transaction.
 * The network side (requests, phases, progress) is in renderer/src/sync/.
 */
import type { Table } from 'dexie';
import type { Contact } from '../../../../core/client-model';
import { HLC_ZERO, HlcClock, hlcWall, type Hlc } from '../../../../core/sync/hlc';
import { latestStamp, type FieldWrite } from '../../../../core/sync/merge';
import { MAX_PUSH_SEQ_SPAN, type OpResult, type PushOp, type PushResponse, type SyncRecord } from '../../../../core/sync/protocol';
import { DELETED_FIELD, SYNCED_TABLES, SYNCED_TABLE_NAMES, isSyncedTable, type SyncedTableName } from '../../../../core/sync/tables';
import { forgetAttachmentsOf } from '../attachments';
import { buildClientListRow, goneClientRow, type ClientListRow } from '../clients/client-list-row';
import { contactsOf, findClientOfContact, withContact, withServerStamps, withoutContacts, type ClientRecord, type LooseContact } from '../clients/client-records';
import type { Conflict } from './conflicts';
import { deletedAt, forgetTrashOf, type TrashEntry } from '../trash';
import { nextRev } from '../clients/commands';
import { getDb, type FieldbookDb } from '../db';
import { recordKey, type OutboxEntry } from './outbox';
import { labelIn, recordLabel } from '../record-label';

/** A change the company server refused, kept with its values until the person fixes or drops it. */
export interface RejectedChange {
  id?: number;
  table: SyncedTableName;
  recordId: string;
  key: string;
  fields: Record<string, unknown>;
  reason: string;
  field?: string;
  detail?: string;
  at: string;
  /** A contact's client, as its outbox entry named it: re-applying finds the contact without a scan. */
  clientId?: string;
  /**
   * What the person knows the record by (a client's or contact's name, an offer's number), as it
   * was when the change was refused: the record may leave the laptop with the same sync.
   */
  label?: string;
}

export interface PushBatch {
  fromSeq: number;
  toSeq: number;
  ops: PushOp[];
  /** Outbox entries covered (before coalescing). */
  entries: number;
}

/**
 * The next batch to push: outbox entries in sequence order, coalesced per record (the later
 * value of a field wins; its base stays the first edit's base), up to `maxOps` records and
 * MAX_PUSH_SEQ_SPAN sequence numbers, and — when given — up to the entry numbered `upTo` (to
 * send again exactly a batch the server applied but whose answer was lost).
 */
export async function takePushBatch(maxOps: number, db = getDb(), upTo = Infinity): Promise<PushBatch | null> {
  const ops = new Map<string, PushOp>();
  let fromSeq = 0;
  let toSeq = 0;
  let entries = 0;
  const full = (e: OutboxEntry) => (!ops.has(e.key) && ops.size >= maxOps) || e.seq > upTo || (fromSeq > 0 && e.seq - fromSeq >= MAX_PUSH_SEQ_SPAN);
  await db.outbox.orderBy('seq').until(full).each((e: OutboxEntry) => {
    if (full(e)) return;
    fromSeq ||= e.seq;
    toSeq = e.seq;
    entries++;
    const op = ops.get(e.key) ?? { table: e.table, id: e.id, fields: {} };
    for (const [field, write] of Object.entries(e.fields)) {
      const earlier: FieldWrite | undefined = op.fields[field];
      op.fields[field] = { value: write.value as PushOp['fields'][string]['value'], hlc: write.hlc, base: earlier ? earlier.base : write.base };
    }
    ops.set(e.key, op);
  });
  return ops.size === 0 ? null : { fromSeq, toSeq, ops: [...ops.values()], entries };
}

/**
 * Settles a pushed batch: its entries leave the outbox, each rejected operation is kept with
 * its values and reason in `rejected` — so nothing the person typed disappears silently — and
 * the records the server stored quietly get the pushed stamps as the server's.
 */
export async function settlePush(batch: PushBatch, response: PushResponse, db = getDb()): Promise<OpResult[]> {
  const rejected = response.results.filter((r) => r.status === 'rejected');
  const entries = () => db.outbox.where('seq').between(batch.fromSeq, batch.toSeq, true, true);
  // Made before the transaction, which then need not span every table: the records are still here.
  const clientOf = new Map<string, string>();
  if (rejected.length) await entries().each((e) => e.clientId && clientOf.set(e.key, e.clientId));
  const refused = rejected.length ? await refusedChanges(db, batch, rejected, clientOf) : [];
  await db.transaction('rw', [db.outbox, db.rejected, db.meta, db.stamps], async () => {
    await entries().delete();
    await takeQuietStamps(db, batch, response.results);
    await db.rejected.bulkAdd(refused);
  });
  return rejected;
}

/**
 * The refused operations as kept for the person: with their values, the reason, a contact's
 * client (`clientOf`, from its outbox entries) and what the person knows the record by — from
 * the pushed values, else from the record on this laptop.
 */
async function refusedChanges(db: FieldbookDb, batch: PushBatch, rejected: readonly OpResult[], clientOf: ReadonlyMap<string, string>): Promise<RejectedChange[]> {
  const at = new Date().toISOString();
  const refused: RejectedChange[] = [];
  for (const r of rejected) {
    const op = batch.ops.find((o) => o.table === r.table && o.id === r.id);
    if (!op || !isSyncedTable(op.table)) continue;
    const key = recordKey(op.table, op.id);
    const fields = Object.fromEntries(Object.entries(op.fields).map(([f, w]) => [f, w.value]));
    const clientId = clientOf.get(key);
    const label = labelIn(fields) ?? (await recordLabel(db, op.table, op.id, clientId));
    refused.push({
      table: op.table,
      recordId: op.id,
      key,
      fields,
      reason: r.reason ?? 'rejected',
      ...(r.field ? { field: r.field } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
      at,
      ...(clientId ? { clientId } : {}),
      ...(label ? { label } : {}),
    });
  }
  return refused;
}

/**
 * A quiet result (`OpResult.quiet`) means the server's record is the version this laptop holds
 * with the pushed fields stored as sent, and the pull will not bring it back: the pushed fields'
 * stamps are now the server's. They are the `base` of the next edit (a stale one would make that
 * edit look concurrent with this one), and go to the small `stamps` store whatever the table:
 * rewriting each pushed client's record (with its contacts) to hold them made settling an
 * end-of-day push of 5000 clients take seconds. A client's or contact's stamps are then read as
 * the newer of its record's and these (`serverStampsOf`).
 */
async function takeQuietStamps(db: FieldbookDb, batch: PushBatch, results: readonly OpResult[]): Promise<void> {
  const quiet = new Set(results.filter((r) => r.status === 'applied' && r.quiet).map((r) => recordKey(r.table, r.id)));
  const pushed = batch.ops
    .filter((op) => quiet.has(recordKey(op.table, op.id)))
    .map((op) => ({ key: recordKey(op.table, op.id), stamps: Object.fromEntries(Object.entries(op.fields).map(([field, w]) => [field, w.hlc])) }));
  if (pushed.length === 0) return;
  const known = await db.stamps.bulkGet(pushed.map((p) => p.key));
  await db.stamps.bulkPut(pushed.map((p, i) => ({ key: p.key, stamps: { ...known[i]?.stamps, ...p.stamps } })));
}

const updatedAtOf = (stamps: Record<string, Hlc>, fallback: string) => {
  const latest = latestStamp(stamps);
  return latest ? new Date(hlcWall(latest)).toISOString() : fallback;
};

/**
 * Whether a record's stamps go to the `stamps` store, where an edit on this laptop finds its
 * base (`serverStampsOf`). A client's and its contacts' are kept in the client's record
 * (`withServerStamps`); the company's reference data (catalog, prices, stock) is never edited on
 * a laptop, so its stamps are not kept: a first sync writes half as many catalog records.
 */
const keepsStampsApart = (table: string) =>
  table !== 'clients' && table !== 'contacts' && !(isSyncedTable(table) && 'companyOnly' in SYNCED_TABLES[table]);

/**
 * Synced tables stored as they are (each in the Dexie table of its name): all but clients and
 * contacts, which have a list projection to maintain, and conflicts, which are kept as given.
 */
type PlainTable = Exclude<SyncedTableName, 'clients' | 'contacts' | 'conflicts'>;
const isPlainTable = (t: string): t is PlainTable => isSyncedTable(t) && t !== 'clients' && t !== 'contacts' && t !== 'conflicts';

/**
 * The tables `applyRecords` writes. The caller's transaction (e.g. one that also moves the pull
 * cursor) must include them.
 */
export const applyTables = (db: FieldbookDb) => [
  db.clients,
  db.looseContacts,
  db.conflicts,
  db.trash,
  db.clientRows,
  db.stamps,
  db.outbox,
  db.meta,
  db.attachments,
  ...SYNCED_TABLE_NAMES.filter(isPlainTable).map((t) => db.table(t)),
];

/**
 * Applies server records inside the caller's transaction: stores their stamps, writes the
 * domain rows, and keeps the local value of every field that has an unsent edit (the edit will
 * reach the server with its base stamp, where the merge decides). Tombstones remove the row
 * but keep its stamps, so a later undelete applies. The list rows of the clients it touched are
 * built from the records as it leaves them (a snapshot page brings each client with all its
 * contacts, so each row is built once), and those of clients that left get their marker rows.
 * With `rowsAside`, the rows go there instead of to `clientRows` (a first sync: see
 * `takeInRowsAside` in client-base.ts).
 */
export async function applyRecords(db: FieldbookDb, records: readonly SyncRecord[], rowsAside?: ClientListRow[]): Promise<void> {
  if (records.length === 0) return;
  const touchedClients = new Set<string>();
  const goneClients = new Set<string>();
  const pending = await pendingFields(db, records);
  let newest: Hlc = HLC_ZERO;
  const stamps = [];
  // Clients (with their contacts inside) and plain records are read and written with one bulk
  // request per store and page, not one awaited request per record: a first sync applies
  // hundreds of thousands of records.
  const clientRecords = records.filter((r) => r.table === 'clients');
  const contactRecords = records.filter((r) => r.table === 'contacts');
  const plainRecords = records.filter((r) => isPlainTable(r.table));
  const clientIds = [...new Set([...clientRecords.map((r) => r.id), ...contactRecords.map((r) => String(r.data.clientId ?? ''))])].filter(Boolean);
  const [localClients, localPlain] = await Promise.all([clientIds.length ? readByKeys(db.clients, clientIds, (r) => r.id) : [], readPlain(db, plainRecords)]);
  /** The client records as this page leaves them (undefined: not on this laptop). */
  const working = new Map<string, ClientRecord | undefined>(clientIds.map((id, i) => [id, localClients[i]]));
  const localOf = new Map<SyncRecord, object | undefined>(plainRecords.map((r, i) => [r, localPlain[i]] as const));
  // Clients in the trash this page may touch: undeleted elsewhere (the server record is whole,
  // the trash entry goes), or the client of a contact that changed meanwhile (the trash's copy
  // of the contact follows, so that an undelete brings back the contact as it is now).
  const absent = clientIds.filter((id) => !working.get(id));
  const trashed = absent.length ? await readByKeys(db.trash, absent.map((id) => recordKey('clients', id)), (e) => e.key) : [];
  const inTrash = new Map(trashed.filter((e) => e?.table === 'clients').map((e) => [e.id, e]));
  const revived = new Set<string>();
  const at = new Date().toISOString();
  const trashPuts: TrashEntry[] = [];
  // Contacts, leads and offers in the trash this page may touch: deleted elsewhere (to the trash
  // here, with who and when), undeleted elsewhere (out of it), or changed meanwhile (its copy follows).
  const trashable = records.filter((r) => r.table === 'contacts' || r.table === 'leads' || r.table === 'offers');
  const trashedRecords = trashable.length ? await readByKeys(db.trash, trashable.map((r) => recordKey(r.table, r.id)), (e) => e.key) : [];
  const recordsInTrash = new Map(trashedRecords.filter((e) => e !== undefined).map((e) => [e.key, e]));
  const trashDeletes: string[] = [];
  /** A record deleted on this laptop whose delete is still unsent: the delete stands here until it is sent. */
  const deletePending = (key: string) => pending.get(key)?.has(DELETED_FIELD) === true;
  const byOf = (record: SyncRecord) => record.deletedBy ?? null;
  const changedClients = new Set<string>();
  const plainPuts = new Map<PlainTable, object[]>();
  const plainDeletes = new Map<PlainTable, string[]>();
  const add = <T,>(map: Map<PlainTable, T[]>, table: PlainTable, item: T) => {
    const list = map.get(table);
    if (list) list.push(item);
    else map.set(table, [item]);
  };
  const loose: LooseContact[] = [];
  const looseDeletes: string[] = [];
  const appliedContacts = new Set<string>();
  const trashChanged = new Set<string>();
  for (const record of records) {
    if (keepsStampsApart(record.table)) stamps.push({ key: recordKey(record.table, record.id), stamps: record.stamps });
    const latest = latestStamp(record.stamps);
    if (latest && latest > newest) newest = latest;
  }
  // Clients before contacts: a page may hold a client and, earlier in it, a contact of its.
  for (const record of clientRecords) {
    const key = recordKey('clients', record.id);
    const local = working.get(record.id);
    changedClients.add(record.id);
    if (record.data[DELETED_FIELD] === true) {
      // Its stamps stay with it in the trash, so that an undelete applies.
      if (local) trashPuts.push({ key, table: 'clients', id: record.id, record: withServerStamps(local, key, record.stamps), at: deletedAt(record.stamps, at), by: byOf(record) });
      working.set(record.id, undefined);
      goneClients.add(record.id);
      continue;
    }
    if (!local && inTrash.has(record.id) && deletePending(key)) {
      // Deleted here, the delete not sent yet: it stays in the trash, its copy as the server has it now.
      const trash = inTrash.get(record.id)!;
      inTrash.set(record.id, { ...trash, record: withServerStamps({ ...(mergeLocal(trash.record, record.data, pending.get(key)) as unknown as ClientRecord), id: record.id }, key, record.stamps) });
      trashChanged.add(record.id);
      working.set(record.id, undefined);
      continue;
    }
    // A client undeleted elsewhere gets back the contacts it was deleted with.
    if (!local && inTrash.has(record.id)) revived.add(record.id);
    const base: ClientRecord | undefined = local ?? inTrash.get(record.id)?.record;
    const merged = mergeLocal(base, record.data, pending.get(key)) as unknown as ClientRecord;
    working.set(record.id, withServerStamps({ ...merged, id: record.id, updatedAt: updatedAtOf(record.stamps, base?.updatedAt ?? at) }, key, record.stamps));
    touchedClients.add(record.id);
    goneClients.delete(record.id);
  }
  for (const record of contactRecords) {
    const clientId = String(record.data.clientId ?? '');
    const key = recordKey('contacts', record.id);
    const found = working.get(clientId);
    const deleted = record.data[DELETED_FIELD] === true;
    const trash = found ? undefined : inTrash.get(clientId);
    if (trash) {
      // Its client is in the trash here: the trash's copy follows.
      const kept = withServerStamps(trash.record, key, record.stamps);
      const local = contactsOf(kept).find((c) => c.id === record.id);
      const contact = { ...(mergeLocal(local, record.data, undefined) as unknown as Contact), id: record.id, updatedAt: updatedAtOf(record.stamps, local?.updatedAt ?? at) };
      inTrash.set(clientId, { ...trash, record: deleted ? withoutContacts(kept, new Set([record.id])) : withContact(kept, contact) });
      trashChanged.add(clientId);
      continue;
    }
    if (!found) {
      // Its client is not here (yet): a pull page can bring a contact before its client, whose
      // later edit gave it a later sequence number. It waits in `looseContacts` (adoptLooseContacts).
      if (deleted) looseDeletes.push(record.id);
      else loose.push({ id: record.id, clientId, contact: { ...(mergeLocal(undefined, record.data, undefined) as unknown as Contact), id: record.id, updatedAt: updatedAtOf(record.stamps, at) }, stamps: record.stamps });
      continue;
    }
    changedClients.add(clientId);
    touchedClients.add(clientId);
    appliedContacts.add(record.id);
    // A deleted contact's stamps stay in the record, so that an undelete applies.
    const client = withServerStamps(found, key, record.stamps);
    const local = contactsOf(client).find((c) => c.id === record.id);
    const trashed = recordsInTrash.get(key);
    if (deleted || (trashed && deletePending(key))) {
      // Deleted elsewhere: to the trash, as it is now, with who deleted it and when. Already in
      // the trash here (deleted here, or before): its copy follows.
      const kept = local ?? (trashed?.table === 'contacts' ? trashed.record : undefined);
      if (kept) {
        const contact = { ...(mergeLocal(kept, record.data, pending.get(key)) as unknown as Contact), id: record.id, updatedAt: updatedAtOf(record.stamps, kept.updatedAt) };
        trashPuts.push(trashed ? { ...(trashed as Extract<TrashEntry, { table: 'contacts' }>), record: contact } : { key, table: 'contacts', id: record.id, clientId, record: contact, at: deletedAt(record.stamps, at), by: byOf(record) });
      }
      working.set(clientId, withoutContacts(client, new Set([record.id])));
      continue;
    }
    // Undeleted elsewhere: out of the trash, back on its client.
    if (trashed) trashDeletes.push(key);
    const merged = mergeLocal(local, record.data, pending.get(key)) as unknown as Contact;
    working.set(clientId, withContact(client, { ...merged, id: record.id, updatedAt: updatedAtOf(record.stamps, local?.updatedAt ?? at) }));
  }
  for (const record of records) {
    if (isPlainTable(record.table)) {
      const key = recordKey(record.table, record.id);
      const keep = pending.get(key);
      const local = localOf.get(record) as { updatedAt?: string } | undefined;
      const trashed = recordsInTrash.get(key);
      if (record.data[DELETED_FIELD] === true || (trashed && deletePending(key))) {
        if (local) add(plainDeletes, record.table, record.id);
        // A lead or an offer deleted elsewhere goes to the trash here, with who and when; one in
        // the trash already (deleted here, or before) keeps its copy as the server has it now.
        const kept = local ?? trashed?.record;
        if (kept && (record.table === 'leads' || record.table === 'offers')) {
          const copy = { ...mergeLocal(kept, record.data, keep), id: record.id, updatedAt: updatedAtOf(record.stamps, (kept as { updatedAt: string }).updatedAt) };
          trashPuts.push({
            ...(trashed ?? { key, id: record.id, at: deletedAt(record.stamps, at), by: byOf(record) }),
            table: record.table,
            record: copy,
          } as TrashEntry);
        }
        continue;
      }
      // Undeleted elsewhere: out of the trash.
      if (trashed) trashDeletes.push(key);
      add(plainPuts, record.table, { ...mergeLocal(local, record.data, keep), id: record.id, updatedAt: updatedAtOf(record.stamps, local?.updatedAt ?? at) });
    } else if (record.table === 'conflicts') {
      if (record.data[DELETED_FIELD] === true) await db.conflicts.delete(record.id);
      else await db.conflicts.put({ ...(record.data as unknown as Conflict), id: record.id, updatedAt: updatedAtOf(record.stamps, '') });
    }
  }
  await adoptLooseContacts(db, working, touchedClients, appliedContacts, changedClients);
  const clientPuts: ClientRecord[] = [];
  const clientDeletes: string[] = [];
  for (const id of changedClients) {
    const record = working.get(id);
    if (record) clientPuts.push(record);
    else clientDeletes.push(id);
  }
  for (const id of trashChanged) if (!revived.has(id)) trashPuts.push(inTrash.get(id)!);
  await Promise.all([
    trashPuts.length ? db.trash.bulkPut(trashPuts) : undefined,
    revived.size || trashDeletes.length ? db.trash.bulkDelete([...[...revived].map((id) => recordKey('clients', id)), ...trashDeletes]) : undefined,
    clientDeletes.length ? db.clients.bulkDelete(clientDeletes) : undefined,
    clientPuts.length ? db.clients.bulkPut(clientPuts) : undefined,
    loose.length ? db.looseContacts.bulkPut(loose) : undefined,
    looseDeletes.length ? db.looseContacts.bulkDelete(looseDeletes) : undefined,
    ...[...plainDeletes].map(([table, ids]) => db.table(table).bulkDelete(ids)),
    ...[...plainPuts].map(([table, rows]) => db.table(table).bulkPut(rows)),
  ]);
  await db.stamps.bulkPut(stamps);
  await receiveStamp(db, newest);
  const touched = [...touchedClients].filter((id) => !goneClients.has(id)).map((id) => working.get(id));
  const rowRecords = touched.filter((r) => r !== undefined);
  // Revision 0, as the demo seeding's: older than any edit, whose row then replaces it.
  if (rowsAside) rowsAside.push(...[...goneClients].map((id) => goneClientRow(id, 0)), ...rowRecords.map((r) => buildClientListRow(r, contactsOf(r), 0)));
  else await writeClientRows(db, rowRecords, goneClients);
}

/**
 * Contacts that arrived before their client (see applyRecords) join it once it is here: the
 * clients of `present` that `working` holds take theirs, and are added to `changed`.
 */
async function adoptLooseContacts(
  db: FieldbookDb,
  working: Map<string, ClientRecord | undefined>,
  present: ReadonlySet<string>,
  applied: ReadonlySet<string>,
  changed: Set<string>,
): Promise<void> {
  const arrived = [...present].filter((id) => working.get(id) !== undefined);
  // Nearly always none wait: one count instead of a look-up of every client of the page.
  if (arrived.length === 0 || (await db.looseContacts.count()) === 0) return;
  const waiting = await db.looseContacts.where('clientId').anyOf(arrived).toArray();
  for (const { id, clientId, contact, stamps } of waiting) {
    // One applied from this page is the newer copy; one in a client back from the trash, older.
    if (applied.has(id)) continue;
    working.set(clientId, withServerStamps(withContact(working.get(clientId)!, contact), recordKey('contacts', id), stamps));
    changed.add(clientId);
  }
  await db.looseContacts.bulkDelete(waiting.map((c) => c.id));
}

/**
 * The fields with an unsent local edit (in the outbox), by record key, of the given records. The
 * outbox is nearly always small next to a pull page: it is then read whole rather than looked up
 * by the page's keys (sorting thousands of keys for `anyOf` cost more than the read).
 */
async function pendingFields(db: FieldbookDb, records: readonly SyncRecord[]): Promise<Map<string, Set<string>>> {
  const pending = new Map<string, Set<string>>();
  const waiting = await db.outbox.count();
  if (waiting === 0) return pending;
  const keys = records.map((r) => recordKey(r.table, r.id));
  let entries: OutboxEntry[];
  if (waiting <= keys.length) {
    const wanted = new Set(keys);
    entries = (await db.outbox.toArray()).filter((e) => wanted.has(e.key));
  } else entries = await db.outbox.where('key').anyOf(keys).toArray();
  for (const e of entries) {
    const set = pending.get(e.key) ?? new Set<string>();
    for (const f of Object.keys(e.fields)) set.add(f);
    pending.set(e.key, set);
  }
  return pending;
}

/**
 * The stored records with these primary keys (undefined where there is none), in the order
 * given, read with as few requests as the keys allow. A snapshot page's keys are consecutive: on
 * a first sync nothing in their key range exists yet (one count, no reads), on a repeated one the
 * range is read in one request. Keys spread over the whole table (a pull page) are read one by one.
 * `keys` must not be empty.
 */
function readByKeys<T, I>(table: Table<T, string, I>, keys: readonly string[], keyOf: (row: T) => string): Promise<(T | undefined)[]> {
  let low = keys[0]!;
  let high = low;
  for (const key of keys) {
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const range = table.where(':id').between(low, high, true, true);
  // Chained on Dexie's promises rather than awaited in an async function: an await of such a
  // function lost the caller's transaction (Dexie's zone) in tests, and it then committed early.
  return range.count().then((inRange) => {
    if (inRange === 0) return keys.map(() => undefined);
    if (inRange > keys.length * 2) return table.bulkGet([...keys]);
    return range.toArray().then((rows) => {
      const byKey = new Map(rows.map((r) => [keyOf(r), r]));
      return keys.map((key) => byKey.get(key));
    });
  });
}

/**
 * The local copies of plain records, in the order given: read per table like the clients
 * (`readByKeys`), so a first sync's catalog pages, whose tables are still empty, cost one count
 * per table instead of one read per product or price.
 */
async function readPlain(db: FieldbookDb, records: readonly SyncRecord[]): Promise<(object | undefined)[]> {
  const byTable = new Map<string, number[]>();
  records.forEach((r, i) => {
    const list = byTable.get(r.table);
    if (list) list.push(i);
    else byTable.set(r.table, [i]);
  });
  const out: (object | undefined)[] = new Array(records.length);
  await Promise.all(
    [...byTable].map(([table, at]) =>
      readByKeys(db.table<{ id: string }, string>(table), at.map((i) => records[i]!.id), (row) => row.id).then((found) => at.forEach((i, k) => (out[i] = found[k]))),
    ),
  );
  return out;
}

/** Server values, except fields with an unsent local edit; the tombstone flag stays server-side. */
function mergeLocal(local: object | undefined, server: Record<string, unknown>, keepLocal: Set<string> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(local ?? {}), ...server };
  delete out[DELETED_FIELD];
  if (local && keepLocal) for (const f of keepLocal) if (f in local) out[f] = (local as Record<string, unknown>)[f];
  return out;
}

/** Pulled stamps advance this laptop's clock: its next edit is then later than what it saw. */
async function receiveStamp(db: FieldbookDb, stamp: Hlc): Promise<void> {
  if (stamp === HLC_ZERO) return;
  const last = (await db.meta.get('hlcLast'))?.value;
  const node = (await db.meta.get('hlcNode'))?.value;
  if (typeof node !== 'string') {
    // No local edit yet: remember the stamp; the node id is made with the first edit.
    if (typeof last !== 'string' || stamp > last) await db.meta.put({ key: 'hlcLast', value: stamp });
    return;
  }
  const clock = new HlcClock(node, typeof last === 'string' ? last : HLC_ZERO);
  clock.receive(stamp);
  await db.meta.put({ key: 'hlcLast', value: clock.lastStamp });
}

/** Rewrites the list rows of the given clients, as stored, and the marker rows of `goneIds`. */
async function rebuildClientRows(db: FieldbookDb, clientIds: Iterable<string>, goneIds: Iterable<string> = []): Promise<void> {
  const ids = [...clientIds];
  const records = ids.length ? (await db.clients.bulkGet(ids)).filter((c) => c !== undefined) : [];
  await writeClientRows(db, records, goneIds);
}

/** Writes, at one new local revision, the list rows of `records` and the marker rows of clients that left. */
async function writeClientRows(db: FieldbookDb, records: readonly ClientRecord[], goneIds: Iterable<string>): Promise<void> {
  const gone = [...goneIds];
  if (records.length === 0 && gone.length === 0) return;
  const rev = await nextRev(db);
  await db.clientRows.bulkPut([...gone.map((id) => goneClientRow(id, rev)), ...records.map((r) => buildClientListRow(r, contactsOf(r), rev))]);
}

/**
 * Removes leads or tasks that left this laptop's scope (handed to a colleague this user does not
 * see), with a lead's card photos. Unsent edits stay in the outbox, as for clients.
 */
export async function removeOwnedRecords(db: FieldbookDb, table: 'leads' | 'tasks', ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if (table === 'leads') {
    await forgetAttachmentsOf(db, (await db.leads.bulkGet([...ids])).filter((l) => l !== undefined));
    await forgetTrashOf(db, { leadIds: ids });
  }
  await db.table(table).bulkDelete([...ids]);
  await db.stamps.bulkDelete(ids.map((id) => recordKey(table, id)));
}

/**
 * Removes records that left this laptop's scope (a client reassigned to someone this user does
 * not see), with everything that hangs off them. Unsent edits stay in the outbox: the next push
 * reports them as rejected, with their values, rather than losing them here.
 */
export async function removeClients(db: FieldbookDb, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  const records = (await db.clients.bulkGet([...clientIds])).filter((c) => c !== undefined);
  await forgetAttachmentsOf(db, records);
  await db.clients.bulkDelete([...clientIds]);
  // Their contacts and stamps leave inside them (the stamps of quiet pushes go below); contacts
  // still waiting for them go too.
  const stampKeys: string[] = clientIds.map((id) => recordKey('clients', id));
  await db.looseContacts.where('clientId').anyOf(clientIds).delete();
  for (const table of HANGING_OFF_CLIENTS) {
    const ids = (await db.table(table).where('clientId').anyOf(clientIds).primaryKeys()) as string[];
    await db.table(table).bulkDelete(ids);
    for (const id of ids) stampKeys.push(recordKey(table, id));
  }
  await db.stamps.bulkDelete(stampKeys);
  await forgetTrashOf(db, { clientIds });
  await rebuildClientRows(db, [], clientIds);
}

/**
 * Contacts the server took out of this laptop's scope on their own (a client's leave with it, in
 * removeClients). The server names the contact only: its client is found by a scan, once.
 */
export async function removeContacts(db: FieldbookDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const changed: ClientRecord[] = [];
  for (const id of ids) {
    const client = await findClientOfContact(db, id);
    if (client) changed.push(withoutContacts(client, new Set([id])));
  }
  await db.clients.bulkPut(changed);
  await db.looseContacts.bulkDelete([...ids]);
  await writeClientRows(db, changed, []);
}

/**
 * Synced tables stored in tables of their own whose records hang off a client (offers,
 * activities …): they leave with it. Contacts are inside their client's record.
 */
const HANGING_OFF_CLIENTS = SYNCED_TABLE_NAMES.filter((t) => t !== 'conflicts' && t !== 'contacts' && 'clientField' in SYNCED_TABLES[t].scope);
