/**
 * Phones between laptops through the company server, on both database backends (issue 19, "Phone
 * numbers"): a number is read once, on the laptop it is typed on, in that laptop's region order
 * (the record's country, the active event's, the market), and every other laptop and the server
 * keep it exactly so — a laptop whose market is elsewhere neither refuses it nor reads it again.
 * Before, a local number typed with no country was refused at the save, and a number a laptop
 * could not check never reached the server.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import type { EventInput, LeadFormValues } from '../../core/leads/lead-model';
import { formatPhoneInternational, isCheckedPhone } from '../../core/phone';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { createClient, createContact, updateContact } from '../../renderer/src/data/clients/commands';
import { captureLead, createEvent, setActiveEvent, updateLead, type TaskTitle } from '../../renderer/src/data/leads/leads';
import { setMarket } from '../../renderer/src/data/market';
import { contactsOf } from '../../renderer/src/data/clients/client-records';
import { clientInput, serverRecords, useSyncServer } from './harness';

const taskTitle: TaskTitle = (step, who) => `${step}: ${who}`;

const visitor = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({
  personName: 'Oliver Hughes',
  companyName: 'Harbour Fixings Ltd',
  phone: '07833 445566',
  email: '',
  country: '',
  ...patch,
});

const fair = (country: string): EventInput => ({
  name: 'Build Expo',
  kind: 'trade_fair',
  venue: 'ExCeL',
  city: 'London',
  country,
  startsOn: '2026-05-12',
  endsOn: '2026-05-14',
  booth: 'C-40',
  teamIds: [],
  productGroups: [],
  questions: [],
});

for (const backend of BACKENDS) {
  describeBackend(backend)(`phones between laptops (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;

    it('a local number typed on a laptop whose market is GB arrives unchanged on a laptop whose market is HU', async () => {
      const gb = await laptop('anna', 'anna-gb');
      const hu = await laptop('anna', 'anna-hu');
      await setMarket('GB', gb.db);
      await setMarket('HU', hu.db);
      // The field test's lead: a UK mobile typed the UK way, no country on the lead.
      const lead = await captureLead(visitor(), { taskTitle }, gb.db);
      expect(lead.phone).toBe('+447833445566');
      // And what no laptop can check: kept as typed.
      const odd = await captureLead(visitor({ personName: 'Front desk', phone: 'call reception' }), { taskTitle }, gb.db);
      expect(odd.phone).toBe('call reception');
      const run = await gb.sync();
      expect(run).toMatchObject({ ok: true, rejected: 0 });
      expect((await serverRecords(test.db, 'leads')).get(lead.id)?.phone).toBe('+447833445566');
      await hu.sync();
      const arrived = await hu.db.leads.get(lead.id);
      expect(arrived?.phone).toBe('+447833445566');
      expect(formatPhoneInternational(arrived!.phone)).toBe('+44 7833 445566');
      expect((await hu.db.leads.get(odd.id))?.phone).toBe('call reception');
      // Corrected on the HU laptop without touching the phone: the phone stays as it was.
      await updateLead(lead.id, { ...visitor(), phone: formatPhoneInternational(arrived!.phone), position: 'Buyer' }, hu.db);
      await hu.sync();
      await gb.sync();
      expect(await gb.db.leads.get(lead.id)).toMatchObject({ phone: '+447833445566', position: 'Buyer' });
    });

    it('a number one laptop cannot check is kept as typed everywhere, and another laptop does not read it again', async () => {
      const hu = await laptop('ben', 'ben-hu');
      const gb = await laptop('ben', 'ben-gb');
      await setMarket('HU', hu.db);
      await setMarket('GB', gb.db);
      // Not a Hungarian number: kept as typed on the HU laptop, with its "check this number" mark.
      const lead = await captureLead(visitor(), { taskTitle }, hu.db);
      expect(lead.phone).toBe('07833 445566');
      expect(isCheckedPhone(lead.phone)).toBe(false);
      const client = await createClient(clientInput(test.team.ben, { addresses: [] }), hu.db);
      const contact = await createContact(
        client.id,
        { name: 'Oliver Hughes', position: '', phones: [{ kind: 'work', number: '06 1 234 5678 mellék 21' }, { kind: 'mobile', number: '07833 445566' }], emails: [], birthday: '', decisionRole: 'user', notes: '' },
        hu.db,
      );
      expect(contact.phones.map((p) => p.number)).toEqual(['+3612345678;ext=21', '07833 445566']);
      const run = await hu.sync();
      expect(run).toMatchObject({ ok: true, rejected: 0 });
      await gb.sync();
      expect((await gb.db.leads.get(lead.id))?.phone).toBe('07833 445566');
      const onGb = contactsOf(await gb.db.clients.get(client.id)).find((c) => c.id === contact.id)!;
      expect(onGb.phones.map((p) => p.number)).toEqual(['+3612345678;ext=21', '07833 445566']);
      // The person on the GB laptop fixes it by saving the contact: now it is read there, as a UK number.
      await updateContact(onGb, { ...onGb, phones: onGb.phones.map((p) => ({ kind: p.kind, number: formatPhoneInternational(p.number) })) }, gb.db);
      await gb.sync();
      await hu.sync();
      const fixed = contactsOf(await hu.db.clients.get(client.id)).find((c) => c.id === contact.id)!;
      expect(fixed.phones.map((p) => p.number)).toEqual(['+3612345678;ext=21', '+447833445566']);
    });

    it('an event’s country syncs, and phones typed at it are read in it', async () => {
      const a = await laptop('head', 'head-1');
      const b = await laptop('head', 'head-2');
      await setMarket('', a.db);
      await setMarket('', b.db);
      const event = await createEvent(fair('GB'), a.db);
      await a.sync();
      await b.sync();
      expect((await b.db.events.get(event.id))?.country).toBe('GB');
      await setActiveEvent(event.id, b.db);
      const lead = await captureLead(visitor(), { taskTitle }, b.db);
      expect(lead).toMatchObject({ eventId: event.id, phone: '+447833445566' });
    });
  });
}
