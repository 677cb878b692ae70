/**
 * A lead becomes a client without losing what was learnt: each field of a lead (the capture
 * form's and the card's) lands in a field of the client or contact, or in a labelled line of
 * their notes, when it is converted or attached (lead-carry.ts, leads.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventInput, LeadFormValues } from '../../../../core/leads/lead-model';
import { initI18n } from '../../i18n';
import { FieldbookDb } from '../db';
import { prepareFile } from '../attachments';
import { createClient, createContact } from '../clients/commands';
import { attachLead, captureLead, convertLead, createEvent, setActiveEvent } from './leads';
import { blankClientInput } from '../../../../core/client-model';

const event = (patch: Partial<EventInput> = {}): EventInput => ({
  name: 'Hannover Messe',
  kind: 'trade_fair',
  venue: '',
  city: 'Hannover',
  startsOn: '2026-04-20',
  endsOn: '2026-04-24',
  booth: '',
  teamIds: [],
  productGroups: ['Pumps'],
  questions: [
    { id: 'budget', label: 'Budget', kind: 'choice', options: ['< 10k', '> 10k'] },
    { id: 'topics', label: 'Topics', kind: 'multi', options: ['Pumps', 'Valves', 'Seals'] },
    { id: 'demo', label: 'Wants a demo', kind: 'yes_no', options: [] },
    { id: 'project', label: 'Project', kind: 'text', options: [] },
  ],
  ...patch,
});

/** A lead with everything a card and the capture form can give. */
const fullLead = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({
  personName: 'James Whitmore',
  position: 'Head of Purchasing',
  companyName: 'Harbour Fixings Ltd',
  phone: '+447700900456',
  phoneKind: 'mobile',
  otherPhones: [
    { kind: 'work', label: '', number: '+442079460958' },
    { kind: 'fax', label: '', number: '+442079460959' },
    { kind: '', label: 'Switchboard', number: '+442079460000' },
  ],
  email: 'j.whitmore@harbourfixings.co.uk',
  otherEmails: ['jim@example.net', 'not an email'],
  websites: ['https://harbourfixings.co.uk', 'https://www.linkedin.com/in/jwhitmore'],
  addresses: [
    { kind: 'work', poBox: '77', extended: 'Unit 4', street: 'Quayside Trading Estate', city: 'Bristol', region: '', postcode: 'BS1 5TX', country: 'GB' },
    { kind: 'home', poBox: '', extended: '', street: '12 Elm Row', city: 'Bath', region: 'Somerset', postcode: 'BA1 2AB', country: 'GB' },
  ],
  departments: ['Sales', 'Key Accounts'],
  birthday: '1975-11-02',
  city: 'Bristol',
  country: 'GB',
  interests: ['Pumps', 'Seals'],
  rating: 'hot',
  answers: { budget: '> 10k', topics: ['Pumps', 'Seals'], demo: true, project: 'New warehouse in 2027', gone: 'asked once' },
  notes: 'NICKNAME: Jim',
  nextStep: 'call',
  nextStepOn: '2026-04-27',
  ...patch,
});

const taskTitle = (step: string, who: string) => `${step}: ${who}`;

let db: FieldbookDb;
let eventId: string;
beforeAll(() => {
  initI18n('en');
});
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.bulkAdd([{ id: 'u1', name: 'Ben Okafor', role: 'manager' }]);
  eventId = (await createEvent(event(), db)).id;
  await setActiveEvent(eventId, db);
});
afterEach(async () => {
  await db.delete();
});

const outboxFields = async (table: string, id: string) =>
  Object.assign({}, ...(await db.outbox.toArray()).filter((e) => e.table === table && e.id === id).map((e) => Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v.value]))));

