/**
 * Products' cost prices (core/pricing/catalog-model.ts `cost`), on both backends: the catalog
 * import's optional `cost` and `cost_currency` columns set them, a file without them leaves them,
 * a bad one is named with its line; products without a cost stay valid; and only heads of sales
 * and admins receive them (pull and snapshot), never a manager's laptop.
 */
import { beforeAll, expect, it } from 'vitest';
import { productFieldsSchema } from '../../core/pricing/catalog-model';
import { createUser } from '../auth/users';
import { runCli } from '../cli';
import type { SqlDb } from '../db/sql-db';
import { parsedAnswer, snapshot } from '../sync/pull';
import type { SyncUser } from '../sync/sql';
import { csvFile, io, pullFrom, record } from '../test/admin-helpers';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';

const FAST = { logN: 10, r: 8, p: 1 };

async function importCatalog(db: SqlDb, csv: string) {
  const r = io();
  const code = await runCli(['import-catalog', '--file', csvFile('catalog.csv', csv)], {}, r.io, db);
  return { code, out: r.out, err: r.err };
}

const productBySku = async (db: SqlDb, sku: string) => {
  const [row] = await db.query<{ id: string }>(`SELECT id::text AS id FROM records WHERE tbl = 'products' AND data->>'sku' = $1`, [sku]);
  return record(db, 'products', row!.id);
};

for (const backend of BACKENDS) {
  describeBackend(backend)(`product costs on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let head: SyncUser;
    let anna: SyncUser;

    beforeAll(async () => {
      const h = await createUser(test.db, { login: 'head', displayName: 'Head', role: 'head_of_sales', password: 'long enough' }, FAST);
      const a = await createUser(test.db, { login: 'anna', displayName: 'Anna', role: 'manager', head: 'head', password: 'long enough' }, FAST);
      head = { id: h.id, role: 'head_of_sales', displayName: 'Head' };
      anna = { id: a.id, role: 'manager', displayName: 'Anna' };
    });

    it('sets, keeps and removes a product’s cost from the catalog file, and old products without one stay valid', async () => {
      const first = await importCatalog(test.db, ['sku,name,unit,vat_rate', 'OLD-1,Old product,pcs,20'].join('\n'));
      expect(first.code, first.err.join('\n')).toBe(0);
      const old = await productBySku(test.db, 'OLD-1');
      expect('cost' in old.data).toBe(false);
      expect(productFieldsSchema.safeParse(old.data).success).toBe(true);

      const withCosts = await importCatalog(test.db, ['sku,name,unit,vat_rate,cost,cost_currency', 'OLD-1,Old product,pcs,20,12.50,gbp', 'NEW-1,New product,pcs,20,,', 'HUF-1,Forint product,pcs,27,1500,HUF'].join('\n'));
      expect(withCosts.code, withCosts.err.join('\n')).toBe(0);
      expect((await productBySku(test.db, 'OLD-1')).data.cost).toEqual({ amount: 1250, currency: 'GBP' });
      expect((await productBySku(test.db, 'NEW-1')).data.cost).toBeNull();
      expect((await productBySku(test.db, 'HUF-1')).data.cost).toEqual({ amount: 150_000, currency: 'HUF' });
      for (const sku of ['OLD-1', 'NEW-1', 'HUF-1']) expect(productFieldsSchema.safeParse((await productBySku(test.db, sku)).data).success).toBe(true);

      // A file without the column leaves the costs as they are.
      expect((await importCatalog(test.db, ['sku,name,unit,vat_rate', 'OLD-1,Old product renamed,pcs,20'].join('\n'))).code).toBe(0);
      expect((await productBySku(test.db, 'OLD-1')).data).toMatchObject({ name: 'Old product renamed', cost: { amount: 1250, currency: 'GBP' } });
    });

    it('names every bad cost with its line and writes nothing of the file', async () => {
      const bad = await importCatalog(
        test.db,
        ['sku,name,unit,vat_rate,cost,cost_currency', 'OLD-1,Old product,pcs,20,1.005,GBP', 'BAD-2,Two,pcs,20,12.50,ZZZ', 'BAD-3,Three,pcs,20,-3,GBP', 'BAD-4,Four,pcs,20,"1,234.50",GBP'].join('\n'),
      );
      expect(bad.code).not.toBe(0);
      const text = bad.err.join('\n');
      for (const line of [2, 3, 4, 5]) expect(text).toContain(`line ${line}`);
      expect(text).toContain('cost_currency');
      expect((await productBySku(test.db, 'OLD-1')).data.cost).toEqual({ amount: 1250, currency: 'GBP' });
      const noCurrency = await importCatalog(test.db, ['sku,name,unit,vat_rate,cost', 'OLD-1,Old product,pcs,20,9.99'].join('\n'));
      expect(noCurrency.code).not.toBe(0);
      expect(noCurrency.err.join('\n')).toContain('add a cost_currency column');
    });

    it('sends costs to heads of sales only: a manager’s pull and snapshot have products without them', async () => {
      const pulled = async (u: SyncUser) => (await pullFrom(test.db, u, 0)).records.filter((r) => r.table === 'products');
      const headsProducts = await pulled(head);
      const annasProducts = await pulled(anna);
      expect(headsProducts.find((p) => p.data.sku === 'OLD-1')?.data.cost).toEqual({ amount: 1250, currency: 'GBP' });
      expect(annasProducts.length).toBe(headsProducts.length);
      expect(annasProducts.every((p) => !('cost' in p.data) && !('cost' in p.stamps))).toBe(true);
      expect(annasProducts.find((p) => p.data.sku === 'OLD-1')?.data).toMatchObject({ name: 'Old product renamed', sku: 'OLD-1' });

      const snap = async (u: SyncUser) =>
        parsedAnswer(await snapshot(test.db, u, { schemaVersion: 3, owners: [], clientIds: [], shared: true, after: null, limit: 1000 })).records.filter((r) => r.table === 'products');
      expect((await snap(head)).some((p) => p.data.cost)).toBe(true);
      expect((await snap(anna)).some((p) => 'cost' in p.data)).toBe(false);
    });
  });
}
