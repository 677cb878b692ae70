import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SEED, demoCompanyProfile, generateProductBatch } from '../../../../core/demo-data';
import { COMPANY_PROFILE_ID, type CatalogProduct } from '../../../../core/pricing/catalog-model';
import type { SyncRecord } from '../../../../core/sync/protocol';
import { catalogIndex } from './catalog-index';
import { useLanguage } from '../../i18n/language';
import { findProductBySku, loadPricingCatalog, searchProducts } from './catalog';
import { FieldbookDb } from '../db';
import { seedDemoCatalog } from '../demo/demo-catalog-seed';
import { applyRecords, applyTables } from '../sync/sync-store';

const SIZE = 120;
const demo = generateProductBatch({ seed: DEMO_SEED, start: 0, count: SIZE, total: SIZE });
const STAMP = '001772211600000-00000-ffffffffffffffff';

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  catalogIndex(db).close();
  await db.delete();
});

const markDemoLaptop = () => db.meta.put({ key: 'demoSeeded', value: 40 });

/** A product as a sync page brings it (the server's fields, one stamp). */
function pulled(p: CatalogProduct, patch: Partial<CatalogProduct> = {}, deleted = false): SyncRecord {
  const { id, updatedAt: _at, ...fields } = { ...p, ...patch };
  return { table: 'products', id, data: { ...fields, _deleted: deleted }, stamps: { '*': STAMP }, seq: 1 };
}

const sync = (records: SyncRecord[]) => db.transaction('rw', applyTables(db), () => applyRecords(db, records));

describe('the demo catalog on a laptop', () => {
  it('is seeded on a demo laptop with the generator’s records and ids, and finished after an interruption', async () => {
    await markDemoLaptop();
    await seedDemoCatalog(db, SIZE);
    expect(await db.products.count()).toBe(SIZE);
    expect(await db.stock.count()).toBe(SIZE);
    expect(await db.prices.count()).toBe(demo.prices.length);
    expect(await db.products.get(demo.products[17]!.id)).toEqual(demo.products[17]);
    expect(await db.prices.get(demo.prices[40]!.id)).toEqual(demo.prices[40]);
    expect((await db.company.get(COMPANY_PROFILE_ID))?.logo).toBe(demoCompanyProfile().logo);
    expect(await db.productGroups.count()).toBeGreaterThan(20);

    // Stopped half-way (the window closed): the next start writes the rest.
    await db.products.bulkDelete(demo.products.slice(100).map((p) => p.id));
    await db.meta.put({ key: 'demoCatalog', value: { size: SIZE, done: 100 } });
    await seedDemoCatalog(db, 999);
    expect(await db.products.count()).toBe(SIZE);
  });

  it('is not seeded on a laptop without the demo base, nor over a catalog that came by sync', async () => {
    await seedDemoCatalog(db, SIZE);
    expect(await db.products.count()).toBe(0);
    await markDemoLaptop();
    await sync([pulled(demo.products[0]!)]);
    await seedDemoCatalog(db, SIZE);
    expect(await db.products.count()).toBe(1);
  });
});