describe('converting a lead', () => {
  it('carries every field: into the client and contact where they have one, as labelled notes where not', async () => {
    const photo = await prepareFile(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' }), 'card.jpg');
    const saved = await captureLead(fullLead(), { taskTitle, photo }, db);
    const { client, contact } = await convertLead(saved.id, db);

    expect(client).toMatchObject({
      name: 'Harbour Fixings Ltd',
      website: 'https://harbourfixings.co.uk',
      tags: ['Pumps', 'Seals'],
      eventId,
      addresses: [{ kind: 'office', street: 'Unit 4, Quayside Trading Estate, PO Box 77', city: 'Bristol', postcode: 'BS1 5TX', region: '', country: 'GB' }],
      attachments: [expect.objectContaining({ sha256: photo.sha256, name: 'card.jpg' })],
    });
    const notes = client.notes.split('\n');
    expect(notes[0]).toMatch(/^From the lead captured at Hannover Messe by Ben Okafor, .+:$/);
    expect(notes).toEqual(
      expect.arrayContaining([
        'Rating: Hot',
        'Budget: > 10k',
        'Topics: Pumps, Seals',
        'Wants a demo: Yes',
        'Project: New warehouse in 2027',
        'A question no longer asked at this event: asked once',
        'Web: https://www.linkedin.com/in/jwhitmore',
        expect.stringMatching(/^Next step: Call, by .*2026/),
        'Notes of the lead:',
        'NICKNAME: Jim',
      ]),
    );

    // A mobile stays a mobile; a fax is another number, its kind noted; a card's label is noted.
    expect(contact).toMatchObject({
      name: 'James Whitmore',
      position: 'Head of Purchasing',
      eventId,
      birthday: '1975-11-02',
      phones: [
        { kind: 'mobile', number: '+447700900456' },
        { kind: 'work', number: '+442079460958' },
        { kind: 'other', number: '+442079460959' },
        { kind: 'work', number: '+442079460000' },
      ],
      emails: [{ address: 'j.whitmore@harbourfixings.co.uk' }, { address: 'jim@example.net' }],
    });
    expect(contact!.notes.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^From the lead captured at Hannover Messe/),
        'Department: Sales, Key Accounts',
        'Phone · fax: +44 20 7946 0959',
        'Phone · Switchboard: +44 20 7946 0000',
        'Email: not an email',
        'Home address: 12 Elm Row, BA1 2AB Bath, Somerset, United Kingdom',
      ]),
    );

    // Linked both ways, and the event and photo go to the company with the records.
    expect(await db.leads.get(saved.id)).toMatchObject({ status: 'converted', clientId: client.id, contactId: contact!.id });
    expect(await outboxFields('clients', client.id)).toMatchObject({ eventId, notes: client.notes, attachments: client.attachments });
    expect(await outboxFields('contacts', contact!.id)).toMatchObject({ eventId, phones: contact!.phones });
  });

  it('notes a birthday without a year, and a lead without a person keeps its numbers on the client', async () => {
    const a = await captureLead(fullLead({ birthday: '--05-21', otherPhones: [], otherEmails: [], addresses: [] }), { taskTitle }, db);
    const { contact } = await convertLead(a.id, db);
    expect(contact!.birthday).toBe('');
    expect(contact!.notes).toMatch(/Birthday: (21 May|May 21)\n?/);

    const b = await captureLead(fullLead({ personName: '', position: '', otherPhones: [], otherEmails: [], companyName: 'Quay Ltd', rating: null }), { taskTitle }, db);
    const converted = await convertLead(b.id, db);
    expect(converted.contact).toBeNull();
    expect(converted.client.notes.split('\n')).toEqual(
      expect.arrayContaining(['Phone · mobile: +447700900456', 'Email: j.whitmore@harbourfixings.co.uk', 'Department: Sales, Key Accounts', expect.stringMatching(/^Birthday: /)]),
    );
    expect(converted.client.notes).not.toContain('Rating');
  });
});

