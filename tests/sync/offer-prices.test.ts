/**
 * Offer prices the company server checks (server/sync/offer-pricing.ts), with real laptops, on
 * both database backends: a line priced outside the company's rules goes out only with the head
 * of sales' approval (the security review's list price of 0.01 with a 99 % "group" discount),
 * while honest offers priced from yesterday's list — dearer or cheaper than today's, on a laptop
 * that synced or one offline since before the import — go out as sent. A date a year back naming
 * a cheaper price buys nothing; a standing discount a manager gave above their limit needs an
 * approval, on the laptop already; an offer the server refused goes for approval from the laptop.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for IndexedDB when it loads
import { beforeAll, expect, it } from 'vitest';
import { blankClientInput, type Client } from '../../core/client-model';
import type { OfferLine } from '../../core/offers/offer-model';
import type { SyncedTableName } from '../../core/sync/tables';
import { updateClient } from '../../renderer/src/data/clients/commands';
import { submitRefusedOffer } from '../../renderer/src/data/offers/offer-rules';
import { createOffer, offerAction, saveOfferDraft, sendOffer } from '../../renderer/src/data/offers/offers';
import { nextStamp, outboxTables, recordKey, type OutboxEntry } from '../../renderer/src/data/sync/outbox';
import { importCatalog, parseCatalogCsv } from '../../server/admin/import-catalog';
import { importGroupDiscounts, parseGroupDiscountsCsv } from '../../server/admin/import-group-discounts';
import { importPrices, parsePricesCsv } from '../../server/admin/import-prices';
import type { SqlDb } from '../../server/db/sql-db';
import { clientRow } from '../../server/sync/client-records';
import { bulkInsertRows, serverStamp } from '../../server/sync/records';
import { BACKENDS, describeBackend } from '../../server/test/backends';
import { inputOf, serverRecords, useSyncServer, type Laptop } from './harness';

const DAY = 86_400_000;
const paymentText = (days: number) => `${days} days net`;
const how = { kind: 'email' as const, subject: 'Offer', contactId: null };

const CATALOG = [
  'sku,name,unit,vat_rate,group',
  'DRL-1,Cordless drill,pcs,20,Tools > Drills',
  'DRL-2,Hammer drill,pcs,20,Tools > Drills',
  'SCR-1,Wood screws,box,20,Fasteners > Screws',
  'CBL-1,Copper cable,m,20,Electrical',
  'SAW-1,Circular saw,pcs,20,Tools > Saws',
].join('\n');

async function importPricesAt(db: SqlDb, rows: string[], now: number): Promise<void> {
  await importPrices(db, parsePricesCsv(['sku,price_type,currency,price', ...rows].join('\n'), 'prices.csv'), now);
}

/** A company client of Anna's (set up by the company: its terms are the company's), wholesale, 3 % standing discount, in EUR. */
async function companyClient(db: SqlDb, ownerId: string, patch: Partial<Client> = {}): Promise<Client> {
  const at = new Date(Date.now() - 500 * DAY).toISOString();
  const client: Client = { ...blankClientInput(ownerId), id: crypto.randomUUID(), name: 'Wholesale Kft', status: 'active', priceType: 'wholesale', discountPct: 3, currency: 'EUR', creditLimit: 0, receivables: null, createdAt: at, updatedAt: at, archivedAt: null, ...patch };
  await db.transaction((tx) => bulkInsertRows(tx, [clientRow(client, serverStamp(Date.parse(at)))]));
  return client;
}

/** What a tampered laptop sends: an outbox entry the app's own commands would never write. */
async function forgeChange(l: Laptop, table: SyncedTableName, id: string, values: Record<string, unknown>): Promise<void> {
  await l.db.transaction('rw', outboxTables(l.db), async () => {
    const seq = (((await l.db.meta.get('outboxSeq'))?.value as number | undefined) ?? 0) + 1;
    const hlc = await nextStamp(l.db);
    const fields = Object.fromEntries(Object.entries(values).map(([f, value]) => [f, { value, hlc, base: null }]));
    await l.db.meta.put({ key: 'outboxSeq', value: seq });
    await l.db.outbox.add({ seq, table, id, key: recordKey(table, id), fields: fields as OutboxEntry['fields'], at: new Date().toISOString() });
  });
}

