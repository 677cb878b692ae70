/**
 * The catalog's admin commands (import-catalog, import-prices, import-stock,
 * import-group-discounts, set-company) and the demo catalog, on both backends: what they write,
 * that laptops pull it, that importing a file again changes nothing, and that a bad file writes
 * nothing and names every bad line.
 */
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_SEED, demoProductGroups, generateProductBatch } from '../../core/demo-data';
import { priceListEntryId, priceTypeGroupDiscountId } from '../../core/pricing/catalog-ids';
import { COMPANY_PROFILE_ID } from '../../core/pricing/catalog-model';
import { SYNCED_TABLES } from '../../core/sync/tables';
import { createUser } from '../auth/users';
import { runCli } from '../cli';
import type { SqlDb } from '../db/sql-db';
import { seedDemo } from '../demo';
import { bulkInsertRows, SERVER_NODE } from '../sync/records';
import type { SyncUser } from '../sync/sql';
import { csvFile, io, pullFrom, record, topSeq } from '../test/admin-helpers';
import { BACKENDS, describeBackend, useTestDatabase } from '../test/backends';
import { logoDataUrl, MAX_LOGO_BYTES } from './set-company';

const FAST = { logN: 10, r: 8, p: 1 };

async function cli(db: SqlDb, args: string[], stdin = '') {
  const r = io(stdin);
  const code = await runCli(args, {}, r.io, db);
  return { code, out: r.out, err: r.err };
}

/** Runs an import of `csv` that must succeed; returns what it printed. */
async function importOk(db: SqlDb, command: string, csv: string): Promise<string[]> {
  const r = await cli(db, [command, '--file', csvFile('in.csv', csv)]);
  expect(r.code, r.err.join('\n')).toBe(0);
  return r.out;
}

async function productId(db: SqlDb, sku: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(`SELECT id::text AS id FROM records WHERE tbl = 'products' AND upper(data->>'sku') = upper($1)`, [sku]);
  return row!.id;
}

const CATALOG = [
  'sku,name,unit,vat_rate,group,characteristics,analogues,description,discontinued',
  'DRL-1,Cordless drill 18 V,pcs,20,Power tools > Drills,"Voltage: 18 V | Battery: 4 Ah",DRL-2,An 18 V drill.,',
  'DRL-2,Дрель аккумуляторная 18 В,шт,20,Power tools > Drills,Напряжение: 18 В,DRL-1,,no',
  'CBL-1,Copper cable 3×1.5,m,20,Electrical > Cables,,,,',
  'INS-1,Mineral wool 100 mm,roll,"5,5",Building > Insulation,,,,yes',
].join('\n');

