import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankClientInput, type Client } from '../../../../core/client-model';
import type { OfferLine } from '../../../../core/offers/offer-model';
import { DRILL, DRILL_ANALOGUE, FASTENERS, GLOVES, SCREWS, testGroupDiscounts, testGroups, testPrices, testProducts, testStock } from '../../../../core/offers/test-catalog';
import { FieldbookDb } from '../db';
import { copyOfferToClient, createOffer, offerAction, OfferActionError, requestStock, reviseOffer, saveOfferDraft, sendOffer, whyNot } from './offers';

const AT = '2026-11-01T00:00:00.000Z';
const paymentText = (days: number) => `${days} days net`;
const ACME = 'e0000000-0000-4000-8000-000000000001';
const RETAIL_SHOP = 'e0000000-0000-4000-8000-000000000002';

const client = (id: string, patch: Partial<Client>): Client => ({
  ...blankClientInput('mgr'),
  id,
  name: id,
  creditLimit: 0,
  receivables: null,
  createdAt: AT,
  updatedAt: AT,
  archivedAt: null,
  ...patch,
});

const line = (id: string, productId: string, qty: number, manualDiscountBp = 0): OfferLine => ({
  id,
  productId,
  sku: '',
  name: 'x',
  qty,
  unit: 'pcs',
  manualDiscountBp,
  pricing: null,
  stockNote: '',
});

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.team.bulkAdd([
    { id: 'mgr', name: 'Anna Berger', role: 'manager', discountLimitBp: 1000 },
    { id: 'head', name: 'Helena Head', role: 'head_of_sales', discountLimitBp: 2500 },
  ]);
  await Promise.all([
    db.productGroups.bulkAdd(testGroups),
    db.products.bulkAdd(testProducts),
    db.stock.bulkAdd(testStock),
    db.prices.bulkAdd(testPrices),
    db.groupDiscounts.bulkAdd(testGroupDiscounts),
    db.clients.bulkAdd([
      client(ACME, { priceType: 'wholesale', discountPct: 3, paymentTermsDays: 30, groupDiscounts: [{ groupId: FASTENERS, discountBp: 800 }] }),
      client(RETAIL_SHOP, { priceType: 'retail', discountPct: 0, paymentTermsDays: 7 }),
    ]),
  ]);
});
afterEach(async () => {
  await db.delete();
});

const outboxOf = async (table: string) => (await db.outbox.toArray()).filter((e) => e.table === table);
const asHead = () => db.meta.put({ key: 'syncConnection', value: { serverUrl: 'http://x/', token: 't', deviceId: 'd', user: { id: 'head', login: 'head', displayName: 'Helena Head', role: 'head_of_sales' } } });

