import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInput } from '../../../../core/client-model';
import { formatHlc } from '../../../../core/sync/hlc';
import type { SyncRecord } from '../../../../core/sync/protocol';
import { ClientSearch } from '../clients/client-search';
import type { ClientListRow } from '../clients/client-list-row';
import { rowsFromRecords } from '../clients/list-snapshot';
import { contactsOf, type ClientRecord } from '../clients/client-records';
import { createClient, createContact, updateClient, updateContact } from '../clients/commands';
import { reapplyRejected } from './rejected';
import { FieldbookDb } from '../db';
import { pendingCount } from './outbox';
import { applyRecords, removeClients, settlePush, takePushBatch } from './sync-store';

const input = (patch: Partial<ClientInput> = {}): ClientInput => ({
  name: 'Ромашка ООО', legalName: '', taxId: '', status: 'active', ownerId: 'u1', segment: '', industry: '', website: '',
  addresses: [{ kind: 'office', street: '', city: 'Москва', postcode: '', region: '', country: 'RU' }],
  priceType: 'wholesale', discountPct: 5, paymentTermsDays: 30, currency: 'RUB', contractNumber: '', contractDate: '',
  contractTerms: '', notes: '', tags: [], language: 'ru', ...patch,
});
const S = (wall: number) => formatHlc({ wall, counter: 0, node: '00000000000000ff' });