describe('attaching a lead', () => {
  it('adds to the existing client and contact what they lack, overwrites nothing, and notes the rest', async () => {
    const client = await createClient(
      { ...blankClientInput('u1'), name: 'Harbour Fixings', website: 'https://hf.example', notes: 'Key account since 2019.', tags: ['Pumps'] },
      db,
    );
    const existing = await createContact(client.id, { name: 'Jim Whitmore', position: 'Buyer', phones: [{ kind: 'work', number: '+442079460958' }], emails: [], birthday: '', decisionRole: 'decision_maker', notes: 'Golf.' }, db);
    const saved = await captureLead(fullLead(), { taskTitle }, db);
    await attachLead(saved.id, client.id, existing.id, db);

    const record = (await db.clients.get(client.id))!;
    expect(record).toMatchObject({ name: 'Harbour Fixings', website: 'https://hf.example', tags: ['Pumps', 'Seals'], eventId });
    expect(record.addresses).toHaveLength(1);
    expect(record.notes.startsWith('Key account since 2019.\n\nFrom the lead captured at Hannover Messe')).toBe(true);
    expect(record.notes).toContain('Company on the lead: Harbour Fixings Ltd');
    expect(record.notes).toContain('Web: https://harbourfixings.co.uk');
    expect(record.notes).toContain('Rating: Hot');
    const contact = record.contacts!.find((c) => c.id === existing.id)!;
    expect(contact).toMatchObject({ name: 'Jim Whitmore', position: 'Buyer', decisionRole: 'decision_maker', birthday: '1975-11-02', eventId });
    expect(contact.phones.map((p) => p.kind)).toEqual(['work', 'mobile', 'other', 'work']);
    expect(contact.emails).toHaveLength(2);
    expect(contact.notes).toMatch(/^Golf\.\n\nFrom the lead/);
    expect(contact.notes).toContain('Position: Head of Purchasing');
    expect(await db.leads.get(saved.id)).toMatchObject({ status: 'attached', clientId: client.id, contactId: existing.id });
  });

  it('makes the person a new contact when none is picked, and keeps the event a client was first met at', async () => {
    const first = (await createEvent(event({ name: 'Build Fair' }), db)).id;
    const client = await createClient({ ...blankClientInput('u1'), name: 'Harbour Fixings Ltd' }, db);
    await db.clients.update(client.id, { eventId: first });
    const saved = await captureLead(fullLead(), { taskTitle }, db);
    await attachLead(saved.id, client.id, null, db);
    const record = (await db.clients.get(client.id))!;
    expect(record.eventId).toBe(first);
    const contact = record.contacts!.find((c) => c.name === 'James Whitmore')!;
    expect(contact).toMatchObject({ eventId, phones: expect.arrayContaining([{ kind: 'mobile', number: '+447700900456' }]) });
    expect(record.notes).not.toContain('Company on the lead');
    expect(await db.leads.get(saved.id)).toMatchObject({ status: 'attached', contactId: contact.id });
    await expect(attachLead(saved.id, client.id, null, db)).rejects.toThrow('errors.lead_already_linked');
  });

  it('carries a lead attached at capture (a visitor recognised at the booth) as it carries a later attach', async () => {
    const client = await createClient({ ...blankClientInput('u1'), name: 'Harbour Fixings Ltd' }, db);
    const existing = await createContact(client.id, { name: 'James Whitmore', position: '', phones: [], emails: [], birthday: '', decisionRole: 'other', notes: '' }, db);
    const lead = await captureLead(fullLead(), { taskTitle, attachTo: { clientId: client.id, contactId: existing.id } }, db);
    expect(lead).toMatchObject({ status: 'attached', clientId: client.id, contactId: existing.id });
    const record = (await db.clients.get(client.id))!;
    expect(record.eventId).toBe(eventId);
    expect(record.notes).toContain('Rating: Hot');
    expect(record.contacts![0]).toMatchObject({ position: 'Head of Purchasing', eventId, phones: expect.arrayContaining([{ kind: 'mobile', number: '+447700900456' }]) });

    // The company only ("Attach to this"): the person becomes its new contact.
    const other = await captureLead(fullLead({ personName: 'Mia Whitmore', phone: '+447700900999' }), { taskTitle, attachTo: { clientId: client.id, contactId: null } }, db);
    const mia = (await db.clients.get(client.id))!.contacts!.find((c) => c.name === 'Mia Whitmore')!;
    expect(other.contactId).toBe(mia.id);
    expect((await db.leads.get(other.id))!.contactId).toBe(mia.id);
  });
});

