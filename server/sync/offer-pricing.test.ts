/**
 * The history the catalog imports keep (pricing-history.ts) and the server's check of an offer's
 * prices against the rules in force when its lines were priced (offer-pricing.ts), on both
 * backends: what passes (the rules at the line's pricedAt, at the laptop's catalog, now), what
 * does not (a cheaper price from a year ago, a future date, a discount nobody gave).
 */
import { beforeAll, expect, it } from 'vitest';
import { blankClientInput, type Client } from '../../core/client-model';
import type { OfferLine } from '../../core/offers/offer-model';
import { createUser } from '../auth/users';
import type { SqlDb } from '../db/sql-db';
import { importCatalog, parseCatalogCsv } from '../admin/import-catalog';
import { importGroupDiscounts, parseGroupDiscountsCsv } from '../admin/import-group-discounts';
import { importPrices, parsePricesCsv } from '../admin/import-prices';
import { topSeq } from '../test/admin-helpers';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { clientRow } from './client-records';
import { offerLinesOutsideRules, PRICED_AT_MAX_AGE_MS } from './offer-pricing';
import { bulkInsertRows, serverStamp } from './records';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-23T08:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const CLIENT = 'e0000000-0000-4000-8000-0000000000c1';

const CATALOG = ['sku,name,unit,vat_rate,group', 'DRL-1,Cordless drill,pcs,20,Tools > Drills', 'SCR-1,Wood screws,box,20,Fasteners > Screws', 'CBL-1,Copper cable,m,20,Electrical'].join('\n');
const prices = (rows: string[]) => parsePricesCsv(['sku,price_type,currency,price,min_qty', ...rows].join('\n'), 'prices.csv');
const discounts = (rows: string[]) => parseGroupDiscountsCsv(['group,discount,price_type,client_id', ...rows].join('\n'), 'discounts.csv');

