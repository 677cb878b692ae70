import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientInput } from '../../../../core/client-model';
import { FieldbookDb } from '../db';
import { createEvent, setActiveEvent } from '../leads/leads';
import { setMarket } from '../market';
import { archiveClient, archiveContact, createClient, createContact, deleteClient, restoreClient, updateClient, updateContact } from './commands';
import { ClientSearch, NO_FILTERS } from './client-search';
import { openClient, openContact } from '../opened-record';
import { withServerStamps } from './client-records';
import { useLanguage } from '../../i18n/language';

const input = (patch: Partial<ClientInput> = {}): ClientInput => ({
  name: 'Ügyfél Kft',
  legalName: 'Ügyfél Kereskedelmi Kft.',
  taxId: '12345678-2-42',
  status: 'active',
  ownerId: 'u1',
  segment: 'small_business',
  industry: 'Wholesale',
  website: 'ugyfel.hu',
  addresses: [{ kind: 'office', street: 'Váci út 1', city: 'Budapest', postcode: '1051', region: '', country: 'HU' }],
  priceType: 'wholesale',
  discountPct: 5.5,
  paymentTermsDays: 30,
  currency: 'HUF',
  contractNumber: '',
  contractDate: '',
  contractTerms: '',
  notes: '',
  tags: ['vip'],
  language: 'hu',
  ...patch,
});

