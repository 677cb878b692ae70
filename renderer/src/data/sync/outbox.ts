/**
 * The sync outbox: every local change of a synced record, appended in the same transaction as
 * the change itself, so a change is either saved and queued for the company or not saved at all.
 * See docs/sync-protocol.md ("The outbox").
 */
import { HLC_ZERO, HlcClock, compareHlc, type Hlc } from '../../../../core/sync/hlc';
import { stampOf, type FieldWrite, type Stamps } from '../../../../core/sync/merge';
import { SYNCED_TABLES, type SyncedTableName } from '../../../../core/sync/tables';
import type { FieldbookDb } from '../db';

export interface OutboxEntry {
  /** Per-device sequence, increasing by one with every entry (never reused). */
  seq: number;
  table: SyncedTableName;
  id: string;
  /** `${table}/${id}`: finds a record's pending entries. */
  key: string;
  fields: Record<string, FieldWrite>;
  /** ISO-8601 UTC, when the change was made on this laptop. */
  at: string;
  /** A contact's client (it lives inside the client's record); kept if the server refuses the change. */
  clientId?: string;
}

/** The stamps the server holds for one record's fields, as last pulled. */
export interface RecordStamps {
  key: string;
  stamps: Stamps;
}

export const recordKey = (table: string, id: string) => `${table}/${id}`;

/**
 * The tables a transaction that records changes must include (clients: the stamps of clients
 * and contacts are in their records).
 */
export const outboxTables = (db: FieldbookDb) => [db.outbox, db.stamps, db.meta, db.clients] as const;

async function metaNumber(db: FieldbookDb, key: string): Promise<number> {
  const value = (await db.meta.get(key))?.value;
  return typeof value === 'number' ? value : 0;
}

/**
 * This laptop's HLC node id: random, made once. It need not be the server's device id — it
 * only has to be unique, to break ties between stamps of the same millisecond.
 */
async function hlcNode(db: FieldbookDb): Promise<string> {
  const stored = (await db.meta.get('hlcNode'))?.value;
  if (typeof stored === 'string') return stored;
  const node = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
  await db.meta.put({ key: 'hlcNode', value: node });
  return node;
}

const deviceClocks = new WeakMap<FieldbookDb, () => number>();

/** This laptop's own clock (before the server's correction): Date.now, unless a test set one. */
export const deviceNow = (db: FieldbookDb): number => (deviceClocks.get(db) ?? Date.now)();

/** Tests simulate a laptop whose computer clock is wrong. */
export function setDeviceClock(db: FieldbookDb, now: () => number): void {
  deviceClocks.set(db, now);
}

/**
 * A fresh HLC stamp, inside the caller's transaction. The clock's last stamp lives in `meta`,
 * so windows of the same laptop (which share the database) never issue the same stamp.
 */
export async function nextStamp(db: FieldbookDb): Promise<Hlc> {
  return (await nextStamps(db, 1))[0]!;
}

/** `count` stamps in order, each later than the one before, with one read and one write of the clock's state. */
async function nextStamps(db: FieldbookDb, count: number): Promise<Hlc[]> {
  const [node, last, offset] = await Promise.all([hlcNode(db), db.meta.get('hlcLast'), metaNumber(db, 'clockOffsetMs')]);
  const clock = new HlcClock(node, typeof last?.value === 'string' ? last.value : HLC_ZERO, () => deviceNow(db));
  clock.setOffset(offset);
  const stamps = Array.from({ length: count }, () => clock.now());
  if (count > 0) await db.meta.put({ key: 'hlcLast', value: stamps[count - 1] });
  return stamps;
}

/** The synced fields of a change: `id`, `updatedAt`, local fields and company fields stay on this laptop. */
function syncedFieldNames(table: SyncedTableName, values: Record<string, unknown>): string[] {
  const company: readonly string[] = SYNCED_TABLES[table].companyFields;
  return Object.keys(values).filter((f) => !company.includes(f) && f in SYNCED_TABLES[table].fields);
}

/** A value as the outbox holds it: exactly what will be sent (no undefined, no Dates). */
const wireCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;

/**
 * Outbox entries for records made on this laptop just now, many at once (an import of
 * thousands), inside the caller's transaction: what `recordChange` queues for each, without its
 * look-ups — a new id has no server stamps and no earlier entry, so every base is null.
 */
export async function recordCreations(db: FieldbookDb, table: SyncedTableName, records: readonly { id: string; values: object }[]): Promise<void> {
  const stamps = await nextStamps(db, records.length);
  const first = (await metaNumber(db, 'outboxSeq')) + 1;
  const at = new Date().toISOString();
  const entries: OutboxEntry[] = records.map(({ id, values }, i) => {
    const hlc = stamps[i]!;
    const fields: Record<string, FieldWrite> = {};
    for (const field of syncedFieldNames(table, values as Record<string, unknown>)) fields[field] = { value: wireCopy((values as Record<string, unknown>)[field]), hlc, base: null };
    return { seq: first + i, table, id, key: recordKey(table, id), fields, at };
  });
  await db.outbox.bulkAdd(entries);
  await db.meta.put({ key: 'outboxSeq', value: first + records.length - 1 });
}