for (const backend of BACKENDS) {
  describeBackend(backend)(`offer prices checked by the company server (${backend})`, () => {
    const test = useSyncServer(backend);
    const { laptop } = test;
    const serverOffer = async (id: string) => (await serverRecords(test.db, 'offers')).get(id);
    const refusals = async (l: Laptop, offerId: string) => (await l.db.rejected.toArray()).filter((r) => r.recordId === offerId).map((r) => [r.reason, r.detail]);
    /** A line of a product as the app adds it from the catalog on `l`. */
    const productLine = async (l: Laptop, sku: string, qty = 1): Promise<OfferLine> => {
      const p = (await l.db.products.toArray()).find((x) => x.sku === sku)!;
      return { id: crypto.randomUUID(), productId: p.id, sku: p.sku, name: p.name, unit: p.unit, qty, manualDiscountBp: 0, pricing: null, stockNote: '' };
    };
    /** Anna's draft for `client` with one line of each SKU, priced on her laptop now. */
    const draft = async (l: Laptop, clientId: string, skus: string[]) => {
      const offer = await createOffer({ clientId, paymentText }, l.db);
      return saveOfferDraft(offer.id, { ...offer, lines: await Promise.all(skus.map((s) => productLine(l, s))) }, l.db);
    };

    beforeAll(async () => {
      await test.db.query(`UPDATE users SET discount_limit_pct = CASE WHEN role = 'manager' THEN 10 ELSE 25 END`);
      // The catalog a year and more ago, and its prices then; the drill went up 300 days ago.
      const t0 = Date.now() - 400 * DAY;
      await importCatalog(test.db, parseCatalogCsv(CATALOG, 'catalog.csv'), t0);
      await importPricesAt(test.db, ['DRL-1,wholesale,EUR,80.00', 'DRL-2,wholesale,EUR,200.00', 'SCR-1,wholesale,EUR,10.00', 'CBL-1,wholesale,EUR,2.00', 'SAW-1,wholesale,EUR,90.00'], t0);
      await importGroupDiscounts(test.db, parseGroupDiscountsCsv('group,discount,price_type\nFasteners > Screws,5,wholesale', 'discounts.csv'), t0);
      await importPricesAt(test.db, ['DRL-1,wholesale,EUR,100.00'], Date.now() - 300 * DAY);
    });

    it('the attack from the review: a list price of 0.01 and a 99 % group discount needs approval; submitted and approved by the head, it goes out', async () => {
      const client = await companyClient(test.db, test.team.anna);
      const anna = await laptop('anna', 'anna-attack');
      await anna.sync();
      const offer = await draft(anna, client.id, ['DRL-1']);
      expect(offer.lines[0]!.pricing).toMatchObject({ listUnitPrice: 10_000, autoDiscounts: [{ source: 'standing', discountBp: 300 }] });
      await anna.sync();
      const cheap: OfferLine[] = [{ ...offer.lines[0]!, pricing: { ...offer.lines[0]!.pricing!, listUnitPrice: 1, autoDiscounts: [{ source: 'group', discountBp: 9_900 }] } }];
      await forgeChange(anna, 'offers', offer.id, { status: 'sent', lines: cheap });
      expect((await anna.sync()).rejected).toBe(1);
      expect(await refusals(anna, offer.id)).toEqual([['offer_rule', 'needs_approval']]);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'draft', lines: offer.lines });
      // The same lines submitted for approval: the head of sales sees them and approves.
      await forgeChange(anna, 'offers', offer.id, { status: 'awaiting_approval', lines: cheap });
      expect((await anna.sync()).rejected).toBe(0);
      const head = await laptop('head', 'head-attack');
      await head.sync();
      expect((await head.db.offers.get(offer.id))?.lines[0]?.pricing?.listUnitPrice).toBe(1);
      await offerAction(offer.id, 'approve', 'A sample for the trade fair', head.db);
      expect((await head.sync()).rejected).toBe(0);
      await anna.sync();
      expect((await anna.db.offers.get(offer.id))?.status).toBe('approved');
      await sendOffer(offer.id, how, anna.db);
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'sent', lines: cheap });
    });

    it('priced from yesterday’s list, after an import raised the price: sends fine, also from a laptop offline since before the import', async () => {
      const client = await companyClient(test.db, test.team.anna);
      const anna = await laptop('anna', 'anna-raised');
      await anna.sync();
      const before = await draft(anna, client.id, ['DRL-2']);
      await anna.sync();
      // The evening's import raises the hammer drill from 200.00 to 250.00; Anna, offline, sends
      // the offer she priced before it, and prices and sends another from the list she has.
      await importPricesAt(test.db, ['DRL-2,wholesale,EUR,250.00'], Date.now());
      const after = await draft(anna, client.id, ['DRL-2']);
      expect(after.lines[0]!.pricing).toMatchObject({ listUnitPrice: 20_000 });
      await sendOffer(before.id, how, anna.db);
      await sendOffer(after.id, how, anna.db);
      // A tampered line priced now at the old price, from a laptop that has the new one, does not pass.
      const other = await laptop('anna', 'anna-raised-2');
      await other.sync();
      const third = await draft(other, client.id, ['DRL-2']);
      expect(third.lines[0]!.pricing).toMatchObject({ listUnitPrice: 25_000 });
      await other.sync();
      await forgeChange(other, 'offers', third.id, { status: 'sent', lines: [{ ...third.lines[0]!, pricing: { ...third.lines[0]!.pricing!, listUnitPrice: 20_000 } }] });
      expect((await anna.sync()).rejected).toBe(0);
      expect((await other.sync()).rejected).toBe(1);
      expect(await serverOffer(before.id)).toMatchObject({ status: 'sent' });
      expect(await serverOffer(after.id)).toMatchObject({ status: 'sent' });
      expect(await refusals(other, third.id)).toEqual([['offer_rule', 'needs_approval']]);
    });

    it('priced at the old, higher price before an import lowered it: sends fine; a price below the new one does not', async () => {
      const client = await companyClient(test.db, test.team.anna);
      const anna = await laptop('anna', 'anna-lowered');
      await anna.sync();
      const offer = await draft(anna, client.id, ['SCR-1']);
      expect(offer.lines[0]!.pricing).toMatchObject({ listUnitPrice: 1_000, autoDiscounts: [{ source: 'group', discountBp: 500 }] });
      await anna.sync();
      await importPricesAt(test.db, ['SCR-1,wholesale,EUR,8.00'], Date.now());
      const cheaper = await draft(anna, client.id, ['SCR-1']);
      await anna.sync(); // the new price comes; the first offer keeps the old one (a draft is priced when it changes)
      await forgeChange(anna, 'offers', cheaper.id, { status: 'sent', lines: [{ ...cheaper.lines[0]!, pricing: { ...cheaper.lines[0]!.pricing!, listUnitPrice: 799, pricedAt: new Date().toISOString() } }] });
      await forgeChange(anna, 'offers', offer.id, { status: 'sent' });
      expect((await anna.sync()).rejected).toBe(1);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'sent', lines: [expect.objectContaining({ pricing: expect.objectContaining({ listUnitPrice: 1_000 }) })] });
      expect(await refusals(anna, cheaper.id)).toEqual([['offer_rule', 'needs_approval']]);
    });

    it('a pricedAt a year back naming a cheaper price of the time needs approval', async () => {
      const client = await companyClient(test.db, test.team.anna);
      const anna = await laptop('anna', 'anna-year');
      await anna.sync();
      const offer = await draft(anna, client.id, ['DRL-1']);
      await anna.sync();
      const yearAgo = new Date(Date.now() - 365 * DAY).toISOString();
      // The drill cost 80.00 until 300 days ago, 100.00 since.
      await forgeChange(anna, 'offers', offer.id, { status: 'sent', lines: [{ ...offer.lines[0]!, pricing: { ...offer.lines[0]!.pricing!, listUnitPrice: 8_000, pricedAt: yearAgo } }] });
      expect((await anna.sync()).rejected).toBe(1);
      expect(await refusals(anna, offer.id)).toEqual([['offer_rule', 'needs_approval']]);
      // The same date on today's price is only a wrong clock: it goes out.
      await forgeChange(anna, 'offers', offer.id, { status: 'sent', lines: [{ ...offer.lines[0]!, pricing: { ...offer.lines[0]!.pricing!, pricedAt: yearAgo } }] });
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'sent' });
    });

    it('a manager raising a client’s standing discount above their limit: the laptop and the server ask for an approval', async () => {
      const client = await companyClient(test.db, test.team.anna);
      const anna = await laptop('anna', 'anna-standing');
      await anna.sync();
      // 20 % on the client card, above Anna's 10 %: on the saw, which has no group discount.
      await updateClient(client.id, inputOf({ ...(await anna.db.clients.get(client.id))!, discountPct: 20 }), anna.db);
      await anna.sync();
      const offer = await draft(anna, client.id, ['SAW-1']);
      expect(offer.lines[0]!.pricing?.autoDiscounts).toEqual([{ source: 'standing', discountBp: 2_000 }]);
      await expect(sendOffer(offer.id, how, anna.db)).rejects.toMatchObject({ reason: 'outside_rules' });
      // A tampered laptop sends it anyway: the server asks for the approval.
      await anna.sync();
      await forgeChange(anna, 'offers', offer.id, { status: 'sent' });
      expect((await anna.sync()).rejected).toBe(1);
      expect(await refusals(anna, offer.id)).toEqual([['offer_rule', 'needs_approval']]);
      // The app way: submitted, approved by the head of sales, sent.
      await anna.db.rejected.clear();
      await offerAction(offer.id, 'submit_for_approval', '', anna.db);
      expect((await anna.sync()).rejected).toBe(0);
      const head = await laptop('head', 'head-standing');
      await head.sync();
      await offerAction(offer.id, 'approve', '', head.db);
      await head.sync();
      await anna.sync();
      await sendOffer(offer.id, how, anna.db);
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'sent' });
      // Set by the head of sales, the same 20 % is the client's term: Anna's next offer goes out.
      await updateClient(client.id, inputOf({ ...(await head.db.clients.get(client.id))!, discountPct: 20.5 }), head.db);
      await head.sync();
      await anna.sync();
      const next = await draft(anna, client.id, ['SAW-1']);
      await sendOffer(next.id, how, anna.db);
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(next.id)).toMatchObject({ status: 'sent' });
    });

    it('an offer the server refused (the head lowered the client’s discount meanwhile) goes for approval from the laptop, as it was sent', async () => {
      const client = await companyClient(test.db, test.team.anna, { discountPct: 8 });
      const anna = await laptop('anna', 'anna-refused');
      await anna.sync();
      const offer = await draft(anna, client.id, ['CBL-1']);
      // The head of sales lowers the client's discount to 2 %; Anna, offline, sends at 8 %.
      const head = await laptop('head', 'head-refused');
      await head.sync();
      await updateClient(client.id, inputOf({ ...(await head.db.clients.get(client.id))!, discountPct: 2 }), head.db);
      await head.sync();
      await sendOffer(offer.id, how, anna.db);
      expect((await anna.sync()).rejected).toBe(1);
      expect(await refusals(anna, offer.id)).toEqual([['offer_rule', 'needs_approval']]);
      expect((await anna.db.offers.get(offer.id))?.status).toBe('sent'); // on the laptop, until the person acts
      const submitted = await submitRefusedOffer(offer.id, anna.db);
      expect(submitted).toMatchObject({ status: 'awaiting_approval', lines: offer.lines });
      expect(submitted.history.map((h) => h.status)).toEqual(['draft', 'awaiting_approval']);
      expect(await anna.db.rejected.count()).toBe(0);
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'awaiting_approval', lines: offer.lines });
      await head.sync();
      await offerAction(offer.id, 'approve', 'Keep the 8 % this once', head.db);
      await head.sync();
      await anna.sync();
      await sendOffer(offer.id, how, anna.db);
      expect((await anna.sync()).rejected).toBe(0);
      expect(await serverOffer(offer.id)).toMatchObject({ status: 'sent' });
    });
  });
}