for (const backend of BACKENDS) {
  describeBackend(backend)(`catalog imports on ${backend}`, () => {
    const test = useTestDatabase(backend);
    let anna: SyncUser;

    beforeAll(async () => {
      await createUser(test.db, { login: 'head', displayName: 'Head', role: 'head_of_sales', password: 'long enough' }, FAST);
      const u = await createUser(test.db, { login: 'anna', displayName: 'Anna', role: 'manager', head: 'head', password: 'long enough' }, FAST);
      anna = { id: u.id, role: u.role, displayName: u.displayName };
    });

    it('import-catalog creates groups and products that every laptop pulls; the same file again writes nothing', async () => {
      const cursor = await topSeq(test.db);
      expect(await importOk(test.db, 'import-catalog', CATALOG)).toEqual([expect.stringMatching(/^Catalog from .*in\.csv: 4 products created, 0 updated, 0 unchanged; 6 product groups created\.$/)]);
      const drill = await record(test.db, 'products', await productId(test.db, 'DRL-1'));
      const russian = await productId(test.db, 'DRL-2');
      expect(drill).toMatchObject({ owner_id: null, client_id: null });
      expect(drill.data).toMatchObject({
        name: 'Cordless drill 18 V',
        unit: 'pcs',
        vatRateBp: 2000,
        characteristics: [
          { name: 'Voltage', value: '18 V' },
          { name: 'Battery', value: '4 Ah' },
        ],
        analogueIds: [russian],
        description: 'An 18 V drill.',
        discontinued: false,
        _deleted: false,
      });
      expect(drill.stamps['*']!.endsWith(SERVER_NODE)).toBe(true);
      const wool = await record(test.db, 'products', await productId(test.db, 'INS-1'));
      expect(wool.data).toMatchObject({ vatRateBp: 550, discontinued: true, analogueIds: [], characteristics: [] });
      // Valid as synced records, as a laptop checks what it pulls.
      expect(z.object(SYNCED_TABLES.products.fields).safeParse(drill.data).success).toBe(true);

      const pulled = await pullFrom(test.db, anna, cursor);
      const tables = pulled.records.map((r) => r.table);
      expect(tables.filter((t) => t === 'products')).toHaveLength(4);
      expect(tables.filter((t) => t === 'productGroups')).toHaveLength(6);
      const drills = pulled.records.find((r) => r.table === 'productGroups' && r.data.name === 'Drills')!;
      const power = pulled.records.find((r) => r.table === 'productGroups' && r.data.name === 'Power tools')!;
      expect(drills.data.parentId).toBe(power.id);
      expect(drill.data.groupId).toBe(drills.id);

      const top = await topSeq(test.db);
      expect(await importOk(test.db, 'import-catalog', CATALOG)).toEqual([expect.stringMatching(/: 0 products created, 0 updated, 4 unchanged; 0 product groups created\.$/)]);
      expect(await topSeq(test.db)).toBe(top);
    });

    it('import-catalog updates by SKU (any case) only what changed, and keeps the fields of absent columns', async () => {
      const id = await productId(test.db, 'DRL-1');
      const before = await record(test.db, 'products', id);
      const out = await importOk(test.db, 'import-catalog', '\uFEFFSKU;Name;Unit;VAT rate;Supplier\ndrl-1;Cordless drill driver 18 V;pcs;20;Brennmax\n');
      expect(out).toEqual([expect.stringMatching(/0 products created, 1 updated, 0 unchanged/), 'Columns not used: supplier.']);
      const after = await record(test.db, 'products', id);
      expect(after.data).toMatchObject({ sku: 'drl-1', name: 'Cordless drill driver 18 V', description: 'An 18 V drill.', groupId: before.data.groupId, analogueIds: before.data.analogueIds });
      expect(after.seq).toBeGreaterThan(before.seq);
      expect(after.stamps.name! > before.stamps['*']!).toBe(true);
      expect(after.stamps.description).toBeUndefined();
    });

    it('import-catalog writes nothing when any line is bad, and names every bad line', async () => {
      const top = await topSeq(test.db);
      const csv = [
        'sku,name,unit,vat_rate,characteristics,analogues,discontinued',
        'NEW-1,Fine,pcs,20,,,', // 2: fine
        ',No SKU,pcs,20,,,', // 3
        'NEW-3,,pcs,twenty,,,', // 4: two reasons
        'NEW-1,Again,pcs,20,,,', // 5
        'NEW-5,Chars,pcs,20,Voltage 18 V,,', // 6
        'NEW-6,Analogue,pcs,20,,NOPE-1,', // 7
        'NEW-7,Self,pcs,20,,NEW-7,', // 8
        'NEW-8,Flag,pcs,101,,,maybe', // 9
      ].join('\n');
      const r = await cli(test.db, ['import-catalog', '--file', csvFile('bad.csv', csv)]);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([
        'line 3: sku is empty',
        'line 4: name is empty',
        'line 4: vat_rate "twenty" is not a percentage like 20 or 5.5',
        'line 5: SKU "NEW-1" is also on line 2',
        'line 6: characteristics: "Voltage 18 V" is not "name: value" (characteristics are separated by |)',
        'line 7: analogue "NOPE-1" is neither in the catalog nor in this file',
        'line 8: analogues names the product itself',
        'line 9: vat_rate "101" is more than 100 %',
        'line 9: discontinued "maybe" is not yes or no',
        'Nothing imported: 7 lines need fixing.',
      ]);
      expect(await topSeq(test.db)).toBe(top);
      // Excel's plain "CSV" on Windows: Windows-1252 bytes, not UTF-8. Refused, not imported as "Caf�".
      const latin1 = csvFile('latin1.csv', '');
      writeFileSync(latin1, Buffer.from('sku,name,unit,vat_rate\nQA-9,Caf\xe9 Kaffeem\xfchle,pcs,20\n', 'latin1'));
      const encoded = await cli(test.db, ['import-catalog', '--file', latin1]);
      expect(encoded.code).toBe(2);
      expect(encoded.err.join()).toMatch(/latin1\.csv is not UTF-8 text \(line 2\): save it as "CSV UTF-8"/);
      expect(await topSeq(test.db)).toBe(top);
      const missing = await cli(test.db, ['import-catalog', '--file', '-'], 'sku,name\nA,B\n');
      expect(missing.code).toBe(2);
      expect(missing.err.join()).toMatch(/the header lacks unit, vat_rate; it needs sku, name, unit, vat_rate/);
    });

    it('import-prices makes one price list per product, price type and currency, breaks in order, in each currency’s units', async () => {
      const drill = await productId(test.db, 'DRL-1');
      const csv = [
        'SKU;Price type;Currency;Min qty;Price;Includes VAT',
        'DRL-1;Wholesale;GBP;10;112,50;no',
        'DRL-1;wholesale;GBP;1;119,99;no',
        'DRL-1;Key account;HUF;1;45990;',
        'DRL-1;retail;JPY;;15800;yes',
        'CBL-1;dealer;GBP;0.5;0.89;',
      ].join('\n');
      expect(await importOk(test.db, 'import-prices', csv)).toEqual([expect.stringMatching(/Prices from .*: 4 price lists created, 0 updated, 0 unchanged \(2 products\)\.$/)]);
      const wholesale = await record(test.db, 'prices', priceListEntryId(drill, 'wholesale', 'GBP'));
      expect(wholesale.data).toMatchObject({
        productId: drill,
        priceType: 'wholesale',
        currency: 'GBP',
        includesVat: false,
        breaks: [
          { minQty: 1, unitPrice: 11999 },
          { minQty: 10, unitPrice: 11250 },
        ],
      });
      expect((await record(test.db, 'prices', priceListEntryId(drill, 'key_account', 'HUF'))).data.breaks).toEqual([{ minQty: 1, unitPrice: 4599000 }]);
      expect((await record(test.db, 'prices', priceListEntryId(drill, 'retail', 'JPY'))).data).toMatchObject({ includesVat: true, breaks: [{ minQty: 1, unitPrice: 15800 }] });

      const top = await topSeq(test.db);
      expect(await importOk(test.db, 'import-prices', csv)).toEqual([expect.stringMatching(/0 price lists created, 0 updated, 4 unchanged/)]);
      expect(await topSeq(test.db)).toBe(top);
      // A new price replaces the entry whole: its breaks are the file's.
      expect(await importOk(test.db, 'import-prices', 'sku,price_type,currency,price\nDRL-1,wholesale,GBP,115\n')).toEqual([expect.stringMatching(/0 price lists created, 1 updated/)]);
      expect((await record(test.db, 'prices', wholesale.id)).data.breaks).toEqual([{ minQty: 1, unitPrice: 11500 }]);
    });

    it('import-prices refuses unknown SKUs, price types, prices with too many decimals, repeated breaks', async () => {
      const top = await topSeq(test.db);
      const csv = [
        'sku,price_type,currency,min_qty,price,includes_vat',
        'DRL-1,retail,GBP,1,12.345,', // 2
        'NOPE,retail,GBP,1,12,', // 3
        'DRL-1,vip,GBP,1,12,', // 4
        'DRL-1,retail,JPY,1,12.5,', // 5
        'DRL-1,dealer,EUR,1,10,', // 6
        'DRL-1,dealer,EUR,1,9,', // 7
        'DRL-1,dealer,EUR,5,9,yes', // 8
        'DRL-1,retail,euro,1,-3,', // 9
        'DRL-1,retail,USD,-1,1 234,', // 10
      ].join('\n');
      const r = await cli(test.db, ['import-prices', '--file', csvFile('bad.csv', csv)]);
      expect(r.err).toEqual([
        'line 2: price "12.345" has more decimals than GBP has (2)',
        'line 3: no product with SKU "NOPE" (import it with import-catalog first)',
        'line 4: price_type "vip" is not one of retail, wholesale, dealer, key_account',
        'line 5: price "12.5" has decimals, but JPY has no minor unit',
        'line 7: the dealer EUR price of "DRL-1" from 1 is also on line 6',
        'line 8: includes_vat differs from line 6, which sets the same price list',
        'line 9: currency "euro" is not a currency code like GBP or EUR',
        'line 10: price "1 234" is not a price like 12.50 (no thousands separators)',
        'line 10: min_qty "-1" is negative',
        'Nothing imported: 8 lines need fixing.',
      ]);
      expect(r.code).toBe(2);
      expect(await topSeq(test.db)).toBe(top);
    });

    it('import-stock sets available stock and arrivals from one or more lines per SKU; unchanged numbers write nothing', async () => {
      const drill = await productId(test.db, 'DRL-1');
      const cable = await productId(test.db, 'CBL-1');
      const csv = ['sku,available,arrival_on,arrival_qty', 'DRL-1,0,2026-12-20,40', 'DRL-1,,2026-12-10,15', 'CBL-1,"1250,5",,'].join('\n');
      expect(await importOk(test.db, 'import-stock', csv)).toEqual([expect.stringMatching(/Stock from .*: 2 products updated, 0 unchanged\.$/)]);
      const stock = await record(test.db, 'stock', drill);
      expect(stock.data).toMatchObject({
        productId: drill,
        available: 0,
        incoming: [
          { on: '2026-12-10', qty: 15 },
          { on: '2026-12-20', qty: 40 },
        ],
      });
      expect(Date.now() - Date.parse(stock.data.asOf as string)).toBeLessThan(60_000);
      expect((await record(test.db, 'stock', cable)).data).toMatchObject({ available: 1250.5, incoming: [] });
      const pulled = await pullFrom(test.db, anna, stock.seq - 1);
      expect(pulled.records.map((r) => `${r.table}/${r.id}`)).toContain(`stock/${drill}`);

      const top = await topSeq(test.db);
      expect(await importOk(test.db, 'import-stock', csv)).toEqual([expect.stringMatching(/0 products updated, 2 unchanged/)]);
      expect(await topSeq(test.db)).toBe(top);
      await importOk(test.db, 'import-stock', 'sku,available,as_of\nDRL-1,12,2026-11-30\n');
      expect((await record(test.db, 'stock', drill)).data).toMatchObject({ available: 12, incoming: [], asOf: '2026-11-30T00:00:00.000Z' });

      const bad = await cli(test.db, ['import-stock', '--file', '-'], ['sku,available,arrival_on,arrival_qty', 'DRL-1,5,2026-13-01,4', 'DRL-1,6,,', 'NOPE,1,,', 'CBL-1,1.2345,2026-12-01,', 'INS-1,,,'].join('\n'));
      expect(bad.err).toEqual([
        'line 2: arrival_on "2026-13-01" is not a date like 2026-11-23',
        'line 4: no product with SKU "NOPE" (import it with import-catalog first)',
        'line 5: available "1.2345" has more than 3 decimals',
        'line 5: arrival_on and arrival_qty go together: give both or neither',
        'line 6: available is empty',
        'Nothing imported: 4 lines need fixing.',
      ]);
    });

    it('import-group-discounts sets price types’ and clients’ (by tax id) discounts on groups; 0 removes one', async () => {
      const clientId = randomUUID();
      await test.db.transaction((tx) =>
        bulkInsertRows(tx, [
          {
            tbl: 'clients',
            id: clientId,
            owner_id: anna.id,
            client_id: clientId,
            data: { name: 'Wholesale Kft', ownerId: anna.id, taxId: 'HU 12345678-2-42', currency: 'HUF', priceType: 'wholesale', groupDiscounts: [], _deleted: false },
            stamps: { '*': '001763856000000-00000-aaaaaaaaaaaaaaaa' },
            authors: {},
          },
        ]),
      );
      const [drills] = await test.db.query<{ id: string }>(`SELECT id::text AS id FROM records WHERE tbl = 'productGroups' AND data->>'name' = 'Drills'`);
      const [cables] = await test.db.query<{ id: string }>(`SELECT id::text AS id FROM records WHERE tbl = 'productGroups' AND data->>'name' = 'Cables'`);
      const csv = ['group,discount,price_type,tax_id', 'Power tools > Drills,7.5,Dealer,', 'electrical > cables,3,,hu12345678242', 'Power tools > Drills,12,,HU 12345678-2-42'].join('\n');
      expect(await importOk(test.db, 'import-group-discounts', csv)).toEqual([expect.stringMatching(/price types 1 set, 0 removed, 0 unchanged; 1 client updated, 0 unchanged\.$/)]);
      expect((await record(test.db, 'groupDiscounts', priceTypeGroupDiscountId('dealer', drills!.id))).data).toMatchObject({ priceType: 'dealer', groupId: drills!.id, discountBp: 750, _deleted: false });
      const client = await record(test.db, 'clients', clientId);
      expect(client.data.groupDiscounts).toEqual([
        { groupId: cables!.id, discountBp: 300 },
        { groupId: drills!.id, discountBp: 1200 },
      ]);
      expect(client.stamps.groupDiscounts!.endsWith(SERVER_NODE)).toBe(true);
      const pulled = await pullFrom(test.db, anna, client.seq - 1);
      expect(pulled.records.find((r) => r.id === clientId)?.data.groupDiscounts).toHaveLength(2);

      const top = await topSeq(test.db);
      expect(await importOk(test.db, 'import-group-discounts', csv)).toEqual([expect.stringMatching(/price types 0 set, 0 removed, 1 unchanged; 0 clients updated, 1 unchanged/)]);
      expect(await topSeq(test.db)).toBe(top);
      const removal = `group,discount,price_type,client_id\nPower tools > Drills,0,dealer,\nElectrical > Cables,0,,${clientId}\n`;
      expect(await importOk(test.db, 'import-group-discounts', removal)).toEqual([expect.stringMatching(/price types 0 set, 1 removed, 0 unchanged; 1 client updated/)]);
      expect((await record(test.db, 'groupDiscounts', priceTypeGroupDiscountId('dealer', drills!.id))).data._deleted).toBe(true);
      expect((await record(test.db, 'clients', clientId)).data.groupDiscounts).toEqual([{ groupId: drills!.id, discountBp: 1200 }]);

      const bad = await cli(test.db, ['import-group-discounts', '--file', '-'], ['group,discount,price_type,client_id', 'Power tools > Saws,5,dealer,', 'Drills,5,dealer,', 'Power tools > Drills,5,dealer,' + clientId, 'Power tools > Drills,5,,' + randomUUID(), 'Power tools > Drills,120,retail,', 'Power tools > Drills,5,,'].join('\n'));
      expect(bad.err.slice(0, -1)).toEqual([
        'line 2: no product group "Power tools > Saws" (import the catalog first; a subgroup is written "Top > Sub")',
        'line 3: no product group "Drills" (import the catalog first; a subgroup is written "Top > Sub")',
        'line 4: names both a price type and a client; a line sets one discount',
        expect.stringMatching(/^line 5: no client with id [0-9a-f-]{36}$/),
        'line 6: discount "120" is more than 100 %',
        'line 7: no price_type or client_id',
      ]);
      expect(bad.code).toBe(2);
    });

    it('set-company creates the profile (a name first), changes only the fields given, takes a PNG or JPEG logo', async () => {
      const first = await cli(test.db, ['set-company', '--phone', '+44 20 7946 0321']);
      expect(first).toMatchObject({ code: 2, err: ['There is no company profile yet: give at least --name the first time.'] });
      const png = csvFile('logo.png', '');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(png, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      const created = await cli(test.db, ['set-company', '--name', 'Halden & Stroud', '--email', 'sales@example.com', '--logo', png]);
      expect(created).toMatchObject({ code: 0, out: ['Company profile created: name, email, logo.'] });
      const profile = await record(test.db, 'company', COMPANY_PROFILE_ID);
      expect(profile.data).toMatchObject({ name: 'Halden & Stroud', email: 'sales@example.com', legalName: '', logo: 'data:image/png;base64,iVBORw0KGgoAAAAN' });
      expect((await cli(test.db, ['set-company', '--name', 'Halden & Stroud'])).out).toEqual(['Company profile unchanged.']);
      expect((await cli(test.db, ['set-company', '--legal-name', 'Halden & Stroud Ltd', '--remove-logo'])).out).toEqual(['Company profile updated: legalName, logo.']);
      expect((await record(test.db, 'company', COMPANY_PROFILE_ID)).data).toMatchObject({ name: 'Halden & Stroud', legalName: 'Halden & Stroud Ltd', logo: '' });

      const text = csvFile('logo.txt', 'not an image');
      const cases: [string[], RegExp][] = [
        [['--logo', text], /logo\.txt is not a PNG or JPEG image/],
        [['--name', ''], /--name may not be empty/],
        [['--tax-id', 'x'.repeat(41)], /--tax-id is longer than 40 characters/],
        [[], /set-company needs at least one of --name, --legal-name/],
        [['--logo', png, '--remove-logo'], /Give --logo or --remove-logo, not both/],
      ];
      for (const [args, message] of cases) {
        const r = await cli(test.db, ['set-company', ...args]);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.err.join('\n'), args.join(' ')).toMatch(message);
      }
    });
  });

  describeBackend(backend)(`demo catalog on ${backend}`, () => {
    const test = useTestDatabase(backend);

    it('is seeded once, with the ids and records of the laptop’s offline demo, and pulled by a manager', async () => {
      const seeded = await seedDemo(test.db, FAST, 0, 20);
      expect(seeded.products).toBe(20);
      expect((await seedDemo(test.db, FAST, 0, 20)).products).toBe(0);
      const laptop = generateProductBatch({ seed: DEMO_SEED, start: 0, count: 20, total: 20 });
      const product = await record(test.db, 'products', laptop.products[7]!.id);
      const { id: _id, updatedAt: _at, ...fields } = laptop.products[7]!;
      expect(product.data).toEqual({ ...fields, _deleted: false });
      const price = laptop.prices[3]!;
      expect((await record(test.db, 'prices', price.id)).data).toMatchObject({ productId: price.productId, breaks: price.breaks });
      expect((await record(test.db, 'company', COMPANY_PROFILE_ID)).data.name).toBe('Halden & Stroud');
      const counts = await test.db.query<{ tbl: string; n: number }>(`SELECT tbl, count(*)::int AS n FROM records GROUP BY tbl ORDER BY tbl`);
      expect(Object.fromEntries(counts.map((c) => [c.tbl, Number(c.n)]))).toMatchObject({ products: 20, stock: 20, prices: laptop.prices.length, productGroups: demoProductGroups(DEMO_SEED).length, company: 1 });
      const anna = (await test.db.query<{ id: string }>(`SELECT id::text AS id FROM users WHERE login = 'anna'`))[0]!;
      const pulled = await pullFrom(test.db, { id: anna.id, role: 'manager', displayName: 'Anna' }, 0);
      expect(pulled.records.filter((r) => r.table === 'products')).toHaveLength(20);
    });
  });
}

describe('logo files', () => {
  it('become data URLs only when they are PNG or JPEG and small enough', () => {
    expect(logoDataUrl(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'x.jpg')).toBe('data:image/jpeg;base64,/9j/4A==');
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(() => logoDataUrl(big, 'big.jpg')).toThrow(/big\.jpg is \d+ KB; a logo may be at most 219 KB/);
  });
});
