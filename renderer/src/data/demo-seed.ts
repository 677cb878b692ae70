/**
 * Fills an empty laptop with the deterministic demo base, in batches so that any size (the
 * benchmarks use 100k clients and 250k contacts) loads without holding it all in memory.
 */
import type { Contact } from '../../../core/client-model';
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
  for (let start = 0; start < count; start += BATCH) {
    const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start, count: Math.min(BATCH, count - start) });
    const byClient = new Map<string, Contact[]>();
    for (const c of contacts) {
      const list = byClient.get(c.clientId);
      if (list) list.push(c);
      else byClient.set(c.clientId, [c]);
    }
    let rows: ClientListRow[] = [];
    await db.transaction('rw', [db.clients, db.contacts, db.clientRows, db.meta], async () => {
      const current = (await db.meta.get('localRev'))?.value;
      const rev = (typeof current === 'number' ? current : 0) + 1;
      rows = clients.map((c) => buildClientListRow(c, byClient.get(c.id) ?? [], rev));
      await Promise.all([db.clients.bulkPut(clients), db.contacts.bulkPut(contacts), db.clientRows.bulkPut(rows)]);
      await db.meta.put({ key: 'localRev', value: rev });
    });
    onRows(rows);
  }
  await db.meta.put({ key: 'demoSeeded', value: count });
}