describe('the catalog data layer', () => {
  beforeEach(async () => {
    await markDemoLaptop();
    await seedDemoCatalog(db, SIZE);
  });

  it('searches in memory and returns whole products with their stock', async () => {
    const target = demo.products.find((p) => !p.discontinued)!;
    const hits = await searchProducts(target.sku, {}, db);
    expect(hits[0]!.product).toEqual(target);
    expect(hits[0]!.stock).toEqual(demo.stock.find((s) => s.id === target.id));
    expect(await searchProducts('', { limit: 5 }, db)).toHaveLength(5);
    const inStock = await searchProducts('', { inStockOnly: true, limit: 1000 }, db);
    expect(inStock.every((h) => (h.stock?.available ?? 0) > 0)).toBe(true);
    expect(inStock.some((h) => h.product.discontinued)).toBe(false);
    expect((await findProductBySku(target.sku.toLowerCase(), db))?.id).toBe(target.id);
  });

  it('follows what sync writes: renamed, new, deleted products and stock, point by point or in bulk', async () => {
    const index = catalogIndex(db);
    await index.ready();
    const [a, b, c] = demo.products.slice(0, 10).filter((p) => !p.discontinued);
    const added: CatalogProduct = { ...b!, id: crypto.randomUUID(), sku: 'NEW-42', name: 'Quuxbar widget', analogueIds: [] };
    await sync([pulled(a!, { name: 'Zyxwv renamed' }), pulled(added), pulled(c!, {}, true)]);
    await db.stock.put({ ...demo.stock.find((s) => s.id === a!.id)!, available: 0, updatedAt: '2026-03-01T00:00:00.000Z' });
    await index.settled();
    expect((await searchProducts('zyxwv', {}, db)).map((h) => h.product.id)).toEqual([a!.id]);
    expect((await searchProducts('quuxbar', {}, db)).map((h) => h.product.sku)).toEqual(['NEW-42']);
    expect(await searchProducts(c!.sku, {}, db)).toEqual([]);
    expect((await searchProducts('zyxwv', { inStockOnly: true }, db)).length).toBe(0);

    // A sync page of many records names no keys (a range): the table is read again.
    await sync(demo.products.slice(20, 100).map((p) => pulled(p, { name: `${p.name} Mk2` })));
    await index.settled();
    expect((await searchProducts('mk2', { includeDiscontinued: true, limit: 1000 }, db)).length).toBe(80);
    expect(index.search.size).toBe(SIZE); // one added, one deleted
  });

  it('names products in the UI’s language where the catalog has the name, and follows a switch of the language', async () => {
    await sync(demo.products.map((p) => pulled(p)));
    const index = catalogIndex(db);
    await index.ready();
    const target = demo.products.find((p) => !p.discontinued)!;
    const nameOf = (id: string) => index.search.getRow(id)!.name;
    expect(nameOf(target.id)).toBe(target.name);
    useLanguage.setState({ language: 'ru' });
    try {
      await index.settled();
      expect(nameOf(target.id)).toBe(target.names!.ru);
      const word = target.names!.ru!.split(' ')[0]!;
      expect((await searchProducts(word, { limit: 1000 }, db)).map((h) => h.product.id)).toContain(target.id);
      // The product's own name stays searchable.
      expect((await searchProducts(target.name, {}, db)).map((h) => h.product.id)).toContain(target.id);
      // A name in the language that arrives later renames the row; one without stays as it is named.
      await sync([pulled(target, { names: { ru: 'Переименованный товар' } })]);
      await index.settled();
      expect(nameOf(target.id)).toBe('Переименованный товар');
      await sync([pulled(target, { names: {} })]);
      await index.settled();
      expect(nameOf(target.id)).toBe(target.name);
    } finally {
      useLanguage.setState({ language: 'en' });
    }
    await index.settled();
    expect(index.search.getRow(demo.products[1]!.id)!.name).toBe(demo.products[1]!.name);
  });

  it('loads what pricing needs for an offer’s products', async () => {
    const ids = demo.products.slice(0, 3).map((p) => p.id);
    const catalog = await loadPricingCatalog(ids, { id: 'client-1', priceType: 'wholesale', groupDiscounts: [{ groupId: demo.products[0]!.groupId!, discountBp: 500 }] }, db);
    expect(catalog.products.size).toBe(3);
    // The client's price type in each of the 7 currencies; the other price types are not read.
    expect(catalog.prices.size).toBe(3 * 7);
    expect([...catalog.prices.values()].every((p) => p.priceType === 'wholesale')).toBe(true);
    expect(catalog.clientGroupDiscounts.get(`client-1|${demo.products[0]!.groupId}`)).toBe(500);
  });
});
