/**
 * Edits are never silently undone, on both database backends: a form opened before a sync
 * brought a colleague's change of the same field, then saved, makes a conflict both people see
 * — for the client, contact, event and lead forms — instead of replacing the colleague's value.
 * A field the person left alone keeps the colleague's value; a field nobody else touched is an
 * ordinary edit. Real laptop code, real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import type { ContactFormValues } from '../../core/client-model';
import type { EventInput, LeadFormValues } from '../../core/leads/lead-model';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createClient, createContact, updateClient, updateContact } from '../../renderer/src/data/clients/commands';
import { captureLead, createEvent, updateEvent, updateLead } from '../../renderer/src/data/leads/leads';
import { openClient, openContact, openRecord } from '../../renderer/src/data/opened-record';
import { clientInput, inputOf, serverRecords, useSyncServer, type Laptop } from './harness';

/** Two laptops' edits in the same millisecond are ordered by node id: the later edit is made later. */
const laterMillisecond = () => new Promise((done) => setTimeout(done, 3));

const contactValues = (patch: Partial<ContactFormValues> = {}): ContactFormValues => ({
  name: 'Szabó Éva',
  position: 'Buyer',
  phones: [],
  emails: [],
  birthday: '',
  decisionRole: 'user',
  notes: '',
  ...patch,
});

const fair = (patch: Partial<EventInput> = {}): EventInput => ({
  name: 'Industry Days',
  kind: 'trade_fair',
  venue: 'Hungexpo',
  city: 'Budapest',
  startsOn: '2026-03-10',
  endsOn: '2026-03-12',
  booth: 'A-12',
  teamIds: [],
  productGroups: [],
  questions: [],
  ...patch,
});

const visitor = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({
  personName: 'Kovács Anna',
  position: '',
  phone: '',
  email: 'anna.kovacs@example.hu',
  companyName: 'Példa Kft',
  city: 'Győr',
  country: 'HU',
  interests: [],
  rating: 'warm',
  answers: {},
  notes: '',
  ...patch,
});

/** The open conflicts of a record on a laptop, by field. */
const conflictsOf = async (l: Laptop, recordId: string) => (await l.db.conflicts.filter((c) => c.recordId === recordId && c.status === 'open').toArray()).map((c) => c.field).sort();

