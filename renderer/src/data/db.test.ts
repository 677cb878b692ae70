import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateClientBatch } from '../../../core/demo-data';
import { pricesOfProduct } from './catalog/catalog';
import { clientOf, type ClientRecord } from './clients/client-records';
import { FieldbookDb } from './db';
import type { TrashEntry } from './trash';

describe('schema upgrades', () => {
  it('a version 6 laptop keeps its clients; version 7 dropped only their status and updatedAt indexes', async () => {
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
      expect(db.verno).toBe(10);
      expect((await db.clients.toArray()).map(clientOf)).toEqual([...clients].sort((a, b) => (a.id < b.id ? -1 : 1)));
      const owner = clients[0]!.ownerId;
      expect(await db.clients.where('ownerId').equals(owner).count()).toBe(clients.filter((c) => c.ownerId === owner).length);
      const idb = db.backendDB();
      const store = idb.transaction('clients', 'readonly').objectStore('clients');
      expect([...store.indexNames]).toEqual(['ownerId']);
    } finally {
      await db.delete();
    }
  });

  it('a version 9 laptop keeps its prices; version 10 dropped only their productId index, and a product’s prices are still found', async () => {
    const name = `db-test-${Math.random()}`;
    const price = (id: string, productId: string, priceType: string) => ({ id, productId, priceType, currency: 'GBP', includesVat: false, breaks: [{ minQty: 1, unitPrice: 10 }] });
    const prices = [price('p1', 'a', 'retail'), price('p2', 'a', 'wholesale'), price('p3', 'b', 'retail'), price('p4', 'ab', 'retail')];
    const old = new Dexie(name);
    old.version(9).stores({ prices: 'id, productId, [productId+priceType]' });
    await old.table('prices').bulkPut(prices);
    old.close();

    const db = new FieldbookDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(10);
      expect([...db.backendDB().transaction('prices', 'readonly').objectStore('prices').indexNames]).toEqual(['[productId+priceType]']);
      expect((await pricesOfProduct('a', db)).map((p) => p.id).sort()).toEqual(['p1', 'p2']);
      expect((await pricesOfProduct('ab', db)).map((p) => p.id)).toEqual(['p4']);
      expect(await pricesOfProduct('c', db)).toEqual([]);
    } finally {
      await db.delete();
    }
  });

  it('version 9 moves every contact and its stamps into its client’s record, a deleted client’s into its trash entry', async () => {
    const name = `db-test-${Math.random()}`;
    const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count: 20 });
    const [deleted, ...live] = clients;
    const old = new Dexie(name);
    old.version(7).stores({ clients: 'id, ownerId', contacts: 'id, clientId', trash: 'key', stamps: 'key' });
    await old.table('clients').bulkPut(live);
    await old.table('contacts').bulkPut(contacts);
    const stamp = (key: string) => ({ key, stamps: { '*': `stamp of ${key}` } });
    await old.table('stamps').bulkPut([...clients.map((c) => stamp(`clients/${c.id}`)), ...contacts.map((c) => stamp(`contacts/${c.id}`)), stamp('offers/x'), stamp('contacts/gone')]);
    const entry: TrashEntry = { key: `clients/${deleted!.id}`, table: 'clients', id: deleted!.id, record: deleted!, at: '2026-12-01T10:00:00.000Z' };
    await old.table('trash').put(entry);
    old.close();

    const db = new FieldbookDb(name);
    await db.open();
    try {
      expect(db.verno).toBe(10);
      expect(db.backendDB().objectStoreNames.contains('contacts')).toBe(false);
      const contactsOf = (id: string) => contacts.filter((c) => c.clientId === id).sort((a, b) => (a.id < b.id ? -1 : 1));
      const stampsOf = (id: string) => Object.fromEntries([`clients/${id}`, ...contactsOf(id).map((c) => `contacts/${c.id}`)].map((k) => [k, stamp(k).stamps]));
      for (const client of live) {
        const record = await db.clients.get(client.id);
        const { contacts: stored = [], serverStamps, ...rest } = record!;
        expect(rest).toEqual(client);
        expect(stored).toEqual(contactsOf(client.id));
        expect(serverStamps).toEqual(stampsOf(client.id));
      }
      const trashed = (await db.trash.get(entry.key))?.record as ClientRecord | undefined;
      expect(trashed?.contacts).toEqual(contactsOf(deleted!.id));
      expect(trashed?.serverStamps).toEqual(stampsOf(deleted!.id));
      // Other tables' stamps stay, and so do those of contacts no longer here.
      expect((await db.stamps.toArray()).map((s) => s.key).sort()).toEqual(['contacts/gone', 'offers/x']);
    } finally {
      await db.delete();
    }
  });
});
