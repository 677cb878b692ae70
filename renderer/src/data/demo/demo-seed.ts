/**
 * Fills an empty laptop with the deterministic demo base, in batches so that any size (the
 * benchmarks use 100k clients and 250k contacts) loads without holding it all in memory.
 *
 * The seeding itself runs in a worker where one can be started (demo-seed-runner.ts), so that
 * generating the records and serialising them for IndexedDB never holds up the window; this
 * module is the same code either way, and is tested without a worker.
 */
import type { Contact } from '../../../../core/client-model';
import { DEMO_SEED, demoTeam, generateClientBatch } from '../../../../core/demo-data';
import { phoneDigitFormsByShape } from '../../../../core/phone';
import { buildClientListRow, type ClientListRow } from '../clients/client-list-row';
import { byContactId, type ClientRecord } from '../clients/client-records';
import type { FieldbookDb } from '../db';

/** Clients per transaction: about 2 MB of records. */
export const DEMO_SEED_BATCH = 1000;
/**
 * Transactions handed to IndexedDB before waiting for the oldest to commit. With two, the next
 * batch's records are serialised (in this thread) while the previous one commits (in the
 * browser's storage thread); IndexedDB still runs them one after the other, in order.
 */
const IN_FLIGHT = 2;

/**
 * Writes `count` demo clients, each with its contacts inside (client-records.ts), and calls
 * `onRows` with each batch's list rows once committed, in order. The rows themselves are not
 * written here: the caller saves them as the list snapshot once the base is in (a hundred
 * thousand list-row records would cost as much again as the clients; see list-snapshot.ts).
 */
export async function seedDemoBase(
  db: FieldbookDb,
  count: number,
  onRows: (rows: ClientListRow[]) => void,
): Promise<void> {
  await db.team.bulkPut(demoTeam());
  // Every demo phone is E.164 from a few known ranges: their digit forms are worked out once
  // per range shape instead of by libphonenumber for each of ~300k numbers (core/phone.ts).
  const phoneForms = phoneDigitFormsByShape();
  const writing: Promise<void>[] = [];
  try {
    for (let start = 0; start < count; start += DEMO_SEED_BATCH) {
      const batch = prepareBatch(start, Math.min(DEMO_SEED_BATCH, count - start), phoneForms);
      if (writing.length >= IN_FLIGHT) await writing.shift();
      writing.push(writeBatch(db, batch).then(() => onRows(batch.rows)));
    }
    await Promise.all(writing);
  } catch (e) {
    // Let the transactions still queued settle before reporting, so none fails unobserved.
    await Promise.allSettled(writing);
    throw e;
  }
  await db.meta.put({ key: 'demoSeeded', value: count });
}

interface DemoBatchRows {
  clients: ClientRecord[];
  rows: ClientListRow[];
}

function prepareBatch(start: number, count: number, phoneForms: (e164: string) => string[]): DemoBatchRows {
  const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start, count });
  const byClient = new Map<string, Contact[]>();
  for (const c of contacts) {
    const list = byClient.get(c.clientId);
    if (list) list.push(c);
    else byClient.set(c.clientId, [c]);
  }
  for (const list of byClient.values()) list.sort(byContactId);
  // Revision 0: older than any edit (the base was empty), so the first edit's row replaces it.
  const rows = clients.map((c) => buildClientListRow(c, byClient.get(c.id) ?? [], 0, phoneForms));
  return { clients: clients.map((c) => ({ ...c, contacts: byClient.get(c.id) ?? [] })), rows };
}

const writeBatch = (db: FieldbookDb, { clients }: DemoBatchRows): Promise<unknown> => db.clients.bulkPut(clients);
