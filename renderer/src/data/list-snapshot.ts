/**
 * A start-up cache of the client list: the list rows saved as a few large records, in name
 * order. Reading 100k rows as 100k IndexedDB records costs seconds (every record is a value
 * of its own to fetch and deserialise); the same rows in 20 records of 5 000 read several times
 * faster, and in name order they need no sort before the first screen.
 *
 * It is only a cache. `clientRows` stays the truth: a snapshot says which local revision it
 * holds, and start-up fetches every row with a newer revision on top of it (see client-base.ts).
 * A snapshot whose parts disagree (a window closed half-way through writing one, or two
 * windows wrote at once) is ignored, and the rows are read one by one as before.
 */
import type { ClientListRow } from './client-list-row';
import type { FieldbookDb } from './db';

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
