/**
 * Offers between laptops through the company server, on both database backends: the catalog
 * comes from the company to every laptop, a manager's offer above their discount limit is
 * approved by the head of sales through the sync, and the server refuses what a laptop may not
 * do (approve its own offer, send it unapproved, change the catalog). Real laptop code (the offer
 * commands and the sync engine on IndexedDB), real server, real database.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { expect, it } from 'vitest';
import { DRILL, DRILL_ANALOGUE, SCREWS, testGroupDiscounts, testGroups, testPrices, testProducts, testStock } from '../../core/offers/test-catalog';
import type { OfferLine } from '../../core/offers/offer-model';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { bulkInsertRows, serverStamp } from '../../server/sync/records';
import type { SqlDb } from '../../server/db/sql-db';
import { createClient } from '../../renderer/src/data/clients/commands';
import { createOffer, offerAction, saveOfferDraft, sendOffer } from '../../renderer/src/data/offers/offers';
import { nextStamp, outboxTables, recordKey, type OutboxEntry } from '../../renderer/src/data/sync/outbox';
import type { SyncedTableName } from '../../core/sync/tables';
import { createUser } from '../../server/auth/users';
import { clientInput, FAST_HASH, PASSWORD, serverRecords, useSyncServer, type Laptop } from './harness';

const paymentText = (days: number) => `${days} days net`;

/** The test catalog as the company's import writes it: shared records nobody owns. */
async function seedCatalog(db: SqlDb): Promise<void> {
  const stamp = serverStamp();
  const row = (tbl: string, { id, updatedAt: _u, ...data }: { id: string; updatedAt: string }) => ({
    tbl,
    id,
    owner_id: null,
    client_id: null,
    data: { ...data, _deleted: false },
    stamps: { '*': stamp },
    authors: {},
  });
  await db.transaction((tx) =>
    bulkInsertRows(tx, [
      ...testGroups.map((g) => row('productGroups', g)),
      ...testProducts.map((p) => row('products', p)),
      ...testStock.map((s) => row('stock', s)),
      ...testPrices.map((p) => row('prices', p)),
      ...testGroupDiscounts.map((d) => row('groupDiscounts', d)),
    ]),
  );
}

/**
 * What a tampered laptop sends: an outbox entry the app's own commands would never write (they
 * leave company fields out and check offers first), appended as the outbox appends.
 */
async function forgeChange(l: Laptop, table: SyncedTableName, id: string, values: Record<string, unknown>): Promise<void> {
  await l.db.transaction('rw', outboxTables(l.db), async () => {
    const seq = (((await l.db.meta.get('outboxSeq'))?.value as number | undefined) ?? 0) + 1;
    const hlc = await nextStamp(l.db);
    const fields = Object.fromEntries(Object.entries(values).map(([f, value]) => [f, { value, hlc, base: null }]));
    await l.db.meta.put({ key: 'outboxSeq', value: seq });
    await l.db.outbox.add({ seq, table, id, key: recordKey(table, id), fields: fields as OutboxEntry['fields'], at: new Date().toISOString() });
  });
}

const line = (id: string, productId: string, qty: number, manualDiscountBp: number): OfferLine => ({
  id,
  productId,
  sku: '',
  name: 'from the catalog',
  qty,
  unit: 'pcs',
  manualDiscountBp,
  pricing: null,
  stockNote: '',
});

