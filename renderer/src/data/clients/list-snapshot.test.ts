import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SEED, generateClientBatch } from '../../../../core/demo-data';
import { buildClientListRow, goneClientRow, type ClientListRow } from './client-list-row';
import { ClientSearch, NO_FILTERS } from './client-search';
import { FieldbookDb } from '../db';
import { SNAPSHOT_PART_ROWS, readListSnapshot, rowsFromRecords, writeListSnapshot } from './list-snapshot';
import { seedDemoBase } from '../demo/demo-seed';

/** `count` demo list rows at revision `rev`. */
function demoRows(count: number, rev = 1): ClientListRow[] {
  const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count });
  return clients.map((c) => buildClientListRow(c, contacts.filter((k) => k.clientId === c.id), rev));
}

const ids = (rows: readonly ClientListRow[]) => rows.map((r) => r.id);

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`snapshot-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('list snapshot', () => {
  const rows = demoRows(SNAPSHOT_PART_ROWS * 2 + 17);

  it('reads back what was written, in order, over several parts', async () => {
    await writeListSnapshot(db, rows, 7);
    expect(await db.listSnapshot.count()).toBe(3);
    const snap = await readListSnapshot(db);
    expect(snap?.rev).toBe(7);
    expect(ids(snap!.rows)).toEqual(ids(rows));
    expect(snap!.rows[5]).toEqual(rows[5]);
  });

  it('is ignored when there is none, when a part is missing, or when parts come from different snapshots', async () => {
    expect(await readListSnapshot(db)).toBeNull();
    await writeListSnapshot(db, rows, 7);
    await db.listSnapshot.delete(1); // a window closed half-way through writing
    expect(await readListSnapshot(db)).toBeNull();
    await writeListSnapshot(db, rows, 7);
    await db.listSnapshot.update(2, { rev: 8 }); // two windows wrote at once
    expect(await readListSnapshot(db)).toBeNull();
  });

  it('a smaller snapshot replaces a larger one whole', async () => {
    await writeListSnapshot(db, rows, 7);
    await writeListSnapshot(db, rows.slice(0, 10), 9);
    expect(await db.listSnapshot.count()).toBe(1);
    expect(ids((await readListSnapshot(db))!.rows)).toEqual(ids(rows.slice(0, 10)));
    await writeListSnapshot(db, [], 10);
    expect(await readListSnapshot(db)).toBeNull();
  });
});

describe('ClientSearch from a snapshot', () => {
  it('gives the same results as a list built row by row, and catches up with newer rows', () => {
    const rows = demoRows(3000);
    const built = new ClientSearch();
    built.apply(rows);
    const saved = built.snapshot();
    expect(saved.rev).toBe(1);
    expect(built.unsavedRows).toBe(0);

    const loaded = new ClientSearch();
    loaded.load(saved.rows, saved.rev);
    for (const [text, sort] of [['', 'name'], ['a', 'name'], ['ko', 'city'], ['+36', 'overdue'], ['zzz', 'updated']] as const) {
      const a = built.search(text, NO_FILTERS, sort);
      const b = loaded.search(text, NO_FILTERS, sort);
      expect(ids([...b.positions].map((p) => b.rows[p]!)), `${text} by ${sort}`).toEqual(ids([...a.positions].map((p) => a.rows[p]!)));
    }

    // Rows changed after the snapshot: one renamed, one gone.
    const renamed = { ...saved.rows[0]!, name: 'Zeta Renamed', key: 'zeta renamed', rev: 2 };
    const goneId = saved.rows[1]!.id;
    loaded.apply([renamed, goneClientRow(goneId, 2)]);
    const all = loaded.search('', NO_FILTERS, 'name');
    const names = [...all.positions].map((p) => all.rows[p]!.name);
    expect(names).toHaveLength(rows.filter((r) => !r.archived).length - 1);
    expect(names).toContain('Zeta Renamed');
    expect(ids([...all.positions].map((p) => all.rows[p]!))).not.toContain(goneId);
    expect(loaded.maxRev).toBe(2);
    expect(loaded.unsavedRows).toBe(2);
  });
});

describe('without a snapshot', () => {
  it('start-up builds every row from the client records, at the current revision', async () => {
    const reported: ClientListRow[] = [];
    await seedDemoBase(db, 40, (batch) => reported.push(...batch));
    await db.meta.put({ key: 'localRev', value: 12 });
    const rows = await rowsFromRecords(db);
    expect(rows.map((r) => ({ ...r, rev: 0 }))).toEqual(reported.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(new Set(rows.map((r) => r.rev))).toEqual(new Set([12]));
  });
});