describe('offers', () => {
  it('starts a draft in the client’s currency with its payment terms, numbered by the owner’s initials and the day', async () => {
    const offer = await createOffer({ clientId: ACME, paymentText }, db);
    expect(offer).toMatchObject({ clientId: ACME, ownerId: 'mgr', status: 'draft', version: 1, currency: 'EUR', lines: [], terms: { payment: '30 days net' } });
    expect(offer.number).toMatch(/^AB-\d{6}-1$/);
    expect(offer.terms.validUntil > new Date().toISOString().slice(0, 10)).toBe(true);
    const second = await createOffer({ clientId: ACME, paymentText }, db);
    expect(second.number).toMatch(/-2$/);
    const [entry] = await outboxOf('offers');
    expect(entry!.id).toBe(offer.id);
    expect(Object.keys(entry!.fields)).toEqual(expect.arrayContaining(['clientId', 'number', 'status', 'lines', 'terms', '_deleted']));
  });

  it('numbers with the prefix the company server gave, after every number of the day the laptop holds', async () => {
    // A second Anna Berger in the company is "AB2"; the laptop was signed in again today, and the
    // first sync brought back "-7", made on it this morning: the counter continues after it.
    await db.team.update('mgr', { offerPrefix: 'AB2' });
    const first = await createOffer({ clientId: ACME, paymentText }, db);
    expect(first.number).toMatch(/^AB2-\d{6}-1$/);
    const stem = first.number.slice(0, -1);
    await db.offers.add({ ...first, id: crypto.randomUUID(), number: `${stem}7` });
    await db.offers.add({ ...first, id: crypto.randomUUID(), number: `AB-${stem.slice(4)}30` });
    await db.meta.delete('offerCounter');
    expect((await createOffer({ clientId: ACME, paymentText }, db)).number).toBe(`${stem}8`);
    expect((await copyOfferToClient(first.id, RETAIL_SHOP, paymentText, db)).number).toBe(`${stem}9`);
    // A deleted offer's number is not handed out again: the laptop's counter remembers it.
    await db.offers.where('number').startsWith(stem).delete();
    expect((await createOffer({ clientId: ACME, paymentText }, db)).number).toBe(`${stem}10`);
  });

  it('prices lines with the client’s price type, standing discount and its own group discount', async () => {
    const offer = await createOffer({ clientId: ACME, paymentText }, db);
    const saved = await saveOfferDraft(offer.id, { ...offer, lines: [line('1', DRILL, 2), line('2', SCREWS, 10), line('3', GLOVES, 1)] }, db);
    const [drill, screws, gloves] = saved.lines;
    // Wholesale list prices; the drill gets the 3 % standing discount, the screws the client's own 8 % on fasteners (better than 3 %).
    expect(drill!.pricing).toMatchObject({ listUnitPrice: 10_900, autoDiscounts: [{ source: 'standing', discountBp: 300 }] });
    expect(screws!.pricing).toMatchObject({ listUnitPrice: 700, autoDiscounts: [{ source: 'group', discountBp: 800 }] });
    expect(gloves!.pricing).toBeNull(); // no wholesale price for gloves: unpriced, never 0
    // Saving the same draft again queues nothing new.
    const queued = (await outboxOf('offers')).length;
    await saveOfferDraft(offer.id, saved, db);
    expect(await outboxOf('offers')).toHaveLength(queued);
  });

  it('an offer above the manager’s limit goes for approval; only a head of sales approves it, then it can be sent', async () => {
    const offer = await createOffer({ clientId: ACME, paymentText }, db);
    await saveOfferDraft(offer.id, { ...offer, lines: [line('1', DRILL_ANALOGUE, 5, 1500)] }, db);
    expect(await whyNot(offer.id, 'send', db)).toBe('offers.errors.needs_approval');
    await expect(sendOffer(offer.id, { kind: 'email', subject: 'Offer', contactId: null }, db)).rejects.toMatchObject({ reason: 'needs_approval' });
    expect((await offerAction(offer.id, 'submit_for_approval', '', db)).status).toBe('awaiting_approval');
    await expect(offerAction(offer.id, 'approve', '', db)).rejects.toBeInstanceOf(OfferActionError);
    await asHead();
    const approved = await offerAction(offer.id, 'approve', '  Fine for this volume.  ', db);
    expect(approved.status).toBe('approved');
    expect(approved.history.at(-1)).toMatchObject({ status: 'approved', by: 'head', comment: 'Fine for this volume.' });
    await expect(saveOfferDraft(offer.id, approved, db)).rejects.toMatchObject({ reason: 'not_editable' });
    const sent = await sendOffer(offer.id, { kind: 'email', subject: 'Offer AB-1', contactId: null }, db);
    expect(sent.status).toBe('sent');
    const [activity] = await db.activities.where('clientId').equals(ACME).toArray();
    expect(activity).toMatchObject({ kind: 'email', subject: 'Offer AB-1', offerId: offer.id, ownerId: 'head' });
    expect(await outboxOf('activities')).toHaveLength(1);
  });

  it('a revision keeps version 1 readable and starts version 2 as a draft; a copy is priced for the other client', async () => {
    const offer = await createOffer({ clientId: ACME, paymentText }, db);
    await saveOfferDraft(offer.id, { ...offer, lines: [line('1', SCREWS, 10, 200)] }, db);
    await sendOffer(offer.id, { kind: 'note', subject: 'Handed over', contactId: null }, db);
    const v2 = await reviseOffer(offer.id, db);
    expect(v2).toMatchObject({ number: offer.number, version: 2, previousVersionId: offer.id, status: 'draft' });
    expect((await db.offers.get(offer.id))!.status).toBe('superseded');

    const copy = await copyOfferToClient(offer.id, RETAIL_SHOP, paymentText, db);
    expect(copy).toMatchObject({ clientId: RETAIL_SHOP, version: 1, status: 'draft', terms: { payment: '7 days net' } });
    expect(copy.number).not.toBe(offer.number);
    expect(copy.lines[0]).toMatchObject({ manualDiscountBp: 0, pricing: { listUnitPrice: 890, autoDiscounts: [] } });
  });

  it('asks logistics for an item that is out of stock', async () => {
    const offer = await createOffer({ clientId: ACME, paymentText }, db);
    const request = await requestStock({ clientId: ACME, productId: DRILL, qty: 5, neededBy: '2026-12-20', offerId: offer.id, note: 'Client can wait until Christmas' }, db);
    expect(request).toMatchObject({ sku: 'DR-18V', productName: 'Cordless drill 18 V', status: 'open', requestedBy: 'mgr' });
    expect(await outboxOf('stockRequests')).toHaveLength(1);
    await expect(requestStock({ clientId: ACME, productId: DRILL, qty: 0, neededBy: '2026-12-20', offerId: null, note: '' }, db)).rejects.toThrow();
  });
});