for (const backend of BACKENDS) {
  describeBackend(backend)(`a form opened before a colleague's change was synced (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('client form: the field both changed is a conflict on both laptops; the field only the colleague changed keeps their value', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Form Opened Kft', notes: 'first note' }), a.db);
      await a.sync();
      await h.sync();

      // Anna opens the form. Meanwhile the head changes the notes and the website, and syncs;
      // Anna's laptop syncs too (the sync brings the head's values while her form is open).
      const seen = (await openClient(c.id, a.db))!;
      await updateClient(c.id, inputOf({ ...(await h.db.clients.get(c.id))!, notes: 'head: call in May', website: 'www.head.example' }), h.db);
      await h.sync();
      await a.sync();
      expect(await a.db.clients.get(c.id)).toMatchObject({ notes: 'head: call in May', website: 'www.head.example' });

      // Anna's form still shows the first note; she changes it and the discount, and saves.
      await laterMillisecond();
      await updateClient(c.id, { ...inputOf(seen.record), notes: 'anna: visit on Friday', discountPct: 9 }, a.db, seen);
      const ra = await a.sync();
      await h.sync();
      expect(ra.conflicts).toBe(1);
      for (const l of [a, h]) {
        expect(await conflictsOf(l, c.id)).toEqual(['notes']);
        // The website Anna never touched stays the head's; the discount only she changed is hers.
        expect(await l.db.clients.get(c.id)).toMatchObject({ website: 'www.head.example', discountPct: 9 });
      }
      const [conflict] = await h.db.conflicts.filter((x) => x.recordId === c.id).toArray();
      expect(conflict!.values.map((v) => [v.value, v.userName]).sort()).toEqual([
        ['anna: visit on Friday', 'Anna Berger'],
        ['head: call in May', 'Helena Head'],
      ]);
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ website: 'www.head.example', discountPct: 9 });
    });

    it('client form opened after the sync: an ordinary edit, no conflict', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Seen It Kft' }), a.db);
      await a.sync();
      await h.sync();
      await updateClient(c.id, inputOf({ ...(await h.db.clients.get(c.id))!, notes: 'head: call in May' }), h.db);
      await h.sync();
      await a.sync();
      const seen = (await openClient(c.id, a.db))!;
      await updateClient(c.id, { ...inputOf(seen.record), notes: 'anna: called, visit Friday' }, a.db, seen);
      expect((await a.sync()).conflicts).toBe(0);
      await h.sync();
      expect((await h.db.clients.get(c.id))?.notes).toBe('anna: called, visit Friday');
      expect(await conflictsOf(h, c.id)).toEqual([]);
    });

    it('a form opened on its own unsent edit, saved after that edit was synced, is no conflict with itself', async () => {
      const a = await laptop('anna');
      const c = await createClient(clientInput(test.team.anna, { name: 'Own Edit Oy' }), a.db);
      await a.sync();
      await updateClient(c.id, inputOf({ ...(await a.db.clients.get(c.id))!, notes: 'unsent' }), a.db);
      const seen = (await openClient(c.id, a.db))!;
      await a.sync();
      await updateClient(c.id, { ...inputOf(seen.record), notes: 'edited again' }, a.db, seen);
      expect(await a.sync()).toMatchObject({ conflicts: 0, rejected: 0 });
      expect((await serverRecords(test.db, 'clients')).get(c.id)).toMatchObject({ notes: 'edited again' });
    });

    it('contact form: the same story is a conflict on the contact', async () => {
      const a = await laptop('anna');
      const h = await laptop('head');
      const c = await createClient(clientInput(test.team.anna, { name: 'Contact Story GmbH' }), a.db);
      const person = await createContact(c.id, contactValues(), a.db);
      await a.sync();
      await h.sync();
      const seen = (await openContact(c.id, person.id, a.db))!;
      await updateContact(person, contactValues({ position: 'Head of purchasing' }), h.db);
      await h.sync();
      await a.sync();
      await laterMillisecond();
      await updateContact(person, contactValues({ position: 'Purchasing director' }), a.db, seen);
      expect((await a.sync()).conflicts).toBe(1);
      await h.sync();
      for (const l of [a, h]) expect(await conflictsOf(l, person.id)).toEqual(['position']);
    });

    it('event form: the same story is a conflict on the event', async () => {
      const a = await laptop('anna');
      const b = await laptop('ben');
      const event = await createEvent(fair(), a.db);
      await a.sync();
      await b.sync();
      const seen = (await openRecord('events', event.id, a.db))!;
      await updateEvent(event.id, fair({ booth: 'B-3', city: 'Debrecen' }), b.db);
      await b.sync();
      await a.sync();
      await laterMillisecond();
      await updateEvent(event.id, fair({ booth: 'C-7' }), a.db, seen);
      expect((await a.sync()).conflicts).toBe(1);
      await b.sync();
      for (const l of [a, b]) {
        expect(await conflictsOf(l, event.id)).toEqual(['booth']);
        // The city only Ben changed stays his: Anna's form did not write its old value back.
        expect((await l.db.events.get(event.id))?.city).toBe('Debrecen');
      }
    });

    it('lead form: the same story is a conflict on the lead (the owner’s two laptops)', async () => {
      const a = await laptop('anna');
      const a2 = await laptop('anna', 'anna-2');
      const lead = await captureLead(visitor(), { taskTitle: (s, who) => `${s}: ${who}`, eventId: null }, a.db);
      await a.sync();
      await a2.sync();
      const seen = (await openRecord('leads', lead.id, a.db))!;
      await updateLead(lead.id, visitor({ notes: 'from the other laptop', city: 'Sopron' }), a2.db);
      await a2.sync();
      await a.sync();
      await laterMillisecond();
      await updateLead(lead.id, visitor({ notes: 'from the form opened before' }), a.db, seen);
      expect((await a.sync()).conflicts).toBe(1);
      await a2.sync();
      for (const l of [a, a2]) {
        expect(await conflictsOf(l, lead.id)).toEqual(['notes']);
        expect((await l.db.leads.get(lead.id))?.city).toBe('Sopron');
      }
    });
  });
}