let db: FieldbookDb;
beforeEach(() => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function searchAll(text: string, filters = NO_FILTERS) {
  const search = new ClientSearch();
  search.apply(await db.clientRows.toArray());
  const r = search.search(text, filters, 'name');
  return [...r.positions].map((p) => r.rows[p]!.name);
}

describe('client commands', () => {
  it('creates a client with its list row and a history entry', async () => {
    const c2 = await createClient(input(), db);
    expect((await db.clients.get(c2.id))?.name).toBe('Ügyfél Kft');
    expect(await searchAll('ugyfel budapest')).toEqual(['Ügyfél Kft']);
    const history = await db.history.where('clientId').equals(c2.id).toArray();
    expect(history.map((h) => h.action)).toEqual(['created']);
  });

  it('records exactly the changed fields on update and re-indexes the row', async () => {
    const c = await createClient(input(), db);
    await updateClient(c.id, input({ name: 'Ügyfél Zrt', discountPct: 7 }), db);
    const history = await db.history.where('clientId').equals(c.id).sortBy('at');
    const update = history.find((h) => h.action === 'updated')!;
    expect(update.changes.map((x) => x.field).sort()).toEqual(['discountPct', 'name']);
    expect(update.changes.find((x) => x.field === 'discountPct')).toMatchObject({ from: 5.5, to: 7 });
    expect(await searchAll('zrt')).toEqual(['Ügyfél Zrt']);
    expect(await searchAll('kft')).toEqual(['Ügyfél Zrt']); // legal name still says Kft.
  });

  it('a synced client saved with a changed note queues the note alone, whatever order its addresses’ keys came in', async () => {
    const c = await createClient(input(), db);
    // As PostgreSQL's jsonb gives a record back: the keys of each address in its own order.
    const [address] = c.addresses;
    const { kind, street, city, postcode, region, country } = address!;
    await db.clients.update(c.id, { addresses: [{ city, kind, region, street, country, postcode }] });
    await db.outbox.clear();
    await updateClient(c.id, input({ notes: 'Call about the spring order' }), db);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => Object.keys(e.fields))).toEqual([['notes']]);
    const history = await db.history.where('clientId').equals(c.id).sortBy('at');
    expect(history.at(-1)!.changes.map((x) => x.field)).toEqual(['notes']);
  });

  it('a form saved after a sync changed the client writes only what the person changed from what the form showed', async () => {
    const { id } = await createClient(input(), db);
    const seen = (await openClient(id, db))!;
    // While the form is open, a sync brings a colleague's new legal name and notes.
    await db.clients.update(id, { legalName: 'Ügyfél Holding Zrt.', notes: 'Colleague: visit in May' });
    await db.outbox.clear();
    // The form still shows the old values; the person changes the discount and saves.
    const saved = await updateClient(id, input({ discountPct: 8 }), db, seen);
    expect(saved).toMatchObject({ legalName: 'Ügyfél Holding Zrt.', notes: 'Colleague: visit in May', discountPct: 8 });
    expect((await db.outbox.toArray()).map((e) => Object.keys(e.fields))).toEqual([['discountPct']]);
  });

  it('a form’s save gives each changed field the stamp of the value the form showed as its base, not the one a sync brought meanwhile', async () => {
    const { id } = await createClient(input(), db);
    await db.outbox.clear();
    const server = (field: string) => `001763856000000-00000-${field === 'notes' ? '00000000000000a1' : '00000000000000a0'}`;
    const key = `clients/${id}`;
    await db.clients.put(withServerStamps((await db.clients.get(id))!, key, { '*': server('*') }));
    const seen = (await openClient(id, db))!;
    expect(seen.stamps).toEqual({ '*': server('*') });
    // A sync brings a colleague's notes (a later server stamp) while the form is open.
    const later = '001763856999999-00000-00000000000000b2';
    const synced = (await db.clients.get(id))!;
    await db.clients.put(withServerStamps({ ...synced, notes: 'Colleague: visit in May' }, key, { '*': server('*'), notes: later }));
    await updateClient(id, input({ notes: 'Mine: call Monday', discountPct: 8 }), db, seen);
    const [entry] = await db.outbox.toArray();
    // Both bases are what the form showed: the server sees the notes as an edit of an older value.
    expect(entry!.fields.notes!.base).toBe(server('*'));
    expect(entry!.fields.discountPct!.base).toBe(server('*'));
    // Without the form's stamps (a command of its own) the base is the server's stamp now.
    await db.outbox.clear();
    await updateClient(id, input({ notes: 'Again', discountPct: 8 }), db);
    expect((await db.outbox.toArray())[0]!.fields.notes!.base).toBe(later);
  });

  it('a form opened on an unsent edit shows that edit’s stamp; saved before the sync, the first edit’s base is kept', async () => {
    const { id } = await createClient(input(), db);
    await db.outbox.clear();
    const key = `clients/${id}`;
    const server = '001763856000000-00000-00000000000000a0';
    await db.clients.put(withServerStamps((await db.clients.get(id))!, key, { '*': server }));
    await updateClient(id, input({ notes: 'first' }), db);
    const [first] = await db.outbox.toArray();
    const seen = (await openClient(id, db))!;
    expect(seen.stamps.notes).toBe(first!.fields.notes!.hlc);
    await updateClient(id, input({ notes: 'second' }), db, seen);
    expect((await db.outbox.toArray()).map((e) => e.fields.notes!.base)).toEqual([server, server]);
  });

  it('stores a new client’s language: the one picked, else its country’s, else the manager’s UI language', async () => {
    expect((await createClient(input({ language: 'ru' }), db)).language).toBe('ru');
    expect((await createClient(input({ language: '' }), db)).language).toBe('hu');
    const malaysian = input({ language: '', addresses: [{ kind: 'legal', street: '', city: 'Kuala Lumpur', postcode: '', region: '', country: 'MY' }] });
    expect((await createClient(malaysian, db)).language).toBe('ms');
    const german = input({ language: '', addresses: [{ kind: 'office', street: '', city: 'Köln', postcode: '', region: '', country: 'DE' }] });
    expect((await createClient(german, db)).language).toBe('en');
    useLanguage.setState({ language: 'hi' });
    try {
      expect((await createClient(input({ language: '', addresses: [] }), db)).language).toBe('hi');
    } finally {
      useLanguage.setState({ language: 'en' });
    }
    const stored = await db.outbox.toArray();
    expect(stored.map((e) => e.fields.language?.value)).toEqual(['ru', 'hu', 'ms', 'en', 'hi']);
  });

  it('a client from before the language existed keeps none when saved unchanged, and gets the one picked', async () => {
    const c = await createClient(input(), db);
    await db.clients.update(c.id, { language: undefined });
    await db.outbox.clear();
    await updateClient(c.id, input({ language: '', notes: 'met at fair' }), db);
    expect((await db.clients.get(c.id))?.language ?? '').toBe('');
    expect(Object.keys((await db.outbox.toArray())[0]!.fields)).toEqual(['notes']);
    await updateClient(c.id, input({ language: 'en', notes: 'met at fair' }), db);
    expect((await db.clients.get(c.id))?.language).toBe('en');
  });

  it('an update without changes writes no history', async () => {
    const c = await createClient(input(), db);
    await updateClient(c.id, input(), db);
    expect(await db.history.where('clientId').equals(c.id).count()).toBe(1);
  });

  it('rejects invalid input and writes nothing', async () => {
    await expect(createClient(input({ name: '  ' }), db)).rejects.toThrow();
    await expect(createClient(input({ discountPct: 120 }), db)).rejects.toThrow();
    expect(await db.clients.count()).toBe(0);
    expect(await db.clientRows.count()).toBe(0);
  });

  it('keeps company fields (credit limit, receivables) when a person edits the card', async () => {
    const c = await createClient(input(), db);
    await db.clients.update(c.id, { creditLimit: 500000, receivables: { balance: 100, overdue: 0, overdueDays: 0, currency: 'HUF', asOf: '2026-11-01' } });
    await updateClient(c.id, input({ notes: 'met at fair' }), db);
    const after = await db.clients.get(c.id);
    expect(after?.creditLimit).toBe(500000);
    expect(after?.receivables?.balance).toBe(100);
  });

  it('archives and restores: hidden from the active list, shown in the archive', async () => {
    const c = await createClient(input(), db);
    await archiveClient(c.id, db);
    expect(await searchAll('ugyfel')).toEqual([]);
    expect(await searchAll('ugyfel', { ...NO_FILTERS, archived: true })).toEqual(['Ügyfél Kft']);
    await restoreClient(c.id, db);
    expect(await searchAll('ugyfel')).toEqual(['Ügyfél Kft']);
    const actions = (await db.history.where('clientId').equals(c.id).sortBy('at')).map((h) => h.action);
    expect(actions).toEqual(['created', 'archived', 'restored']);
  });
});

