/**
 * The commands never write text the company cannot store (core/text-safety.ts), whoever calls them
 * and whatever the value came from: a NUL or another control character, an unpaired surrogate
 * are removed from every string, and everything else of the value is written as it was given.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankClientInput, type ClientInput } from '../../../core/client-model';
import type { LeadFormValues } from '../../../core/leads/lead-model';
import { FASTENERS, SCREWS, testGroupDiscounts, testGroups, testPrices, testProducts, testStock } from '../../../core/offers/test-catalog';
import { findTextProblem } from '../../../core/text-safety';
import { prepareFile } from './attachments';
import { attachFile, createClient, createContact, cutText, safeText, updateClient } from './clients/commands';
import { resolveConflict } from './sync/conflicts';
import { FieldbookDb } from './db';
import { captureLead, createEvent, discardLead } from './leads/leads';
import { createOffer, recordActivity, requestStock, saveOfferDraft } from './offers/offers';
import { reapplyRejected } from './sync/rejected';
import { contactsOf } from './clients/client-records';

const HIGH = '\uD83D'; // the first half of 😀, alone
const LOW = '\uDE00'; // its second half, alone

const ME = 'a0000000-0000-4000-8000-000000000001';

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.bulkAdd([{ id: ME, name: 'Anna Berger', role: 'manager', discountLimitBp: 1000 }]);
});
afterEach(async () => {
  await db.delete();
});

/**
 * No record on this laptop, nor its history or outbox, holds unsafe text. (The search indexes of
 * the list rows are local and separate words with control characters on purpose.)
 */
async function expectAllStoredClean() {
  for (const table of [db.clients, db.events, db.leads, db.tasks, db.offers, db.activities, db.stockRequests, db.history, db.outbox]) {
    expect(findTextProblem(await table.toArray()), table.name).toBeNull();
  }
}

const client = (patch: Partial<ClientInput> = {}): ClientInput => ({ ...blankClientInput(ME), name: 'Example Kft', currency: 'EUR', ...patch });

describe('safeText and cutText', () => {
  it('clean every string of a value and keep the rest', () => {
    expect(safeText({ a: 'x\u0000y', n: 1, list: [`z${HIGH}`], when: null })).toEqual({ a: 'xy', n: 1, list: ['z'], when: null });
  });

  it('cut text without leaving half an emoji behind', () => {
    const name = `${'a'.repeat(254)}😀.jpg`;
    expect(name.slice(0, 255).endsWith(HIGH)).toBe(true);
    expect(cutText(name, 255)).toBe('a'.repeat(254));
    expect(cutText('ab\u0000c', 3)).toBe('ab');
  });
});

describe('client commands', () => {
  it('create and update write the text without NUL, controls and broken surrogates, everything else kept', async () => {
    const created = await createClient(
      client({
        name: 'Example\u0000 Kft',
        notes: `Line one\r\nLine\ttwo 😀${HIGH}\u0007`,
        tags: ['vip\u0000', `fair${LOW}`],
        addresses: [{ kind: 'office', street: 'Fő utca\u0000 1', city: 'Budapest', postcode: '1011', region: '', country: 'HU' }],
      }),
      db,
    );
    expect(created).toMatchObject({ name: 'Example Kft', notes: 'Line one\r\nLine\ttwo 😀', tags: ['vip', 'fair'], addresses: [{ street: 'Fő utca 1' }] });
    const updated = await updateClient(created.id, client({ name: 'Example Kft', legalName: '\u0000Example Holding\u001F', notes: created.notes, tags: created.tags, addresses: created.addresses }), db, { record: created, stamps: {} });
    expect(updated.legalName).toBe('Example Holding');
    // The list row and the history line are made from the clean values too.
    expect((await db.clientRows.get(created.id))?.name).toBe('Example Kft');
    await expectAllStoredClean();
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => Object.keys(e.fields).includes('legalName'))).toEqual([true, true]);
    expect(queued[1]!.fields.legalName!.value).toBe('Example Holding');
  });

  it('a value left blank once cleaned is refused as blank', async () => {
    await expect(createClient(client({ name: '\u0000\u0000' }), db)).rejects.toThrow();
    expect(await db.clients.count()).toBe(0);
  });

  it('contacts and file names are cleaned', async () => {
    const c = await createClient(client(), db);
    const contact = await createContact(
      c.id,
      { name: 'Anna\u0000 Kovács', position: `Buyer${HIGH}`, phones: [{ kind: 'work', number: '+36 1\u0000 234 5678' }], emails: [{ address: 'anna@example.hu\u0000' }], birthday: '', decisionRole: 'other', notes: '' },
      db,
    );
    expect(contact).toMatchObject({ name: 'Anna Kovács', position: 'Buyer', phones: [{ number: '+3612345678' }], emails: [{ address: 'anna@example.hu' }] });
    expect(contactsOf(await db.clients.get(c.id))[0]?.name).toBe('Anna Kovács');
    // A file name on disk may hold a control character; one cut at 255 may end in half an emoji.
    const ref = await attachFile(c.id, await prepareFile(new File(['%PDF'], `offer\u0001 ${'x'.repeat(247)}😀.pdf`, { type: 'application/pdf' })), db);
    expect(ref.name).toBe(`offer ${'x'.repeat(247)}`);
    await expectAllStoredClean();
  });
});

