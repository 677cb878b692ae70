import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventInput, LeadFormValues } from '../../../../core/leads/lead-model';
import { FieldbookDb } from '../db';
import { prepareFile } from '../attachments';
import { CommandError } from '../clients/commands';
import { setMarket } from '../market';
import { assignLeads, attachLead, captureLead, convertLead, createEvent, discardLead, setActiveEvent, setTaskDone, updateEvent, updateLead } from './leads';

const event = (patch: Partial<EventInput> = {}): EventInput => ({
  name: 'Hannover Messe',
  kind: 'trade_fair',
  venue: 'Messegelände',
  city: 'Hannover',
  startsOn: '2026-04-20',
  endsOn: '2026-04-24',
  booth: 'H12 B34',
  teamIds: [],
  productGroups: ['Pumps', 'Valves'],
  questions: [{ id: 'budget', label: 'Budget', kind: 'choice', options: ['< 10k', '> 10k'] }],
  ...patch,
});

const lead = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({
  personName: 'Anna Kovács',
  companyName: 'Példa Kft.',
  phone: '06 30 123 4567',
  email: 'anna@pelda.hu',
  country: 'HU',
  rating: 'hot',
  answers: { budget: '> 10k' },
  nextStep: 'call',
  nextStepOn: '2026-04-27',
  ...patch,
});

const taskTitle = (step: string, who: string) => `${step}: ${who}`;

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.bulkAdd([
    { id: 'u1', name: 'Ben Okafor', role: 'manager' },
    { id: 'u2', name: 'Chloé Martin', role: 'manager' },
  ]);
});
afterEach(async () => {
  await db.delete();
});

const outboxOf = async (table: string) => (await db.outbox.toArray()).filter((e) => e.table === table);

describe('events', () => {
  it('are created and edited field by field for the sync', async () => {
    const created = await createEvent(event(), db);
    await updateEvent(created.id, event({ booth: 'H13 A01' }), db);
    const entries = await outboxOf('events');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.fields.name?.value).toBe('Hannover Messe');
    expect(Object.keys(entries[1]!.fields)).toEqual(['booth']);
    expect((await db.events.get(created.id))?.booth).toBe('H13 A01');
  });

  it('refuse an end before the start and a choice question without options', async () => {
    await expect(createEvent(event({ endsOn: '2026-04-19' }), db)).rejects.toThrow(/ends_before_start/);
    await expect(createEvent(event({ questions: [{ id: 'q', label: 'Which?', kind: 'choice', options: [] }] }), db)).rejects.toThrow(/options_needed/);
    expect(await db.events.count()).toBe(0);
  });
});

