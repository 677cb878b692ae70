/**
 * Fills an empty laptop with the deterministic demo base, in batches so that any size (the
 * benchmarks use 100k clients and 250k contacts) loads without holding it all in memory.
 */
import type { Client, Contact } from '../../../core/client-model';
import { DEMO_SEED, demoTeam, generateClientBatch } from '../../../core/demo-data';
import { buildClientListRow, type ClientListRow } from './client-list-row';
import type { FieldbookDb } from './db';

const BATCH = 2000;

/** Writes `count` demo clients; calls `onRows` with each batch's list rows once committed. */
export async function seedDemoBase(
  db: FieldbookDb,
  count: number,
  onRows: (rows: ClientListRow[]) => void,
): Promise<void> {
  await db.team.bulkPut(demoTeam());
  // One batch is written while the next is generated: IndexedDB commits in the browser's own
  // threads, so the window's thread spends that time building rows instead of waiting.
  let writing: Promise<void> | null = null;
  for (let start = 0; start < count; start += BATCH) {
    const batch = prepareBatch(start, Math.min(BATCH, count - start));
    await writing;
    writing = writeBatch(db, batch).then(() => onRows(batch.rows));
  }
  await writing;
  await db.meta.put({ key: 'demoSeeded', value: count });
}

interface DemoBatchRows {
  clients: Client[];
  contacts: Contact[];
  rows: ClientListRow[];
}

function prepareBatch(start: number, count: number): DemoBatchRows {
  const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start, count });
  const byClient = new Map<string, Contact[]>();
  for (const c of contacts) {
    const list = byClient.get(c.clientId);
    if (list) list.push(c);
    else byClient.set(c.clientId, [c]);
  }
  // The revision is only known inside the write's transaction; writeBatch sets it.
  const rows = clients.map((c) => buildClientListRow(c, byClient.get(c.id) ?? [], 0));
  return { clients, contacts, rows };
}

async function writeBatch(db: FieldbookDb, { clients, contacts, rows }: DemoBatchRows): Promise<void> {
  await db.transaction('rw', [db.clients, db.contacts, db.clientRows, db.meta], async () => {
    const current = (await db.meta.get('localRev'))?.value;
    const rev = (typeof current === 'number' ? current : 0) + 1;
    for (const row of rows) row.rev = rev;
    await Promise.all([db.clients.bulkPut(clients), db.contacts.bulkPut(contacts), db.clientRows.bulkPut(rows)]);
    await db.meta.put({ key: 'localRev', value: rev });
  });
}
