import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateClientBatch } from '../../../core/demo-data';
import { FieldbookDb } from './db';

describe('schema upgrades', () => {
  it('version 7 keeps the clients of a version 6 laptop and drops only their status and updatedAt indexes', async () => {
    const name = `db-test-${Math.random()}`;
    const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count: 20 });
    // The laptop as version 6 left it (the tables that matter here, declared as version 6 did).
    const old = new Dexie(name);
    old.version(6).stores({ clients: 'id, ownerId, status, updatedAt', contacts: 'id, clientId' });
    await old.table('clients').bulkPut(clients);
    await old.table('contacts').bulkPut(contacts);
    old.close();

    const db = new FieldbookDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(7);
      expect(await db.clients.toArray()).toEqual([...clients].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await db.contacts.where('clientId').equals(clients[0]!.id).count()).toBe(contacts.filter((c) => c.clientId === clients[0]!.id).length);
      const owner = clients[0]!.ownerId;
      expect(await db.clients.where('ownerId').equals(owner).count()).toBe(clients.filter((c) => c.ownerId === owner).length);
      const idb = db.backendDB();
      const store = idb.transaction('clients', 'readonly').objectStore('clients');
      expect([...store.indexNames]).toEqual(['ownerId']);
    } finally {
      await db.delete();
    }
  });
});