describe('lead-capture', () => {
  it('saves the lead tagged with the active event, its follow-up task and both outbox entries in one go', async () => {
    const fair = await createEvent(event(), db);
    await setActiveEvent(fair.id, db);
    const saved = await captureLead(lead(), { taskTitle }, db);
    expect(saved).toMatchObject({ eventId: fair.id, ownerId: 'u1', capturedBy: 'u1', status: 'new', phone: '+36301234567', rating: 'hot' });
    const tasks = await db.tasks.toArray();
    expect(tasks).toEqual([expect.objectContaining({ leadId: saved.id, kind: 'call', dueOn: '2026-04-27', ownerId: 'u1', title: 'call: Anna Kovács (Példa Kft.)', doneAt: null })]);
    expect((await outboxOf('leads'))[0]!.fields.answers?.value).toEqual({ budget: '> 10k' });
    expect(await outboxOf('tasks')).toHaveLength(1);
  });

  it('refuses a lead that says nothing about who, saving nothing', async () => {
    await expect(captureLead(lead({ personName: '', companyName: '', phone: '', email: '' }), { taskTitle }, db)).rejects.toThrow(/lead_empty/);
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a phone it cannot read as typed, and queues it so', async () => {
    await setMarket('', db);
    // The field test: a local number with no country anywhere was refused after the form emptied.
    const local = await captureLead(lead({ country: '', phone: ' 07833 445566 ' }), { taskTitle }, db);
    expect(local.phone).toBe('07833 445566');
    const garbage = await captureLead(lead({ phone: 'call reception' }), { taskTitle }, db);
    expect(garbage.phone).toBe('call reception');
    expect((await outboxOf('leads')).map((e) => e.fields.phone?.value)).toEqual(['07833 445566', 'call reception']);
  });

  it('reads the phone in the lead’s country, then the active event’s, then the market', async () => {
    await setMarket('GB', db);
    const phoneOf = async (patch: Partial<LeadFormValues>) => (await captureLead(lead(patch), { taskTitle }, db)).phone;
    expect(await phoneOf({ country: '', phone: '07833 445566' })).toBe('+447833445566');
    expect(await phoneOf({ country: '', phone: '(212) 555-0134' })).toBe('(212) 555-0134');
    const fair = await createEvent(event({ country: 'US' }), db);
    await setActiveEvent(fair.id, db);
    expect(await phoneOf({ country: '', phone: '(212) 555-0134' })).toBe('+12125550134');
    expect(await phoneOf({ country: '', phone: '07833 445566' })).toBe('+447833445566');
    expect(await phoneOf({ country: 'HU', phone: '06 30 123 4567 mellék 12' })).toBe('+36301234567;ext=12');
    // An edit reads the same way: the person adds the country, and the number is checked.
    await setActiveEvent(null, db);
    await setMarket('', db);
    const saved = await captureLead(lead({ country: '', phone: '098765 43210' }), { taskTitle }, db);
    expect(saved.phone).toBe('098765 43210');
    expect((await updateLead(saved.id, lead({ country: 'IN', phone: '098765 43210' }), db)).phone).toBe('+919876543210');
  });

  it('keeps a business-card photo with the lead, pending upload', async () => {
    const photo = await prepareFile(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' }), 'card.jpg');
    const saved = await captureLead(lead({ nextStep: null, nextStepOn: '' }), { taskTitle, photo }, db);
    expect(saved.attachments).toEqual([expect.objectContaining({ sha256: photo.sha256, name: 'card.jpg', mime: 'image/jpeg' })]);
    expect((await db.attachments.get(photo.sha256))?.state).toBe('pending');
    expect(await db.tasks.count()).toBe(0);
  });

  it('queues only the corrected fields of an update', async () => {
    const saved = await captureLead(lead(), { taskTitle }, db);
    await db.outbox.clear();
    await updateLead(saved.id, lead({ position: 'Head of purchasing' }), db);
    expect((await db.outbox.toArray()).map((e) => Object.keys(e.fields))).toEqual([['position']]);
  });
});

describe('after the conversation', () => {
  it('hands leads and their open tasks to a colleague, but not done tasks', async () => {
    const a = await captureLead(lead(), { taskTitle }, db);
    const b = await captureLead(lead({ personName: 'Ivan Petrov', email: 'ivan@romashka.ru', phone: '' }), { taskTitle }, db);
    const [doneTask] = await db.tasks.where('leadId').equals(b.id).toArray();
    await setTaskDone(doneTask!.id, true, db);
    await assignLeads([a.id, b.id], 'u2', db);
    expect((await db.leads.toArray()).map((l) => l.ownerId)).toEqual(['u2', 'u2']);
    const tasks = await db.tasks.toArray();
    expect(tasks.find((t) => t.leadId === a.id)?.ownerId).toBe('u2');
    expect(tasks.find((t) => t.leadId === b.id)?.ownerId).toBe('u1');
    await expect(assignLeads([a.id], 'nobody', db)).rejects.toThrow(CommandError);
    // Nobody hands a lead to a colleague who left (the server would refuse it; it would come back).
    await db.team.put({ id: 'gone', name: 'Gustav Gone', role: 'manager', left: true });
    await expect(assignLeads([a.id], 'gone', db)).rejects.toThrow('errors.colleague_left');
    expect((await db.leads.get(a.id))?.ownerId).toBe('u2');
  });

  it('converts a lead into a client with the person as its contact', async () => {
    const saved = await captureLead(lead({ city: 'Budapest', interests: ['Pumps'] }), { taskTitle }, db);
    const { client, contact } = await convertLead(saved.id, db);
    expect(client).toMatchObject({ name: 'Példa Kft.', status: 'prospect', ownerId: 'u1', tags: ['Pumps'] });
    expect(client.addresses[0]).toMatchObject({ city: 'Budapest', country: 'HU' });
    // Its offers are printed in the language of its country.
    expect(client.language).toBe('hu');
    expect(contact).toMatchObject({ clientId: client.id, name: 'Anna Kovács', phones: [{ kind: 'work', number: '+36301234567' }], emails: [{ address: 'anna@pelda.hu' }] });
    expect(await db.leads.get(saved.id)).toMatchObject({ status: 'converted', clientId: client.id, contactId: contact!.id });
    expect((await db.tasks.where('leadId').equals(saved.id).first())?.clientId).toBe(client.id);
    expect(await db.clientRows.get(client.id)).toBeTruthy();
    await expect(convertLead(saved.id, db)).rejects.toThrow('errors.lead_already_linked');
  });

  it('attaches a lead to an existing client instead of creating one', async () => {
    const saved = await captureLead(lead(), { taskTitle }, db);
    const { client } = await convertLead((await captureLead(lead({ personName: 'Other' }), { taskTitle }, db)).id, db);
    await attachLead(saved.id, client.id, null, db);
    expect(await db.leads.get(saved.id)).toMatchObject({ status: 'attached', clientId: client.id });
    expect(await db.clients.count()).toBe(1);
    await expect(attachLead(saved.id, crypto.randomUUID(), null, db)).rejects.toThrow('errors.client_not_found');
  });

  it('discards only with a reason', async () => {
    const saved = await captureLead(lead(), { taskTitle }, db);
    await expect(discardLead(saved.id, '  ', db)).rejects.toThrow('errors.reason_required');
    await discardLead(saved.id, 'Competitor', db);
    expect(await db.leads.get(saved.id)).toMatchObject({ status: 'discarded', discardReason: 'Competitor' });
  });
});