for (const backend of BACKENDS) {
  describeBackend(backend)(`offers between laptops (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;
    const serverOffer = async (id: string) => (await serverRecords(test.db, 'offers')).get(id);

    it('a manager’s offer above their limit is approved by the head of sales through the sync, then sent', async () => {
      await seedCatalog(test.db);
      await test.db.query(`UPDATE users SET discount_limit_pct = CASE WHEN role = 'manager' THEN 10 ELSE 25 END`);
      const anna: Laptop = await laptop('anna');
      const client = await createClient(clientInput(test.team.anna, { name: 'Wholesale Kft', priceType: 'wholesale', discountPct: 5, currency: 'EUR' }), anna.db);
      await anna.sync();
      // The catalog came from the company, and with it the team's discount limits.
      expect(await anna.db.products.count()).toBe(testProducts.length);
      expect(await anna.db.prices.count()).toBe(testPrices.length);
      expect((await anna.db.team.get(test.team.anna))?.discountLimitBp).toBe(1000);

      // Offline at the client's: the drill is out of stock, so its analogue goes in; 15 % off the screws.
      const offer = await createOffer({ clientId: client.id, paymentText }, anna.db);
      const draft = await saveOfferDraft(offer.id, { ...offer, lines: [line('l1', DRILL, 5, 0), line('l2', SCREWS, 20, 1500)] }, anna.db);
      expect(draft.lines[0]!.pricing?.listUnitPrice).toBe(10_900);
      const swapped = await saveOfferDraft(offer.id, { ...draft, lines: [{ ...draft.lines[0]!, productId: DRILL_ANALOGUE }, draft.lines[1]!] }, anna.db);
      expect(swapped.lines[0]!.pricing?.listUnitPrice).toBe(12_500);
      await expect(sendOffer(offer.id, { kind: 'email', subject: 'Offer', contactId: null }, anna.db)).rejects.toMatchObject({ reason: 'needs_approval' });
      await offerAction(offer.id, 'submit_for_approval', '', anna.db);
      const pushed = await anna.sync();
      expect(pushed.rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'awaiting_approval', ownerId: test.team.anna });

      const head = await laptop('head');
      await head.sync();
      expect((await head.db.offers.get(offer.id))?.status).toBe('awaiting_approval');
      await offerAction(offer.id, 'approve', 'OK for 20 boxes', head.db);
      expect((await head.sync()).rejected).toBe(0);

      await anna.sync();
      const approved = (await anna.db.offers.get(offer.id))!;
      expect(approved.status).toBe('approved');
      expect(approved.history.at(-1)).toMatchObject({ status: 'approved', by: test.team.head, comment: 'OK for 20 boxes' });
      await sendOffer(offer.id, { kind: 'email', subject: `Offer ${offer.number} sent by email`, contactId: null }, anna.db);
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'sent' });
      const activities = [...(await serverRecords(test.db, 'activities')).values()];
      expect(activities).toEqual([expect.objectContaining({ clientId: client.id, kind: 'email', offerId: offer.id, ownerId: test.team.anna })]);
      // Ben, another manager, never receives Anna's client's offers.
      const ben = await laptop('ben');
      await ben.sync();
      expect(await ben.db.offers.count()).toBe(0);
      expect(await ben.db.products.count()).toBe(testProducts.length);
    });

    it('the server refuses a laptop that approves its own offer, sends it unapproved or changes the catalog', async () => {
      const anna = await laptop('anna', 'anna-2');
      await anna.sync();
      const client = await createClient(clientInput(test.team.anna, { name: 'Rogue Kft', priceType: 'wholesale', currency: 'EUR' }), anna.db);
      const offer = await createOffer({ clientId: client.id, paymentText }, anna.db);
      await saveOfferDraft(offer.id, { ...offer, lines: [line('l1', SCREWS, 10, 3000)] }, anna.db);
      await offerAction(offer.id, 'submit_for_approval', '', anna.db);
      await anna.sync();
      // A tampered laptop writes what its app would refuse: its own approval, and a catalog price.
      await forgeChange(anna, 'offers', offer.id, { status: 'approved' });
      await forgeChange(anna, 'prices', testPrices[0]!.id, { breaks: [{ minQty: 1, unitPrice: 1 }] });
      const run = await anna.sync();
      expect(run.rejected).toBe(2);
      const rejected = await anna.db.rejected.toArray();
      expect(rejected.map((r) => [r.table, r.reason, r.detail ?? ''])).toEqual(
        expect.arrayContaining([
          ['offers', 'offer_rule', 'not_approver'],
          ['prices', 'company_field', ''],
        ]),
      );
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'awaiting_approval' });
      expect((await serverRecords(test.db, 'prices')).get(testPrices[0]!.id)).toMatchObject({ breaks: testPrices[0]!.breaks });

      // Sent straight to the client with 30 % off, without approval: refused too.
      const second = await createOffer({ clientId: client.id, paymentText }, anna.db);
      await anna.sync();
      await forgeChange(anna, 'offers', second.id, { status: 'sent', lines: [{ ...line('l1', SCREWS, 10, 3000), pricing: { listUnitPrice: 700, listIncludesVat: false, autoDiscounts: [], vatRateBp: 2000, pricedAt: new Date().toISOString() } }] });
      await anna.sync();
      expect((await anna.db.rejected.toArray()).find((r) => r.recordId === second.id)).toMatchObject({ reason: 'offer_rule', detail: 'needs_approval' });
      expect(await serverOffer(second.id)).toMatchObject({ status: 'draft', lines: [] });
    });

    it('two people with the same initials, and one person on a laptop signed in again, never give out the same offer number', async () => {
      await createUser(test.db, { login: 'alex', displayName: 'Alex Brown', role: 'manager', head: 'head', password: PASSWORD }, FAST_HASH);
      const anna: Laptop = await laptop('anna', 'anna-numbers');
      const alex: Laptop = await laptop('alex');
      const annasClient = await createClient(clientInput(test.team.anna, { name: 'Numbered Kft', currency: 'EUR' }), anna.db);
      await anna.sync();
      await alex.sync();
      const alexClient = await createClient(clientInput(alex.userId, { name: 'Brown Ltd', currency: 'EUR' }), alex.db);
      expect((await alex.db.team.get(alex.userId))?.offerPrefix).toBe('AB2');
      // Offline, on the same day: each makes an offer.
      const fromAnna = await createOffer({ clientId: annasClient.id, paymentText }, anna.db);
      const fromAlex = await createOffer({ clientId: alexClient.id, paymentText }, alex.db);
      // Each number carries its device's mark (core/offers/offer-number.ts): Alex's first laptop is his "A".
      expect(fromAnna.number).toMatch(/^AB-\d{6}-[A-HJ-NP-Z]+\d+$/);
      expect(fromAlex.number).toBe(fromAnna.number.replace(/^AB-(\d{6})-[A-Z]+\d+$/, 'AB2-$1-A1'));
      await anna.sync();
      // Anna's laptop is replaced the same afternoon: the new one is a new device with a mark of its own.
      const annasNew: Laptop = await laptop('anna', 'anna-replacement');
      await annasNew.sync();
      const again = await createOffer({ clientId: annasClient.id, paymentText }, annasNew.db);
      const markOf = (number: string) => /-([A-Z]+)\d+$/.exec(number)![1];
      expect(again.number).toMatch(/^AB-\d{6}-[A-HJ-NP-Z]+1$/);
      expect(markOf(again.number)).not.toBe(markOf(fromAnna.number));
    });
  });
}