let db: FieldbookDb;
beforeEach(() => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('takePushBatch', () => {
  it('coalesces entries of one record: later values win, the first base stays', async () => {
    const c = await createClient(input(), db);
    await updateClient(c.id, input({ discountPct: 6 }), db);
    await updateClient(c.id, input({ discountPct: 7 }), db);
    await createClient(input({ name: 'Another client' }), db);
    // The status bar counts what the report will: records, not outbox entries.
    expect(await pendingCount(db)).toBe(2);
    const batch = (await takePushBatch(100, db))!;
    expect(batch).toMatchObject({ fromSeq: 1, toSeq: 4, entries: 4 });
    expect(batch.ops).toHaveLength(2);
    expect(batch.ops[0]!.fields.discountPct).toMatchObject({ value: 7, base: null });
  });

  it('stops at the record limit on a contiguous sequence range', async () => {
    for (let i = 0; i < 5; i++) await createClient(input({ name: `Client ${i}` }), db);
    const batch = (await takePushBatch(2, db))!;
    expect(batch).toMatchObject({ fromSeq: 1, toSeq: 2 });
    expect(batch.ops.map((o) => o.fields.name!.value)).toEqual(['Client 0', 'Client 1']);
  });

  it('settling removes the batch and keeps rejected changes with their values and reason', async () => {
    const c = await createClient(input(), db);
    const batch = (await takePushBatch(100, db))!;
    await updateClient(c.id, input({ notes: 'typed after the batch was taken' }), db);
    await settlePush(batch, {
      outcome: 'applied', lastSeq: batch.toSeq, serverTime: new Date().toISOString(),
      results: [{ table: 'clients', id: c.id, status: 'rejected', reason: 'not_permitted' }],
    }, db);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([2]);
    const [rejected] = await db.rejected.toArray();
    expect(rejected).toMatchObject({ table: 'clients', recordId: c.id, reason: 'not_permitted' });
    expect(rejected!.fields.name).toBe('Ромашка ООО');
  });
});

describe('a refused contact change', () => {
  it('is kept with its client, and applying it again writes the values back and queues them', async () => {
    const c = await createClient(input(), db);
    const values = { name: 'Ирина Петрова', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user' as const, notes: '' };
    const contact = await createContact(c.id, values, db);
    await takePushBatch(100, db).then((b) => settlePush(b!, { outcome: 'applied', lastSeq: b!.toSeq, serverTime: new Date().toISOString(), results: [] }, db));
    await updateContact({ id: contact.id, clientId: c.id }, { ...values, position: 'Закупки' }, db);
    const batch = (await takePushBatch(100, db))!;
    await settlePush(batch, {
      outcome: 'applied', lastSeq: batch.toSeq, serverTime: new Date().toISOString(),
      results: [{ table: 'contacts', id: contact.id, status: 'rejected', reason: 'not_permitted' }],
    }, db);
    const [rejected] = await db.rejected.toArray();
    // Named as the person knows the contact, though only the position was sent.
    expect(rejected).toMatchObject({ table: 'contacts', recordId: contact.id, clientId: c.id, fields: { position: 'Закупки' }, label: 'Ирина Петрова' });
    // Meanwhile the position was changed back here; applying the refused change again restores it.
    await updateContact({ id: contact.id, clientId: c.id }, values, db);
    await reapplyRejected(rejected!.id!, db);
    expect(contactsOf(await db.clients.get(c.id)).find((x) => x.id === contact.id)?.position).toBe('Закупки');
    expect(await db.rejected.count()).toBe(0);
    const queued = await db.outbox.toArray();
    expect(queued.at(-1)).toMatchObject({ table: 'contacts', id: contact.id, clientId: c.id, fields: { position: { value: 'Закупки' } } });
  });
});

describe('applyRecords', () => {
  const serverClient = (id: string, patch: Record<string, unknown> = {}): SyncRecord => ({
    table: 'clients', id, seq: 1, stamps: { '*': S(1_763_856_000_000) },
    data: { ...input(), creditLimit: 100000, receivables: null, createdAt: '2026-11-01T10:00:00.000Z', archivedAt: null, ...patch },
  });

  it('writes pulled clients, their list rows and stamps', async () => {
    const id = crypto.randomUUID();
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(id, { name: 'Сервер' })]));
    expect((await db.clients.get(id))?.name).toBe('Сервер');
    expect((await db.clients.get(id))?.updatedAt).toBe(new Date(1_763_856_000_000).toISOString());
    expect((await db.clientRows.get(id))?.name).toBe('Сервер');
    // A client's stamps are kept in its record, not as records of their own.
    expect((await db.clients.get(id))?.serverStamps).toEqual({ [`clients/${id}`]: { '*': S(1_763_856_000_000) } });
    expect(await db.stamps.count()).toBe(0);
  });

  it('keeps the stamps of records a laptop edits (an event), not those of the company’s catalog', async () => {
    const [eventId, productId] = ids(2);
    const stamps = { '*': S(1_763_856_000_000) };
    await db.transaction('rw', db.tables, () =>
      applyRecords(db, [
        { table: 'events', id: eventId!, seq: 1, stamps, data: { name: 'Fair', startsOn: '2026-12-10' } },
        { table: 'products', id: productId!, seq: 2, stamps, data: { sku: 'P-1', name: 'Pump' } },
      ]),
    );
    expect((await db.products.get(productId!))?.name).toBe('Pump');
    expect((await db.stamps.get(`events/${eventId}`))?.stamps).toEqual(stamps);
    expect(await db.stamps.get(`products/${productId}`)).toBeUndefined();
  });

  it('keeps local values of fields with unsent edits', async () => {
    const c = await createClient(input(), db);
    await db.outbox.clear();
    await updateClient(c.id, input({ notes: 'mine' }), db);
    await db.transaction('rw', db.tables, () => applyRecords(db, [{ ...serverClient(c.id, { notes: 'theirs', discountPct: 9 }) }]));
    const after = await db.clients.get(c.id);
    expect(after?.notes).toBe('mine');
    expect(after?.discountPct).toBe(9);
  });

  it('advances the laptop clock past pulled stamps', async () => {
    const c = await createClient(input(), db);
    await db.outbox.clear(); // pushed and acknowledged
    const future = S(4_000_000_000_000);
    await db.transaction('rw', db.tables, () => applyRecords(db, [{ ...serverClient(c.id), stamps: { '*': future } }]));
    await updateClient(c.id, input({ notes: 'later' }), db);
    const last = (await db.outbox.orderBy('seq').last())!;
    expect(last.fields.notes!.hlc > future).toBe(true);
    expect(last.fields.notes!.base).toBe(future);
  });

  const serverContact = (id: string, clientId: string, name: string): SyncRecord => ({
    table: 'contacts', id, seq: 1, stamps: { '*': S(1_763_856_000_000) },
    data: { clientId, name, position: '', phones: [], emails: [], birthday: '', decisionRole: 'decision_maker', notes: '', createdAt: '2026-11-01T10:00:00.000Z', archivedAt: null },
  });
  const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID()).sort();

  it('a snapshot page of clients with their contacts builds each list row once, from the records as applied', async () => {
    const clients = ids(12);
    // As the server sends a snapshot: each client followed by its contacts, over pages.
    const records = clients.flatMap((id) => [serverClient(id, { name: `C ${id}` }), serverContact(crypto.randomUUID(), id, `Contact of ${id}`)]);
    const pages = [records.slice(0, 12), records.slice(12)];
    for (const page of pages) await db.transaction('rw', db.tables, () => applyRecords(db, page));
    const built = await db.clientRows.toArray();
    expect(built.map((r) => r.id).sort()).toEqual(clients);
    for (const row of built) expect(row.primaryContact).toBe(`Contact of ${row.id}`);
    // One revision per page, not one per client.
    expect(new Set(built.map((r) => r.rev)).size).toBe(pages.length);
    expect((await db.meta.get('localRev'))?.value).toBe(pages.length);
  });

  it('with rows kept aside, a page writes no list row and hands over the same rows, at revision 0', async () => {
    const clients = ids(6);
    const records = clients.flatMap((id) => [serverClient(id, { name: `C ${id}` }), serverContact(crypto.randomUUID(), id, `Contact of ${id}`)]);
    const aside: ClientListRow[] = [];
    for (const page of [records.slice(0, 5), records.slice(5)]) await db.transaction('rw', db.tables, () => applyRecords(db, page, aside));
    expect(await db.clientRows.count()).toBe(0);
    expect(aside.every((r) => r.rev === 0)).toBe(true);
    // The last row of each client is the one the list keeps (apply replaces by id).
    const kept = new Map(aside.map((r) => [r.id, r]));
    expect([...kept.keys()].sort()).toEqual(clients);
    expect(new Map((await rowsFromRecords(db)).map((r) => [r.id, { ...r, rev: 0 }]))).toEqual(kept);
  });

  it('contacts pulled on their own rebuild their clients’ rows with all their contacts', async () => {
    const clients = ids(3);
    await db.transaction('rw', db.tables, () => applyRecords(db, clients.map((id) => serverClient(id))));
    const rev = (await db.clientRows.get(clients[0]!))!.rev;
    const [picked] = clients;
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverContact(crypto.randomUUID(), picked!, 'Новый')]));
    for (const row of await db.clientRows.toArray()) {
      expect(row.primaryContact).toBe(row.id === picked ? 'Новый' : '');
      expect(row.rev > rev).toBe(row.id === picked);
    }
  });

  it('a client deleted in a page gets its marker row', async () => {
    const c = await createClient(input(), db);
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(c.id, { _deleted: true })]));
    expect((await db.clientRows.get(c.id))?.gone).toBe(true);
  });

  it('a tombstone removes the client from the list; removal of a scope drops its contacts', async () => {
    const c = await createClient(input(), db);
    await createContact(c.id, { name: 'Иван', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    const search = new ClientSearch();
    search.apply(await db.clientRows.toArray());
    expect(search.size).toBe(1);
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(c.id, { _deleted: true })]));
    expect(await db.clients.get(c.id)).toBeUndefined();
    search.apply(await db.clientRows.toArray());
    expect(search.size).toBe(0);

    const d = await createClient(input({ name: 'Другой' }), db);
    await createContact(d.id, { name: 'Пётр', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    await db.transaction('rw', db.tables, () => removeClients(db, [d.id]));
    expect(await db.clients.get(d.id)).toBeUndefined();
    search.apply(await db.clientRows.where('rev').above(search.maxRev).toArray());
    expect(search.size).toBe(0);
  });

  it('a contact pulled before its client waits, and joins the client when it arrives', async () => {
    const [clientId, contactId] = ids(2);
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverContact(contactId!, clientId!, 'Siti Rahman')]));
    expect(await db.clients.get(clientId!)).toBeUndefined();
    expect((await db.looseContacts.get(contactId!))?.contact.name).toBe('Siti Rahman');

    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(clientId!, { name: 'PT Maju' })]));
    expect((await db.clients.get(clientId!))?.contacts?.map((c) => c.name)).toEqual(['Siti Rahman']);
    expect(await db.looseContacts.count()).toBe(0);
    expect((await db.clientRows.get(clientId!))?.primaryContact).toBe('Siti Rahman');
    expect(Object.keys((await db.clients.get(clientId!))?.serverStamps ?? {}).sort()).toEqual([`clients/${clientId}`, `contacts/${contactId}`]);
  });

  it('contacts pulled in any order are kept in id order, so every laptop picks the same primary contact', async () => {
    const [clientId, first, second] = ids(3);
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(clientId!)]));
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverContact(second!, clientId!, 'Second')]));
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverContact(first!, clientId!, 'First')]));
    expect((await db.clients.get(clientId!))?.contacts?.map((c) => c.name)).toEqual(['First', 'Second']);
    expect((await db.clientRows.get(clientId!))?.primaryContact).toBe('First');
  });

  it('contacts changed or deleted while their client is in the trash come back as they are now', async () => {
    const c = await createClient(input(), db);
    const kept = await createContact(c.id, { name: 'Иван', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    const dropped = await createContact(c.id, { name: 'Пётр', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    await db.outbox.clear();
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(c.id, { _deleted: true })]));
    const renamed = { ...serverContact(kept.id, c.id, 'Иван Иванович'), stamps: { '*': S(1_763_856_100_000) } };
    const gone: SyncRecord = { ...serverContact(dropped.id, c.id, 'Пётр'), data: { clientId: c.id, _deleted: true } };
    await db.transaction('rw', db.tables, () => applyRecords(db, [renamed, gone]));
    expect(await db.looseContacts.count()).toBe(0);
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(c.id, { _deleted: false })]));
    const back = await db.clients.get(c.id);
    expect(back?.contacts?.map((k) => k.name)).toEqual(['Иван Иванович']);
    expect(back?.serverStamps?.[`contacts/${kept.id}`]).toEqual({ '*': S(1_763_856_100_000) });
    expect(await db.trash.count()).toBe(0);
  });

  it('a client deleted elsewhere goes to the trash with its contacts, and comes back with them when undeleted', async () => {
    const c = await createClient(input(), db);
    const contact = await createContact(c.id, { name: 'Иван', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    await db.outbox.clear();
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(c.id, { _deleted: true })]));
    expect(((await db.trash.get(`clients/${c.id}`))?.record as ClientRecord).contacts?.map((k) => k.id)).toEqual([contact.id]);
    await db.transaction('rw', db.tables, () => applyRecords(db, [serverClient(c.id, { _deleted: false })]));
    expect((await db.clients.get(c.id))?.contacts?.map((k) => k.name)).toEqual(['Иван']);
    expect(await db.trash.count()).toBe(0);
  });
});
