/**
 * A start-up cache of the client list: the list rows saved as a few large records, in name
 * order. Reading 100k rows as 100k IndexedDB records costs seconds (every record is a value
 * of its own to fetch and deserialise); the same rows in 20 records of 5 000 read several times
 * faster, and in name order they need no sort before the first screen.
 *
 * It is only a cache of what the client records say. A snapshot says which local revision it
 * holds, and start-up fetches every row of `clientRows` with a newer revision on top of it (see
 * client-base.ts). Rows written in bulk (the demo seeding) are in no `clientRows` record, only in
 * the snapshot saved after them. Without a usable snapshot (none saved yet, or its parts
 * disagree because a window closed half-way through writing one, or two windows wrote at
 * once), start-up builds every row again from the client records.
 */
import { buildClientListRow, type ClientListRow } from './client-list-row';
import { contactsOf } from './client-records';
import type { FieldbookDb } from '../db';

export interface ListSnapshotPart {
  part: number;
  /** Number of parts of the snapshot this part belongs to. */
  parts: number;
  /** The local revision the rows are at: every row with a higher `rev` is newer than this. */
  rev: number;
  rows: ClientListRow[];
}

export const SNAPSHOT_PART_ROWS = 5000;

/** The rows of a complete snapshot, in name order, or null when there is none. */
export async function readListSnapshot(db: FieldbookDb): Promise<{ rev: number; rows: ClientListRow[] } | null> {
  const parts = await db.listSnapshot.toArray(); // in part order: `part` is the key
  const first = parts[0];
  if (!first) return null;
  const { rev, parts: count } = first;
  if (parts.length < count) return null;
  for (let i = 0; i < count; i++) {
    const p = parts[i]!;
    if (p.part !== i || p.rev !== rev || p.parts !== count) return null;
  }
  return { rev, rows: parts.slice(0, count).flatMap((p) => p.rows) };
}

/**
 * Saves rows (in name order) as the snapshot at `rev`. One part per transaction, yielding to
 * the window between parts, so that writing 100k rows never freezes the screen for long.
 */
export async function writeListSnapshot(db: FieldbookDb, rows: readonly ClientListRow[], rev: number): Promise<void> {
  const parts = Math.ceil(rows.length / SNAPSHOT_PART_ROWS);
  for (let part = 0; part < parts; part++) {
    const slice = rows.slice(part * SNAPSHOT_PART_ROWS, (part + 1) * SNAPSHOT_PART_ROWS);
    await db.listSnapshot.put({ part, parts, rev, rows: slice });
    await new Promise((done) => setTimeout(done, 0));
  }
  await db.listSnapshot.where('part').aboveOrEqual(parts).delete();
}

/**
 * Whether no list row is stored at all: neither a `clientRows` record nor a saved snapshot. A
 * base can hold clients then only if they came from a first sync that was cut short (its rows
 * were kept aside: see `takeInRowsAside` in client-base.ts), and a start-up builds their rows
 * from the records.
 */
export async function listIsEmpty(db: FieldbookDb): Promise<boolean> {
  const [rows, parts] = await Promise.all([db.clientRows.count(), db.listSnapshot.count()]);
  return rows === 0 && parts === 0;
}

/**
 * Every client's list row, built from the records (what start-up uses without a snapshot), at
 * the local revision they were read at: a row written after that replaces its row.
 */
export async function rowsFromRecords(db: FieldbookDb): Promise<ClientListRow[]> {
  return db.transaction('r', [db.clients, db.meta], async () => {
    const [records, rev] = await Promise.all([db.clients.toArray(), db.meta.get('localRev')]);
    const at = typeof rev?.value === 'number' ? rev.value : 0;
    return records.map((r) => buildClientListRow(r, contactsOf(r), at));
  });
}