for (const backend of BACKENDS) {
  describeBackend(backend)(`offer prices against the rules in force on ${backend}`, () => {
    const test = useTestDatabase(backend);
    const ids: Record<string, string> = {};
    let head = '';
    let anna = '';
    /** The change number after the import of NOW − 300 days, before the raise of NOW − 2 days. */
    let cursorBeforeRaise = 0;
    let lineNo = 0;

    /** A line as a laptop prices it: the product's texts, one quantity, a snapshot. */
    const line = (sku: string, listUnitPrice: number, pricedAt: string, extra: Partial<NonNullable<OfferLine['pricing']>> & { qty?: number } = {}): OfferLine => {
      const { qty = 1, ...pricing } = extra;
      const texts: Record<string, [string, string]> = { 'DRL-1': ['Cordless drill', 'pcs'], 'SCR-1': ['Wood screws', 'box'], 'CBL-1': ['Copper cable', 'm'] };
      const [name, unit] = texts[sku] ?? ['?', 'pcs'];
      return { id: `line-${++lineNo}`, productId: ids[sku] ?? sku, sku, name, unit, qty, manualDiscountBp: 0, stockNote: '', pricing: { listUnitPrice, listIncludesVat: false, autoDiscounts: [], vatRateBp: 2000, pricedAt, ...pricing } };
    };
    const check = (lines: OfferLine[], opts: { cursor?: number; now?: number } = {}) =>
      test.db.transaction((tx) => offerLinesOutsideRules(tx, { offer: { clientId: CLIENT, currency: 'EUR', lines }, now: opts.now ?? NOW, cursor: opts.cursor }));
    const reasons = async (lines: OfferLine[], opts: { cursor?: number; now?: number } = {}) => {
      const outside = await check(lines, opts);
      return lines.map((l) => outside.find((o) => o.id === l.id)?.reason ?? null);
    };
    const setClient = async (db: SqlDb, patch: Partial<Client>, authors: Record<string, string> = {}) => {
      await db.query(`UPDATE records SET data = data || $2::jsonb, authors = $3::jsonb WHERE tbl = 'clients' AND id = $1::uuid`, [CLIENT, JSON.stringify(patch), JSON.stringify(authors)]);
    };

    beforeAll(async () => {
      const db = test.db;
      head = (await createUser(db, { login: 'head', displayName: 'Helena Head', role: 'head_of_sales', password: 'long enough' }, { logN: 10, r: 8, p: 1 })).id;
      anna = (await createUser(db, { login: 'anna', displayName: 'Anna Berger', role: 'manager', head: 'head', discountLimitPct: 10, password: 'long enough' }, { logN: 10, r: 8, p: 1 })).id;
      const client: Client = { ...blankClientInput(anna), id: CLIENT, name: 'Wholesale Kft', priceType: 'wholesale', discountPct: 3, currency: 'EUR', creditLimit: 0, receivables: null, createdAt: ago(500 * DAY), updatedAt: ago(500 * DAY), archivedAt: null };
      await db.transaction((tx) => bulkInsertRows(tx, [clientRow(client, serverStamp(NOW - 500 * DAY))]));
      // A year and more ago: the catalog, its prices and discounts.
      await importCatalog(db, parseCatalogCsv(CATALOG, 'catalog.csv'), NOW - 400 * DAY);
      for (const r of await db.query<{ id: string; sku: string }>(`SELECT id::text AS id, data->>'sku' AS sku FROM records WHERE tbl = 'products'`)) ids[r.sku] = r.id;
      await importPrices(db, prices(['DRL-1,wholesale,EUR,100.00,1', 'DRL-1,retail,EUR,180.00,1', 'SCR-1,wholesale,EUR,10.00,1', 'SCR-1,wholesale,EUR,9.00,10', 'CBL-1,wholesale,EUR,2.00,1']), NOW - 400 * DAY);
      await importGroupDiscounts(db, discounts(['Fasteners > Screws,5,wholesale,', `Fasteners > Screws,15,,${CLIENT}`]), NOW - 400 * DAY);
      await importPrices(db, prices(['DRL-1,wholesale,EUR,120.00,1']), NOW - 300 * DAY);
      cursorBeforeRaise = await topSeq(db);
      // The day before yesterday the drill went up, the client lost its own discount on screws and
      // cable's VAT went down; yesterday the screws got cheaper.
      await importPrices(db, prices(['DRL-1,wholesale,EUR,150.00,1']), NOW - 2 * DAY);
      await importGroupDiscounts(db, discounts([`Fasteners > Screws,0,,${CLIENT}`]), NOW - 2 * DAY);
      await importCatalog(db, parseCatalogCsv(CATALOG.replace('Copper cable,m,20', 'Copper cable,m,5'), 'catalog.csv'), NOW - 2 * DAY);
      await importPrices(db, prices(['SCR-1,wholesale,EUR,8.00,1', 'SCR-1,wholesale,EUR,7.00,10']), NOW - DAY);
    });

    it('the imports keep what they replace, with the period it was in force and the change that replaced it', async () => {
      const rows = await test.db.query<{ data: { breaks?: unknown } | null; valid_from: Date | null; valid_to: Date; seq: number }>(
        `SELECT h.data, h.valid_from, h.valid_to, h.seq::float8 AS seq FROM pricing_history h JOIN records r ON r.tbl = h.tbl AND r.id = h.id
          WHERE h.tbl = 'prices' AND r.data->>'productId' = $1 AND r.data->>'priceType' = 'wholesale' ORDER BY h.valid_to`,
        [ids['DRL-1']],
      );
      expect(rows.map((r) => [r.data?.breaks ?? null, r.valid_from && new Date(r.valid_from).getTime(), new Date(r.valid_to).getTime()])).toEqual([
        [null, null, NOW - 400 * DAY], // it did not exist before its first import
        [[{ minQty: 1, unitPrice: 10_000 }], NOW - 400 * DAY, NOW - 300 * DAY],
        [[{ minQty: 1, unitPrice: 12_000 }], NOW - 300 * DAY, NOW - 2 * DAY],
      ]);
      expect(rows[2]!.seq).toBeGreaterThan(cursorBeforeRaise);
      // The product's VAT rate, the price type's and the client's own group discounts too.
      const kept = await test.db.query<{ tbl: string; data: Record<string, unknown> | null }>(`SELECT tbl, data FROM pricing_history WHERE data IS NOT NULL AND tbl <> 'prices' ORDER BY valid_to`);
      expect(kept).toEqual(
        expect.arrayContaining([
          { tbl: 'products', data: expect.objectContaining({ sku: 'CBL-1', vatRateBp: 2000 }) },
          { tbl: 'clients', data: { groupDiscounts: [{ groupId: expect.any(String), discountBp: 1500 }] } },
        ]),
      );
      // Importing the same file again keeps nothing more.
      const before = await test.db.query(`SELECT count(*)::int AS n FROM pricing_history`);
      await importPrices(test.db, prices(['SCR-1,wholesale,EUR,8.00,1', 'SCR-1,wholesale,EUR,7.00,10']), NOW - DAY / 2);
      expect(await test.db.query(`SELECT count(*)::int AS n FROM pricing_history`)).toEqual(before);
    });

    it('passes a line priced by the rules now, or at its pricedAt within the window; refuses a cheaper one priced since', async () => {
      expect(await reasons([line('DRL-1', 15_000, ago(0)), line('DRL-1', 12_000, ago(3 * DAY)), line('DRL-1', 12_000, ago(60 * 60 * 1000))])).toEqual([null, null, 'lower_price']);
      // Priced from yesterday's list when it was dearer: the client gets less than the rules give, fine.
      expect(await reasons([line('SCR-1', 1_000, ago(3 * DAY)), line('SCR-1', 1_000, ago(0)), line('SCR-1', 800, ago(0), { autoDiscounts: [{ source: 'group', discountBp: 500 }] })])).toEqual([null, null, null]);
      // The quantity break is the line's.
      expect(await reasons([line('SCR-1', 700, ago(0), { qty: 10 }), line('SCR-1', 700, ago(0), { qty: 9 })])).toEqual([null, 'lower_price']);
    });

    it('judges a line the laptop priced from the catalog it held (its pull cursor) when that was in force within the window', async () => {
      // Offline since before the raise, the laptop priced today from the list it had.
      expect(await reasons([line('DRL-1', 12_000, ago(60 * 60 * 1000))], { cursor: cursorBeforeRaise })).toEqual([null]);
      // A cursor from before everything names a catalog replaced long before the window.
      expect(await reasons([line('DRL-1', 10_000, ago(60 * 60 * 1000))], { cursor: 0 })).toEqual(['lower_price']);
      expect(await reasons([line('DRL-1', 10_000, ago(60 * 60 * 1000))], { cursor: cursorBeforeRaise })).toEqual(['lower_price']);
      // A week later, the catalog before the raise is out of the window too.
      expect(await reasons([line('DRL-1', 12_000, ago(0))], { cursor: cursorBeforeRaise, now: NOW + PRICED_AT_MAX_AGE_MS })).toEqual(['lower_price']);
    });

    it('bounds pricedAt: a year back naming a cheaper price, or a date in the future, is judged at the push', async () => {
      expect(await reasons([line('DRL-1', 10_000, ago(365 * DAY)), line('DRL-1', 12_000, ago(100 * DAY)), line('DRL-1', 12_000, new Date(NOW + 30 * DAY).toISOString())])).toEqual([
        'lower_price',
        'lower_price',
        'lower_price',
      ]);
      // The same line priced within the window passes (the drill cost 120.00 until two days ago).
      expect(await reasons([line('DRL-1', 12_000, ago(PRICED_AT_MAX_AGE_MS - 60_000))])).toEqual([null]);
      expect(await reasons([line('DRL-1', 12_000, ago(PRICED_AT_MAX_AGE_MS + 60_000))])).toEqual(['lower_price']);
    });

    it('refuses the attack from the review, an unknown product, a wrong VAT rate, and judges VAT and group discounts at the line’s moment', async () => {
      expect(
        await reasons([
          line('DRL-1', 1, ago(0), { autoDiscounts: [{ source: 'group', discountBp: 9_900 }] }),
          line('DRL-1', 15_000, ago(0), { autoDiscounts: [{ source: 'group', discountBp: 9_900 }] }),
          { ...line('DRL-1', 15_000, ago(0)), productId: 'b0000000-0000-4000-8000-00000000dead' },
          { ...line('DRL-1', 15_000, ago(0)), productId: 'not an id' },
        ]),
      ).toEqual(['lower_price', 'larger_discount', 'unknown_product', 'unknown_product']);
      // Cable's VAT went from 20 % to 5 % two days ago; the client's own 15 % on screws ended then.
      expect(await reasons([line('CBL-1', 200, ago(3 * DAY)), line('CBL-1', 200, ago(0)), line('CBL-1', 200, ago(0), { vatRateBp: 500 })])).toEqual([null, 'vat_rate', null]);
      const own = { autoDiscounts: [{ source: 'group' as const, discountBp: 1_500 }] };
      expect(await reasons([line('SCR-1', 1_000, ago(3 * DAY), own), line('SCR-1', 800, ago(0), own)])).toEqual([null, 'larger_discount']);
    });

    it('holds the client card’s standing discount and price type to the authority of who set them', async () => {
      const standing = (pct: number) => line('DRL-1', 15_000, ago(0), { autoDiscounts: [{ source: 'standing', discountBp: pct * 100 }] });
      try {
        await setClient(test.db, { discountPct: 12 }, { discountPct: anna });
        expect(await reasons([standing(12)])).toEqual(['larger_discount']);
        await test.db.query(`UPDATE users SET discount_limit_pct = 12 WHERE id = $1::uuid`, [anna]);
        expect(await reasons([standing(12)])).toEqual([null]);
        await test.db.query(`UPDATE users SET discount_limit_pct = 10 WHERE id = $1::uuid`, [anna]);
        await setClient(test.db, { discountPct: 12 }, { discountPct: head });
        expect(await reasons([standing(12)])).toEqual([null]);
        await setClient(test.db, { discountPct: 12 }, { discountPct: 'f0000000-0000-4000-8000-00000000f00d' });
        expect(await reasons([standing(12)])).toEqual(['larger_discount']);
        // A price type a manager gave: the retail list (180.00) is the one the rules give.
        await setClient(test.db, { discountPct: 3 }, { priceType: anna });
        expect(await reasons([line('DRL-1', 15_000, ago(0)), line('DRL-1', 18_000, ago(0))])).toEqual(['lower_price', null]);
        await setClient(test.db, { discountPct: 3 }, { priceType: head });
        expect(await reasons([line('DRL-1', 15_000, ago(0))])).toEqual([null]);
      } finally {
        await setClient(test.db, { discountPct: 3 }, {});
      }
    });
  });
}
