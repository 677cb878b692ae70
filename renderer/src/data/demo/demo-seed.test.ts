import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SEED, countDemoContacts, demoTeam, generateClientBatch } from '../../../../core/demo-data';
import { buildClientListRow, type ClientListRow } from '../clients/client-list-row';
import { byContactId } from '../clients/client-records';
import { FieldbookDb } from '../db';
import { DEMO_SEED_BATCH, seedDemoBase } from './demo-seed';
import { seedDemoBaseAside } from './demo-seed-runner';

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`demo-seed-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('seedDemoBase', () => {
  // Two full batches and a short one: more batches than transactions in flight.
  const count = DEMO_SEED_BATCH * 2 + 37;

  it('writes the demo clients with their contacts inside, and reports their list rows batch by batch, in order', async () => {
    const batches: ClientListRow[][] = [];
    await seedDemoBase(db, count, (rows) => batches.push(rows));

    const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count });
    const contactsOf = (id: string) => contacts.filter((k) => k.clientId === id).sort(byContactId);
    expect(await db.clients.count()).toBe(count);
    const stored = await db.clients.toArray();
    expect(stored.reduce((n, r) => n + (r.contacts ?? []).length, 0)).toBe(countDemoContacts({ seed: DEMO_SEED, start: 0, count }));
    const last = clients[count - 1]!;
    expect(await db.clients.get(last.id)).toEqual({ ...last, contacts: contactsOf(last.id) });
    expect(await db.team.count()).toBe(demoTeam().length);
    expect((await db.meta.get('demoSeeded'))?.value).toBe(count);

    // No list-row records (the caller saves the rows as the list snapshot); the reported rows,
    // in commit order, are the rows any edit of these clients would write (buildClientListRow
    // with libphonenumber for every phone), at revision 0: the list and search see the same.
    expect(await db.clientRows.count()).toBe(0);
    expect(batches.map((b) => b.length)).toEqual([DEMO_SEED_BATCH, DEMO_SEED_BATCH, 37]);
    expect(batches.flat().map((r) => r.id)).toEqual(clients.map((c) => c.id));
    const reported = new Map(batches.flat().map((r) => [r.id, r]));
    for (const client of clients) expect(reported.get(client.id)).toEqual(buildClientListRow(client, contactsOf(client.id), 0));
  });

  it('seeds in this thread where no worker can be started', async () => {
    expect(typeof Worker).toBe('undefined');
    let rows = 0;
    await seedDemoBaseAside(db, 25, (batch) => (rows += batch.length));
    expect(rows).toBe(25);
    expect(await db.clients.count()).toBe(25);
  });
});
