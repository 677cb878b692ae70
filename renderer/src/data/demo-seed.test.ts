import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SEED, countDemoContacts, demoTeam, generateClientBatch } from '../../../core/demo-data';
import { buildClientListRow, type ClientListRow } from './client-list-row';
import { FieldbookDb } from './db';
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

  it('writes the demo clients, their contacts and their list rows, batch by batch, in order', async () => {
    const batches: ClientListRow[][] = [];
    await seedDemoBase(db, count, (rows) => batches.push(rows));

    const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count });
    expect(await db.clients.count()).toBe(count);
    expect(await db.contacts.count()).toBe(countDemoContacts({ seed: DEMO_SEED, start: 0, count }));
    expect(await db.clients.get(clients[count - 1]!.id)).toEqual(clients[count - 1]);
    expect(await db.contacts.get(contacts[0]!.id)).toEqual(contacts[0]);
    expect(await db.team.count()).toBe(demoTeam().length);

    // One revision per batch, reported in commit order; localRev is the last one.
    expect(batches.map((b) => b.length)).toEqual([DEMO_SEED_BATCH, DEMO_SEED_BATCH, 37]);
    expect(batches.map((b) => new Set(b.map((r) => r.rev)))).toEqual([new Set([1]), new Set([2]), new Set([3])]);
    expect((await db.meta.get('localRev'))?.value).toBe(3);
    expect((await db.meta.get('demoSeeded'))?.value).toBe(count);

    // The stored rows are the reported ones, and the rows any edit of these clients would write
    // (buildClientListRow with libphonenumber for every phone): the list and search see the same.
    const stored = await db.clientRows.toArray();
    expect(stored).toHaveLength(count);
    const reported = new Map(batches.flat().map((r) => [r.id, r]));
    for (const [i, client] of clients.entries()) {
      const expected = buildClientListRow(client, contacts.filter((k) => k.clientId === client.id), Math.floor(i / DEMO_SEED_BATCH) + 1);
      expect(reported.get(client.id)).toEqual(expected);
    }
    expect(new Map(stored.map((r) => [r.id, r]))).toEqual(reported);
    expect(await db.clientRows.where('rev').above(2).count()).toBe(37);
  });

  it('continues the revisions of what is already on the laptop', async () => {
    await db.meta.put({ key: 'localRev', value: 41 });
    const revs: number[] = [];
    await seedDemoBase(db, 10, (rows) => revs.push(...new Set(rows.map((r) => r.rev))));
    expect(revs).toEqual([42]);
    expect((await db.meta.get('localRev'))?.value).toBe(42);
  });

  it('seeds in this thread where no worker can be started', async () => {
    expect(typeof Worker).toBe('undefined');
    let rows = 0;
    await seedDemoBaseAside(db, 25, (batch) => (rows += batch.length));
    expect(rows).toBe(25);
    expect(await db.clients.count()).toBe(25);
  });
});
