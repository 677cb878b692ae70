/**
 * Products' names in other languages (core/pricing/catalog-model.ts `names`), on both backends:
 * the catalog import's `name_<language>` columns set them, an empty cell removes one language, a
 * language without a column keeps its name, a file without such columns leaves them all; a bad
 * one is named with its line; products without names stay valid; and every laptop receives them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { productFieldsSchema } from '../../core/pricing/catalog-model';
import { createUser } from '../auth/users';
import { runCli } from '../cli';
import type { SqlDb } from '../db/sql-db';
import type { SyncUser } from '../sync/sql';
import { csvFile, io, pullFrom, record } from '../test/admin-helpers';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { nameColumnLanguage } from './import-catalog';

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

describe('name_<language> columns', () => {
  it('name the language of the name they hold', () => {
    expect(nameColumnLanguage('name_hu')).toBe('hu');
    expect(nameColumnLanguage('name_ru')).toBe('ru');
    expect(nameColumnLanguage('name_pt_br')).toBe('pt-BR');
    expect(nameColumnLanguage('name_es_419')).toBe('es-419');
    for (const column of ['name', 'name_', 'name_english', 'name_h', 'names_hu', 'name_hu_x', 'sku_hu']) expect(nameColumnLanguage(column), column).toBeNull();
  });
});

for (const backend of BACKENDS) {
  describeBackend(backend)(`product names per language on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let anna: SyncUser;

    beforeAll(async () => {
      await createUser(test.db, { login: 'head', displayName: 'Head', role: 'head_of_sales', password: 'long enough' }, FAST);
      const a = await createUser(test.db, { login: 'anna', displayName: 'Anna', role: 'manager', head: 'head', password: 'long enough' }, FAST);
      anna = { id: a.id, role: 'manager', displayName: 'Anna' };
    });

    it('sets, keeps and removes a product’s names per language, and products without any stay valid', async () => {
      const first = await importCatalog(test.db, ['sku,name,unit,vat_rate', 'DRL-1,Cordless drill,pcs,20'].join('\n'));
      expect(first.code, first.err.join('\n')).toBe(0);
      const plain = await productBySku(test.db, 'DRL-1');
      expect('names' in plain.data).toBe(false);
      expect(productFieldsSchema.safeParse(plain.data).success).toBe(true);

      const named = await importCatalog(
        test.db,
        ['sku,name,unit,vat_rate,Name HU,name_ru,name_pt-BR', 'DRL-1,Cordless drill,pcs,20,Akkus fúró,Дрель,Furadeira', 'SAW-1,Circular saw,pcs,20,,,'].join('\n'),
      );
      expect(named.code, named.err.join('\n')).toBe(0);
      expect(named.out.join('\n')).not.toContain('Columns not used');
      expect((await productBySku(test.db, 'DRL-1')).data.names).toEqual({ hu: 'Akkus fúró', ru: 'Дрель', 'pt-BR': 'Furadeira' });
      // A new product with every cell empty gets no names at all.
      expect('names' in (await productBySku(test.db, 'SAW-1')).data).toBe(false);
      for (const sku of ['DRL-1', 'SAW-1']) expect(productFieldsSchema.safeParse((await productBySku(test.db, sku)).data).success).toBe(true);

      // An empty cell removes its language; a language without a column keeps its name.
      const before = (await productBySku(test.db, 'DRL-1')).seq;
      expect((await importCatalog(test.db, ['sku,name,unit,vat_rate,name_hu,name_ru', 'DRL-1,Cordless drill,pcs,20,,Дрель аккумуляторная'].join('\n'))).code).toBe(0);
      expect((await productBySku(test.db, 'DRL-1')).data.names).toEqual({ ru: 'Дрель аккумуляторная', 'pt-BR': 'Furadeira' });
      expect((await productBySku(test.db, 'DRL-1')).seq).toBeGreaterThan(before);

      // A file without name columns, and the same file again, leave them as they are (nothing written).
      const unchanged = (await productBySku(test.db, 'DRL-1')).seq;
      expect((await importCatalog(test.db, ['sku,name,unit,vat_rate', 'DRL-1,Cordless drill,pcs,20'].join('\n'))).code).toBe(0);
      expect((await importCatalog(test.db, ['sku,name,unit,vat_rate,name_ru', 'DRL-1,Cordless drill,pcs,20,Дрель аккумуляторная'].join('\n'))).code).toBe(0);
      expect(await productBySku(test.db, 'DRL-1')).toMatchObject({ seq: unchanged, data: { names: { ru: 'Дрель аккумуляторная', 'pt-BR': 'Furadeira' } } });
    });

    it('names a name too long with its line and writes nothing of the file; a column that names no language is reported unused', async () => {
      const bad = await importCatalog(test.db, ['sku,name,unit,vat_rate,name_hu', `DRL-1,Cordless drill,pcs,20,Akkus fúró`, `SAW-1,Circular saw,pcs,20,${'x'.repeat(301)}`].join('\n'));
      expect(bad.code).not.toBe(0);
      expect(bad.err.join('\n')).toContain('line 3');
      expect(bad.err.join('\n')).toContain('name_hu');
      expect((await productBySku(test.db, 'DRL-1')).data.names).not.toHaveProperty('hu');

      const odd = await importCatalog(test.db, ['sku,name,unit,vat_rate,name_english', 'DRL-1,Cordless drill,pcs,20,Cordless drill'].join('\n'));
      expect(odd.code).toBe(0);
      expect(odd.out.join('\n')).toContain('Columns not used: name_english');
    });

    it('sends the names to every laptop, a manager’s too', async () => {
      const products = (await pullFrom(test.db, anna, 0)).records.filter((r) => r.table === 'products');
      expect(products.find((p) => p.data.sku === 'DRL-1')?.data.names).toEqual({ ru: 'Дрель аккумуляторная', 'pt-BR': 'Furadeira' });
    });
  });
}
