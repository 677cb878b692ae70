import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInput } from '../../../core/client-model';
import { formatHlc } from '../../../core/sync/hlc';
import { createClient, createContact, deleteClient, deleteContact } from './clients/commands';
import { FieldbookDb } from './db';
import { recordKey } from './sync/outbox';
import { applyRecords, removeClients } from './sync/sync-store';
import { deletedAt, restoreFromTrash } from './trash';

const input = (patch: Partial<ClientInput> = {}): ClientInput => ({
  name: 'Trash Kft', legalName: '', taxId: '', status: 'active', ownerId: 'u1', segment: '', industry: '', website: '',
  addresses: [{ kind: 'office', street: '', city: 'Budapest', postcode: '', region: '', country: 'HU' }],
  priceType: 'wholesale', discountPct: 5, paymentTermsDays: 30, currency: 'HUF', contractNumber: '', contractDate: '',
  contractTerms: '', notes: '', tags: [], language: 'hu', ...patch,
});
const person = (name: string) => ({ name, position: '', phones: [], emails: [], birthday: '', decisionRole: 'user' as const, notes: '' });

let db: FieldbookDb;
beforeEach(() => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('deleting and restoring', () => {
  it('a contact goes to the trash with its client named, leaves the list row and search, and comes back', async () => {
    const c = await createClient(input(), db);
    const contact = await createContact(c.id, person('Szabó Éva'), db);
    await db.outbox.clear();
    await deleteContact(contact, db);
    expect((await db.clients.get(c.id))?.contacts).toEqual([]);
    expect((await db.clientRows.get(c.id))?.hay).not.toContain('szabo');
    expect(await db.trash.get(recordKey('contacts', contact.id))).toMatchObject({ table: 'contacts', clientId: c.id, by: 'local', record: { name: 'Szabó Éva' } });
    expect((await db.outbox.toArray()).map((e) => [e.key, e.fields._deleted?.value])).toEqual([[`contacts/${contact.id}`, true]]);

    await restoreFromTrash(recordKey('contacts', contact.id), db);
    expect((await db.clients.get(c.id))?.contacts?.map((x) => x.name)).toEqual(['Szabó Éva']);
    expect((await db.clientRows.get(c.id))?.hay).toContain('szabo');
    expect(await db.trash.count()).toBe(0);
    expect((await db.outbox.toArray()).at(-1)?.fields._deleted?.value).toBe(false);
    const actions = (await db.history.where('clientId').equals(c.id).toArray()).filter((h) => h.subject === 'contact').map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['deleted', 'undeleted']));
  });

  it('a contact whose client is in the trash too waits for its client', async () => {
    const c = await createClient(input(), db);
    const contact = await createContact(c.id, person('Max'), db);
    await deleteContact(contact, db);
    await deleteClient(c.id, db);
    await expect(restoreFromTrash(recordKey('contacts', contact.id), db)).rejects.toThrow('errors.restore_client_first');
    await restoreFromTrash(recordKey('clients', c.id), db);
    await restoreFromTrash(recordKey('contacts', contact.id), db);
    expect((await db.clients.get(c.id))?.contacts?.map((x) => x.name)).toEqual(['Max']);
  });

  it('a pulled tombstone is dated by its stamp and names who deleted it; a pulled undelete takes it out', async () => {
    const c = await createClient(input(), db);
    const contact = await createContact(c.id, person('Ivan'), db);
    await db.outbox.clear();
    const wall = Date.parse('2026-03-02T10:00:00Z');
    const stamp = formatHlc({ wall, counter: 0, node: '00000000000000aa' });
    const data = { ...contact, _deleted: true };
    await db.transaction('rw', db.tables, () => applyRecords(db, [{ table: 'contacts', id: contact.id, data, stamps: { '*': stamp }, seq: 5, deletedBy: 'u7' }]));
    expect(await db.trash.get(recordKey('contacts', contact.id))).toMatchObject({ by: 'u7', at: '2026-03-02T10:00:00.000Z', clientId: c.id });
    expect(deletedAt({ '*': stamp }, 'x')).toBe('2026-03-02T10:00:00.000Z');
    const later = formatHlc({ wall: wall + 1000, counter: 0, node: '00000000000000aa' });
    await db.transaction('rw', db.tables, () => applyRecords(db, [{ table: 'contacts', id: contact.id, data: { ...data, _deleted: false }, stamps: { '*': later }, seq: 6 }]));
    expect(await db.trash.count()).toBe(0);
    expect((await db.clients.get(c.id))?.contacts?.map((x) => x.name)).toEqual(['Ivan']);
  });

  it('what leaves the laptop’s sight leaves its trash too', async () => {
    const c = await createClient(input(), db);
    const contact = await createContact(c.id, person('Gone'), db);
    await deleteContact(contact, db);
    const other = await createClient(input({ name: 'Stays' }), db);
    await deleteClient(other.id, db);
    await db.transaction('rw', db.tables, () => removeClients(db, [c.id]));
    expect((await db.trash.toArray()).map((e) => e.key)).toEqual([recordKey('clients', other.id)]);
  });
});