describe('contact commands', () => {
  it('normalises phones to E.164 with the client country and makes them searchable', async () => {
    const c = await createClient(input(), db);
    const contact = await createContact(
      c.id,
      { name: 'Kovács Anna', position: 'Beszerzési vezető', phones: [{ kind: 'mobile', number: '06 30 123 4567' }, { kind: 'work', number: '' }], emails: [{ address: 'anna@ugyfel.hu' }], birthday: '1985-04-12', decisionRole: 'decision_maker', notes: '' },
      db,
    );
    expect(contact.phones).toEqual([{ kind: 'mobile', number: '+36301234567' }]);
    expect(await searchAll('+36 30 123 4567')).toEqual(['Ügyfél Kft']);
    expect(await searchAll('kovacs beszerzesi')).toEqual(['Ügyfél Kft']);
    expect(await searchAll('anna@ugyfel')).toEqual(['Ügyfél Kft']);
    const row = await db.clientRows.get(c.id);
    expect(row?.primaryContact).toBe('Kovács Anna');
  });

  it('rejects a bad email with the field named, and keeps a phone it cannot read as typed', async () => {
    const c = await createClient(input(), db);
    const base = { name: 'X', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user' as const, notes: '' };
    await expect(createContact(c.id, { ...base, emails: [{ address: 'not-an-email' }] }, db)).rejects.toThrow(/email/);
    expect((await db.clients.get(c.id))?.contacts ?? []).toEqual([]);
    const kept = await createContact(c.id, { ...base, phones: [{ kind: 'work', number: ' 12 ' }, { kind: 'other', number: 'call reception' }] }, db);
    expect(kept.phones).toEqual([
      { kind: 'work', number: '12' },
      { kind: 'other', number: 'call reception' },
    ]);
    expect((await db.outbox.toArray()).at(-1)?.fields.phones?.value).toEqual(kept.phones);
  });

  it('reads phones in the client’s countries, then the active event’s, then the market', async () => {
    const base = { name: 'X', position: '', emails: [], birthday: '', decisionRole: 'user' as const, notes: '' };
    const numberOf = async (clientInput: ReturnType<typeof input>, typed: string) =>
      (await createContact((await createClient(clientInput, db)).id, { ...base, phones: [{ kind: 'work', number: typed }] }, db)).phones[0]!.number;
    const nowhere = input({ addresses: [] });
    // No country anywhere: a national number is kept as typed.
    await setMarket('', db);
    expect(await numberOf(nowhere, '07833 445566')).toBe('07833 445566');
    // The market reads it.
    await setMarket('GB', db);
    expect(await numberOf(nowhere, '07833 445566')).toBe('+447833445566');
    // The active event's country comes before the market ("07833 445566" is a German landline too).
    const fair = await createEvent({ name: 'Hannover Messe', kind: 'trade_fair', venue: '', city: '', country: 'DE', startsOn: '2026-04-20', endsOn: '2026-04-24', booth: '', teamIds: [], productGroups: [], questions: [] }, db);
    await setActiveEvent(fair.id, db);
    expect(await numberOf(nowhere, '07833 445566')).toBe('+497833445566');
    // The client's country comes first; one its numbers are not is passed over.
    expect(await numberOf(input({ addresses: [{ kind: 'office', street: '', city: '', postcode: '', region: '', country: 'GB' }] }), '07833 445566')).toBe('+447833445566');
    expect(await numberOf(input(), '06 30 123 4567')).toBe('+36301234567');
    expect(await numberOf(input(), '07833 445566')).toBe('+497833445566');
    // An edit reads the same way.
    const c = await createClient(nowhere, db);
    const p = await createContact(c.id, { ...base, phones: [] }, db);
    await setActiveEvent(null, db);
    const edited = await updateContact(p, { ...base, phones: [{ kind: 'mobile', number: '07833 445566 ext. 12' }] }, db);
    expect(edited.phones).toEqual([{ kind: 'mobile', number: '+447833445566;ext=12' }]);
  });

  it('an archived contact is no longer found; edits are recorded', async () => {
    const c = await createClient(input(), db);
    const p = await createContact(c.id, { name: 'Иван Петров', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    expect(await searchAll('петров')).toEqual(['Ügyfél Kft']);
    await updateContact(p, { name: 'Иван Петров', position: 'Директор', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    expect(await searchAll('директор')).toEqual(['Ügyfél Kft']);
    // A form opened before a sync changed the contact's notes: its save keeps them.
    const seen = (await openContact(c.id, p.id, db))!;
    await updateContact(p, { ...seen.record, notes: 'From a colleague' }, db);
    await updateContact(p, { ...seen.record, position: 'CEO' }, db, seen);
    expect((await db.clients.get(c.id))!.contacts!.find((x) => x.id === p.id)).toMatchObject({ position: 'CEO', notes: 'From a colleague' });
    await archiveContact(p, db);
    expect(await searchAll('петров')).toEqual([]);
    const entries = await db.history.where('clientId').equals(c.id).toArray();
    expect(entries.filter((e) => e.subject === 'contact').map((e) => e.action).sort()).toEqual(['archived', 'created', 'updated', 'updated', 'updated']);
  });
});

describe('sync outbox', () => {
  it('queues every change in the same transaction, with consecutive sequence numbers', async () => {
    const c = await createClient(input(), db);
    await updateClient(c.id, input({ discountPct: 7 }), db);
    const p = await createContact(c.id, { name: 'Kovács Anna', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    await archiveContact(p, db);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries.map((e) => `${e.table}:${Object.keys(e.fields).sort().join(',')}`)).toEqual([
      expect.stringMatching(/^clients:.*createdAt.*name/),
      'clients:discountPct',
      expect.stringMatching(/^contacts:.*clientId.*name/),
      'contacts:archivedAt',
    ]);
    // Company fields and local bookkeeping never leave the laptop.
    expect(entries[0]!.fields).not.toHaveProperty('creditLimit');
    expect(entries[0]!.fields).not.toHaveProperty('receivables');
    expect(entries[0]!.fields).not.toHaveProperty('updatedAt');
    expect(entries[0]!.fields).not.toHaveProperty('id');
    // Stamps strictly increase; a new record's fields have no base.
    const stamps = entries.map((e) => Object.values(e.fields)[0]!.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(entries[0]!.fields.name!.base).toBeNull();
  });

  it('an edit carries the server-known stamp as its base; a second edit keeps the first base', async () => {
    const c = await createClient(input(), db);
    await db.outbox.clear(); // as if pushed and acknowledged
    const serverStamp = '001763856000000-00000-00000000000000aa';
    // The server's stamps of a client are kept in its record (client-records.ts).
    await db.clients.update(c.id, { serverStamps: { [`clients/${c.id}`]: { '*': serverStamp } } });
    await updateClient(c.id, input({ discountPct: 7 }), db);
    await updateClient(c.id, input({ discountPct: 8, notes: 'x' }), db);
    const [first, second] = await db.outbox.orderBy('seq').toArray();
    expect(first!.fields.discountPct!.base).toBe(serverStamp);
    expect(second!.fields.discountPct).toMatchObject({ value: 8, base: serverStamp });
    expect(second!.fields.notes).toMatchObject({ value: 'x', base: serverStamp });
  });

  it('a contact’s edit and a client’s delete carry the stamps kept in the client’s record', async () => {
    const c = await createClient(input(), db);
    const p = await createContact(c.id, { name: 'Kovács Anna', position: '', phones: [], emails: [], birthday: '', decisionRole: 'user', notes: '' }, db);
    await db.outbox.clear();
    const contactStamp = '001763856000000-00000-00000000000000bb';
    const clientStamp = '001763856000000-00000-00000000000000cc';
    await db.clients.update(c.id, { serverStamps: { [`clients/${c.id}`]: { '*': clientStamp }, [`contacts/${p.id}`]: { '*': contactStamp } } });
    await archiveContact(p, db);
    await deleteClient(c.id, db);
    const [archived, deleted] = await db.outbox.orderBy('seq').toArray();
    expect(archived).toMatchObject({ table: 'contacts', id: p.id, fields: { archivedAt: { base: contactStamp } } });
    expect(deleted).toMatchObject({ table: 'clients', id: c.id, fields: { _deleted: { value: true, base: clientStamp } } });
  });

  it('a failed command queues nothing', async () => {
    await expect(createClient(input({ name: '' }), db)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });
});
