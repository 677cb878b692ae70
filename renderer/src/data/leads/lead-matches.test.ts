import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankClientInput, type ClientInput } from '../../../../core/client-model';
import { FieldbookDb } from '../db';
import { archiveClient, createClient, createContact, updateContact } from '../clients/commands';
import { ClientSearch } from '../clients/client-search';
import { captureLead } from './leads';
import { findLikelyMatches, type LeadDraft } from './lead-matches';

const client = (name: string, country: string, patch: Partial<ClientInput> = {}): ClientInput => ({
  ...blankClientInput('u1'),
  name,
  status: 'active',
  addresses: [{ kind: 'office', street: '', city: '', postcode: '', region: '', country }],
  priceType: 'wholesale',
  paymentTermsDays: 30,
  ...patch,
});

const draft = (patch: Partial<LeadDraft>): LeadDraft => ({ personName: '', phone: '', email: '', companyName: '', regions: [], ...patch });

let db: FieldbookDb;
let search: ClientSearch;
let romashka: string;
let petrov: string;

beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.add({ id: 'u1', name: 'Ben Okafor', role: 'manager' });
  const r = await createClient(client('ООО «Ромашка»', 'RU'), db);
  romashka = r.id;
  petrov = (
    await createContact(
      r.id,
      { name: 'Иван Петров', position: 'Закупки', phones: [{ kind: 'mobile', number: '+7 912 345-67-89' }], emails: [{ address: 'I.Petrov@Romashka.ru' }], birthday: '', decisionRole: 'decision_maker', notes: '' },
      db,
    )
  ).id;
  // Look-alikes that must not be taken for Romashka.
  await createClient(client('Ромашка-Строй', 'RU'), db);
  await createClient(client('Gulf Coast Hardware', 'US'), db);
  const old = await createClient(client('Kovács és Társa Kft.', 'HU'), db);
  await archiveClient(old.id, db);
  search = new ClientSearch();
  search.apply(await db.clientRows.toArray());
});
afterEach(async () => {
  await db.delete();
});

describe('likely matches of a lead being typed', () => {
  it('finds a client spelt another way among many alike ("Harbor Fixings" for "Harbour Fixings Ltd")', async () => {
    for (const word of ['Supplies', 'Marine', 'Tools', 'Steel', 'Bolts', 'Logistics', 'Freight', 'Paints', 'Cables', 'Pumps', 'Valves', 'Motors', 'Foods', 'Tyres']) {
      await createClient(client(`Harbour ${word} Ltd`, 'GB'), db);
    }
    const harbour = await createClient(client('Harbour Fixings Ltd', 'GB'), db);
    search.apply(await db.clientRows.toArray());
    const found = await findLikelyMatches(draft({ companyName: 'Harbor Fixings' }), search, [], db);
    expect(found[0]).toMatchObject({ kind: 'client', clientId: harbour.id, reasons: ['company_similar'] });
    // A person's name with a typo finds the contact too.
    const typo = await findLikelyMatches(draft({ personName: 'Ivan Petorv' }), search, [], db);
    expect(typo.map((m) => [m.contactId, m.reasons])).toContainEqual([petrov, ['person_similar']]);
  });

  it('finds the client by its name in another script and without its legal form', async () => {
    const found = await findLikelyMatches(draft({ companyName: 'Romashka LLC' }), search, [], db);
    expect(found[0]).toMatchObject({ kind: 'client', clientId: romashka, reasons: ['company'], status: 'active', ownerId: 'u1' });
    // "Ромашка-Строй" is another company: at most a weak "still typing" match, ranked below.
    expect(found.slice(1).every((m) => m.reasons.every((r) => r === 'company_prefix'))).toBe(true);
  });

  it('finds the contact by an email typed in another case, and by a phone typed another way', async () => {
    const byEmail = await findLikelyMatches(draft({ email: ' i.petrov@romashka.RU ' }), search, [], db);
    expect(byEmail[0]).toMatchObject({ kind: 'contact', clientId: romashka, contactId: petrov, reasons: ['email'] });
    const byPhone = await findLikelyMatches(draft({ phone: '8 (912) 345 67 89', regions: ['RU'] }), search, [], db);
    expect(byPhone[0]).toMatchObject({ kind: 'contact', contactId: petrov, reasons: ['phone'] });
  });

  it('ranks a contact matching on several keys first, with every reason', async () => {
    const found = await findLikelyMatches(draft({ personName: 'Petrov Ivan', companyName: 'ROMASHKA, OOO', email: 'i.petrov@romashka.ru' }), search, [], db);
    expect(found[0]).toMatchObject({ contactId: petrov });
    expect(found[0]!.reasons.sort()).toEqual(['company', 'email', 'person']);
  });

  it('also finds archived clients, and nothing for an unrelated visitor', async () => {
    const archived = await findLikelyMatches(draft({ companyName: 'Kovacs es Tarsa' }), search, [], db);
    expect(archived).toEqual([expect.objectContaining({ title: 'Kovács és Társa Kft.', reasons: ['company'] })]);
    expect(await findLikelyMatches(draft({ personName: 'Maria Schmidt', companyName: 'Schmidt Logistik GmbH', email: 'maria@schmidt.de' }), search, [], db)).toEqual([]);
  });

  it('sees a contact’s new phone at once after it was matched on the old one', async () => {
    const before = await findLikelyMatches(draft({ phone: '+7 912 345-67-89' }), search, [], db);
    expect(before[0]).toMatchObject({ contactId: petrov, reasons: ['phone'] });
    const contact = (await db.clients.get(romashka))!.contacts!.find((k) => k.id === petrov)!;
    await updateContact(contact, { ...contact, phones: [{ kind: 'mobile', number: '+7 912 000-11-22' }] }, db);
    search.apply(await db.clientRows.toArray());
    const after = await findLikelyMatches(draft({ phone: '+79120001122', personName: 'Иван Петров' }), search, [], db);
    expect(after[0]).toMatchObject({ contactId: petrov });
    expect(after[0]!.reasons.sort()).toEqual(['person', 'phone']);
    const old = await findLikelyMatches(draft({ phone: '+7 912 345-67-89' }), search, [], db);
    expect(old.some((m) => m.reasons.includes('phone'))).toBe(false);
  });

  it('sees a lead’s changed email even when its record says it was not updated (a colleague’s change by sync)', async () => {
    const lead = await captureLead({ personName: 'Maria Schmidt', email: 'maria@schmidt.de' }, { taskTitle: () => '' }, db);
    expect(await findLikelyMatches(draft({ email: 'maria@schmidt.de' }), search, [lead], db)).toHaveLength(1);
    const synced = { ...lead, email: 'm.schmidt@logistik.de' };
    expect(await findLikelyMatches(draft({ email: 'm.schmidt@logistik.de' }), search, [synced], db)).toEqual([expect.objectContaining({ leadId: lead.id, reasons: ['email'] })]);
    expect(await findLikelyMatches(draft({ email: 'maria@schmidt.de' }), search, [synced], db)).toEqual([]);
  });

  it('finds leads already captured (by a colleague at the same booth, say)', async () => {
    const earlier = await captureLead({ personName: 'Maria Schmidt', email: 'Maria@Schmidt.de', companyName: 'Schmidt Logistik' }, { taskTitle: () => '' }, db);
    const found = await findLikelyMatches(draft({ email: 'maria@schmidt.de' }), search, await db.leads.toArray(), db);
    expect(found).toEqual([expect.objectContaining({ kind: 'lead', leadId: earlier.id, reasons: ['email'] })]);
  });
});