/**
 * Appends one outbox entry for a change of the `changed` fields of a synced record, inside the caller's
 * transaction (which must include `outboxTables`), and gives the entry's stamp (null when nothing
 * was queued). Company fields are never queued: the server would refuse them. Each field's
 * `base` is the stamp of the value the person replaced: when the field already has an unsent
 * edit, that edit's base, so that two edits before a sync count as one edit of what the person
 * saw; else the stamp of the value their form showed when it opened (`seen`, see
 * `stampsShown`), or without a form the server-known stamp now. A form's stamps matter when a
 * sync brought a colleague's value of the field while the form was open: with the stamp read at
 * save time the person's save would replace a value they never saw, on every laptop, with no
 * conflict. A contact's change names its `clientId`: its stamps are kept in its client's record.
 */
export async function recordChange(db: FieldbookDb, table: SyncedTableName, id: string, changed: object, clientId?: string, seen?: Stamps): Promise<Hlc | null> {
  const values = changed as Record<string, unknown>;
  const names = syncedFieldNames(table, values);
  if (names.length === 0) return null;
  const key = recordKey(table, id);
  const [known, pending] = await Promise.all([seen ? undefined : serverStampsOf(db, table, id, clientId), db.outbox.where('key').equals(key).sortBy('seq')]);
  const hlc = await nextStamp(db);
  const fields: Record<string, FieldWrite> = {};
  for (const field of names) {
    const earlier = pending.find((e) => field in e.fields);
    const shown = seen ?? known;
    const base = earlier ? earlier.fields[field]!.base : shown ? stampOf(shown, field) : null;
    fields[field] = { value: wireCopy(values[field]), hlc, base };
  }
  const seq = (await metaNumber(db, 'outboxSeq')) + 1;
  await db.meta.put({ key: 'outboxSeq', value: seq });
  await db.outbox.add({ seq, table, id, key, fields, at: new Date().toISOString(), ...(table === 'contacts' && clientId ? { clientId } : {}) });
  return hlc;
}

/**
 * The stamp of each value a record shows on this laptop now, inside the caller's transaction: a
 * field with an unsent edit shows that edit (its stamp), every other field the server's value as
 * last pulled (`serverStampsOf`). What an edit form keeps when it opens, to give its save as each
 * changed field's `base` (recordChange): the stamp of the value the person saw and replaced.
 */
export async function stampsShown(db: FieldbookDb, table: SyncedTableName, id: string, clientId: string | undefined): Promise<Stamps> {
  const [known, pending] = await Promise.all([serverStampsOf(db, table, id, clientId), db.outbox.where('key').equals(recordKey(table, id)).sortBy('seq')]);
  const shown: Stamps = { ...known };
  for (const entry of pending) for (const [field, write] of Object.entries(entry.fields)) shown[field] = write.hlc;
  return shown;
}

/**
 * A new device of the company server now speaks for this laptop (signed in again after the
 * server stopped accepting the old one's token): its sequence starts at 1 on the server, so the
 * unsent entries are numbered again from 1, in their order. Without this every push would be a
 * `sequence_gap` for good. An entry the old device pushed whose answer was lost is sent again
 * under the new one: applying the same stamped values twice changes nothing.
 */
export async function continueOutboxOnNewDevice(db: FieldbookDb): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entries = await db.outbox.orderBy('seq').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, seq: i + 1 })));
    await db.meta.put({ key: 'outboxSeq', value: entries.length });
  });
}

/**
 * The server's stamps of a record as this laptop knows them: a client's and its contacts' in the
 * client's record (client-records.ts) as last pulled, any other record's in the `stamps` store;
 * a quiet push (`takeQuietStamps`) also puts a client's or contact's pushed stamps there. A
 * field's server stamp only ever moves forward (every merge keeps the later stamp), so the newer
 * of the two is the one the server has now. A contact is found by its client, which the caller
 * names.
 */
export async function serverStampsOf(db: FieldbookDb, table: SyncedTableName, id: string, clientId: string | undefined): Promise<Stamps | undefined> {
  const key = recordKey(table, id);
  const stored = (await db.stamps.get(key))?.stamps;
  if (table !== 'clients' && table !== 'contacts') return stored;
  const owner = table === 'clients' ? id : clientId;
  if (!owner) throw new Error(`The change of ${key} names no client`);
  return newerStamps((await db.clients.get(owner))?.serverStamps?.[key], stored);
}

/** Per field, the later of two sets of stamps of one record. */
function newerStamps(a: Stamps | undefined, b: Stamps | undefined): Stamps | undefined {
  if (!a || !b) return a ?? b;
  const newer: Stamps = { ...a };
  for (const [field, stamp] of Object.entries(b)) {
    const current = stampOf(newer, field);
    if (current === null || compareHlc(stamp, current) > 0) newer[field] = stamp;
  }
  return newer;
}

/**
 * How many records have changes waiting to be sent (what the status bar shows). Records, not
 * outbox entries: a client saved twice is pushed as one change, and the sync report counts it so.
 */
export const pendingCount = async (db: FieldbookDb) => (await db.outbox.orderBy('key').uniqueKeys()).length;