describe('lead commands', () => {
  const values = (patch: Partial<LeadFormValues> = {}): LeadFormValues => ({ personName: 'Ivan\u0000 Petrov', companyName: `OOO Romashka${LOW}`, notes: 'Wants\u0007 samples\n😀', country: 'HU', ...patch });

  it('a lead from a vCard or a scan is saved clean, with its photo name and follow-up task', async () => {
    const event = await createEvent({ name: 'Hannover\u0000 Messe', kind: 'trade_fair', venue: '', city: '', startsOn: '2026-04-20', endsOn: '2026-04-24', booth: '', teamIds: [], productGroups: ['Pumps\u001F'], questions: [] }, db);
    expect(event).toMatchObject({ name: 'Hannover Messe', productGroups: ['Pumps'] });
    const photo = await prepareFile(new File(['jpg'], 'card\u0000.jpg', { type: 'image/jpeg' }));
    const lead = await captureLead(values({ nextStep: 'call', nextStepOn: '2026-04-27' }), { eventId: event.id, photo, taskTitle: (step, who) => `${step}\u0000 ${who}` }, db);
    expect(lead).toMatchObject({ personName: 'Ivan Petrov', companyName: 'OOO Romashka', notes: 'Wants samples\n😀', attachments: [{ name: 'card.jpg' }] });
    expect((await db.tasks.toArray())[0]?.title).toBe('call Ivan Petrov (OOO Romashka)');
    await discardLead(lead.id, `\u0000 A competitor${HIGH}`, db);
    expect((await db.leads.get(lead.id))?.discardReason).toBe('A competitor');
    await expectAllStoredClean();
  });
});

describe('offer commands', () => {
  beforeEach(async () => {
    await Promise.all([
      db.productGroups.bulkAdd(testGroups),
      db.products.bulkAdd(testProducts),
      db.stock.bulkAdd(testStock),
      db.prices.bulkAdd(testPrices),
      db.groupDiscounts.bulkAdd(testGroupDiscounts),
    ]);
  });

  it('lines, terms, comments, stock requests and activities are saved clean', async () => {
    const c = await createClient(client({ priceType: 'wholesale', groupDiscounts: [{ groupId: FASTENERS, discountBp: 800 }] } as Partial<ClientInput>), db);
    const offer = await createOffer({ clientId: c.id, paymentText: (days) => `${days} days\u0000 net` }, db);
    expect(offer.terms.payment).toBe('14 days net');
    const line = { id: crypto.randomUUID(), productId: SCREWS, sku: '', name: 'Screws\u0000', qty: 2, unit: 'pcs', manualDiscountBp: 0, pricing: null, stockNote: `ships${HIGH} Monday` };
    const saved = await saveOfferDraft(offer.id, { lines: [line], terms: { ...offer.terms, specialConditions: 'Free\u0000 delivery', notes: 'Thanks 😀\u0001' }, currency: offer.currency, pricesIncludeVat: false }, db);
    expect(saved.lines[0]).toMatchObject({ stockNote: 'ships Monday', qty: 2 });
    expect(saved.terms).toMatchObject({ specialConditions: 'Free delivery', notes: 'Thanks 😀', payment: '14 days net' });
    await requestStock({ clientId: c.id, productId: SCREWS, qty: 5, neededBy: '2026-12-01', offerId: offer.id, note: 'urgent\u0000' }, db);
    await recordActivity({ clientId: c.id, kind: 'call', subject: 'Called\u0000 about the offer', notes: `ok${LOW}` }, db);
    expect((await db.stockRequests.toArray())[0]?.note).toBe('urgent');
    expect((await db.activities.toArray())[0]).toMatchObject({ subject: 'Called about the offer', notes: 'ok' });
    await expectAllStoredClean();
  });
});

describe('a value typed to settle a conflict, and a refused change applied again', () => {
  it('are written clean', async () => {
    const c = await createClient(client(), db);
    const conflictId = crypto.randomUUID();
    const at = new Date().toISOString();
    await db.conflicts.put({ id: conflictId, clientId: c.id, table: 'clients', recordId: c.id, field: 'notes', values: [], status: 'open', resolvedBy: null, resolvedAt: null, createdAt: at, updatedAt: at } as never);
    await resolveConflict(conflictId, 'Typed\u0000 anew', ME, db);
    expect((await db.clients.get(c.id))?.notes).toBe('Typed anew');
    // A change the company server refused for its NUL goes again without it.
    const id = await db.rejected.add({ table: 'clients', recordId: c.id, key: `clients/${c.id}`, fields: { notes: 'Refused\u0000 once' }, reason: 'invalid_value', at });
    await reapplyRejected(id!, db);
    expect((await db.clients.get(c.id))?.notes).toBe('Refused once');
    await expectAllStoredClean();
  });
});
