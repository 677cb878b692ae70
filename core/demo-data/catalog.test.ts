import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PRICE_TYPES } from '../client-model';
import {
  companyProfileFieldsSchema,
  MAX_LOGO_DATA_URL,
  priceListEntrySchema,
  priceTypeGroupDiscountFieldsSchema,
  productFieldsSchema,
  productGroupFieldsSchema,
  stockFieldsSchema,
  type PriceListRecord,
} from '../pricing/catalog-model';
import { priceListEntryId, priceTypeGroupDiscountId } from '../pricing/catalog-ids';
import { buildPricingCatalog, clientTerms, priceOffer } from '../pricing/price';
import { groupDiscountsOf } from '../pricing/catalog-model';
import { DEMO_CURRENCIES, generateDemoProduct, generateProductBatch, nicePrice } from './catalog';
import { demoClientGroupDiscounts, demoPriceTypeDiscounts, demoProductGroups } from './catalog-groups';
import { demoCompanyProfile } from './company';
import { generateClientBatch } from './generate';

const SEED = 20260301;
const TOTAL = 3000;
const catalog = generateProductBatch({ seed: SEED, start: 0, count: TOTAL, total: TOTAL });
const groups = demoProductGroups(SEED);
const uuid = z.uuid();

describe('the demo catalog', () => {
  it('is the same whatever the batch boundaries, and another for another seed', () => {
    const parts = [0, 333, 1000, 2999].map((start, i, all) => generateProductBatch({ seed: SEED, start, count: (all[i + 1] ?? TOTAL) - start, total: TOTAL }));
    expect(parts.flatMap((p) => p.products)).toEqual(catalog.products);
    expect(parts.flatMap((p) => p.stock)).toEqual(catalog.stock);
    expect(parts.flatMap((p) => p.prices)).toEqual(catalog.prices);
    expect(generateDemoProduct(SEED, 1234, TOTAL).product).toEqual(catalog.products[1234]);
    const other = generateProductBatch({ seed: SEED + 1, start: 0, count: 10, total: 10 });
    expect(other.products.map((p) => p.id)).not.toEqual(catalog.products.slice(0, 10).map((p) => p.id));
    expect(() => generateProductBatch({ seed: SEED, start: 0, count: 11, total: 10 })).toThrow(RangeError);
  });

  it('has a tree of a few dozen product groups', () => {
    expect(groups.length).toBeGreaterThanOrEqual(24);
    expect(groups.length).toBeLessThanOrEqual(48);
    const ids = new Set(groups.map((g) => g.id));
    for (const g of groups) {
      expect(productGroupFieldsSchema.parse(g)).toMatchObject({ name: g.name, parentId: g.parentId });
      if (g.parentId !== null) expect(ids.has(g.parentId)).toBe(true);
    }
    expect(new Set(groups.map((g) => `${g.parentId}/${g.name}`)).size).toBe(groups.length);
  });

  it('makes every record valid against the synced schemas, with unique UUIDs', () => {
    const problems: string[] = [];
    const check = (what: string, schema: z.ZodType, record: object) => {
      const r = schema.safeParse(record);
      if (!r.success) problems.push(`${what}: ${JSON.stringify(r.error.issues)}`);
    };
    for (const p of catalog.products) check(p.sku, productFieldsSchema, p);
    for (const s of catalog.stock) check(`stock ${s.id}`, stockFieldsSchema, s);
    for (const p of catalog.prices) check(`price ${p.id}`, priceListEntrySchema, p);
    for (const d of demoPriceTypeDiscounts(SEED)) check(`discount ${d.id}`, priceTypeGroupDiscountFieldsSchema, d);
    expect(problems.slice(0, 5)).toEqual([]);
    const ids = [...catalog.products.map((p) => p.id), ...catalog.prices.map((p) => p.id), ...groups.map((g) => g.id)];
    expect(ids.every((id) => uuid.safeParse(id).success)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(catalog.products.map((p) => p.sku.toUpperCase())).size).toBe(TOTAL);
    expect(catalog.stock.map((s) => s.id)).toEqual(catalog.products.map((p) => p.id));
  });

  it('is written in English, with each product named in the five other demo languages', () => {
    const names = catalog.products.map((p) => p.name);
    expect(names.every((n) => !/[\p{Script=Cyrillic}\p{Script=Devanagari}]/u.test(n))).toBe(true);
    expect(names.some((n) => /^(Cordless|Hammer|Hex|Safety|LED)\b/.test(n))).toBe(true);
    expect(catalog.products.every((p) => p.unit === p.unit.normalize() && /^[a-z]+$/.test(p.unit))).toBe(true);
    for (const p of catalog.products) {
      expect(Object.keys(p.names ?? {}).sort(), p.sku).toEqual(['hi', 'hu', 'id', 'ms', 'ru']);
      // The same brand and model in every language.
      const model = p.name.match(/ ([A-Z0-9]+-\d{3})\b/)![1]!;
      for (const name of Object.values(p.names!)) expect(name, p.sku).toContain(`${p.characteristics[0]!.value} ${model}`);
    }
    const inLanguage = (language: string) => catalog.products.map((p) => p.names![language]!);
    expect(inLanguage('ru').every((n) => /\p{Script=Cyrillic}/u.test(n))).toBe(true);
    expect(inLanguage('hi').every((n) => /\p{Script=Devanagari}/u.test(n))).toBe(true);
    expect(inLanguage('hu').some((n) => /fúró|csavar|kesztyű/i.test(n))).toBe(true);
    expect(inLanguage('id').some((n) => /^(Bor|Sarung tangan|Kunci|Pipa|Lampu)\b/.test(n))).toBe(true);
    expect(inLanguage('ms').some((n) => /^(Gerudi|Sepana|Paip|Mentol|Kasut)\b/.test(n))).toBe(true);
    // Decimals as each language writes them: "1.5 mm" in English, "1,5 мм" in Russian.
    const decimals = catalog.products.filter((p) => /\d\.\d/.test(p.name));
    expect(decimals.length).toBeGreaterThan(0);
    for (const p of decimals) expect(p.names!.ru, p.name).toMatch(/\d,\d/);
    for (const p of catalog.products.slice(0, 200)) {
      expect(p.characteristics.length).toBeGreaterThanOrEqual(2);
      expect(p.description).toContain(p.characteristics[0]!.value); // the brand
      expect(p.characteristics[0]!.name).toBe('Brand');
    }
  });

  it('links analogues within a group, never to itself or past the end', () => {
    const byId = new Map(catalog.products.map((p) => [p.id, p]));
    let withAnalogues = 0;
    for (const p of catalog.products) {
      if (p.analogueIds.length) withAnalogues++;
      for (const a of p.analogueIds) {
        const other = byId.get(a);
        expect(other, p.sku).toBeDefined();
        expect(other!.groupId).toBe(p.groupId);
        expect(a).not.toBe(p.id);
        expect(other!.analogueIds).toContain(p.id);
      }
    }
    expect(withAnalogues / TOTAL).toBeGreaterThan(0.5);
    // The last product's family is cut at the catalog's end: no dangling ids.
    const short = generateProductBatch({ seed: SEED, start: 0, count: 5, total: 5 });
    const shortIds = new Set(short.products.map((p) => p.id));
    expect(short.products.flatMap((p) => p.analogueIds).every((a) => shortIds.has(a))).toBe(true);
  });

  it('has a realistic share out of stock, most with an expected arrival, and a few discontinued', () => {
    const out = catalog.stock.filter((s) => s.available === 0);
    expect(out.length / TOTAL).toBeGreaterThan(0.08);
    expect(out.length / TOTAL).toBeLessThan(0.2);
    expect(out.filter((s) => s.incoming.length > 0).length / out.length).toBeGreaterThan(0.6);
    for (const s of catalog.stock) {
      for (const [i, arrival] of s.incoming.entries()) {
        expect(arrival.on > s.asOf.slice(0, 10)).toBe(true);
        if (i > 0) expect(arrival.on > s.incoming[i - 1]!.on).toBe(true);
      }
    }
    const discontinued = catalog.products.filter((p) => p.discontinued).length / TOTAL;
    expect(discontinued).toBeGreaterThan(0.01);
    expect(discontinued).toBeLessThan(0.06);
  });

  it('prices every product for every price type in every currency a demo client is billed in', () => {
    const clientCurrencies = new Set(generateClientBatch({ seed: SEED, start: 0, count: 2000 }).clients.map((c) => c.currency));
    expect(new Set(DEMO_CURRENCIES.map((c) => c.currency))).toEqual(clientCurrencies);
    const byProduct = new Map<string, PriceListRecord[]>();
    for (const p of catalog.prices) byProduct.set(p.productId, [...(byProduct.get(p.productId) ?? []), p]);
    for (const product of catalog.products.slice(0, 500)) {
      const entries = byProduct.get(product.id)!;
      expect(entries).toHaveLength(PRICE_TYPES.length * clientCurrencies.size);
      for (const currency of clientCurrencies) {
        const first = PRICE_TYPES.map((t) => entries.find((e) => e.priceType === t && e.currency === currency)!);
        // retail > wholesale > dealer > key account, each list from 1 and cheaper with quantity
        for (let i = 1; i < first.length; i++) expect(first[i]!.breaks[0]!.unitPrice).toBeLessThan(first[i - 1]!.breaks[0]!.unitPrice);
        for (const e of first) {
          expect(e.id).toBe(priceListEntryId(product.id, e.priceType, currency));
          expect(e.breaks[0]!.minQty).toBe(1);
          for (let k = 1; k < e.breaks.length; k++) expect(e.breaks[k]!.unitPrice).toBeLessThan(e.breaks[k - 1]!.unitPrice);
        }
      }
    }
  });

  it('writes prices as price lists do', () => {
    expect(nicePrice(12.513, 'GBP')).toBe(1249);
    expect(nicePrice(4.7312, 'USD')).toBe(473);
    expect(nicePrice(4593.2, 'HUF')).toBe(459000);
    expect(nicePrice(185_320, 'IDR')).toBe(18_500_000);
    expect(nicePrice(1287.4, 'RUB')).toBe(129000);
    expect(nicePrice(0.2, 'IDR')).toBe(10000);
  });

  it('gives price types and some clients discounts on product groups that hold products', () => {
    const productGroups = new Set(catalog.products.map((p) => p.groupId));
    const typeDiscounts = demoPriceTypeDiscounts(SEED);
    expect(typeDiscounts.length).toBeGreaterThan(5);
    for (const d of typeDiscounts) {
      expect(productGroups.has(d.groupId)).toBe(true);
      expect(d.id).toBe(priceTypeGroupDiscountId(d.priceType, d.groupId));
    }
    const clients = generateClientBatch({ seed: SEED, start: 0, count: 2000 }).clients;
    const withTerms = clients.filter((c) => c.groupDiscounts?.length);
    expect(withTerms.length / clients.length).toBeGreaterThan(0.03);
    for (const c of withTerms) {
      expect(c.priceType).not.toBe('retail');
      for (const d of c.groupDiscounts!) {
        expect(productGroups.has(d.groupId)).toBe(true);
        expect(d.discountBp).toBeGreaterThan(0);
      }
    }
    expect(demoClientGroupDiscounts(SEED, 7, 'lead', 'dealer')).toEqual([]);
  });

  it('can be priced by the pricing engine for a demo client', () => {
    const client = generateClientBatch({ seed: SEED, start: 0, count: 2000 }).clients.find((c) => c.groupDiscounts?.length)!;
    const priced = buildPricingCatalog({ products: catalog.products, priceList: catalog.prices, groupDiscounts: groupDiscountsOf(demoPriceTypeDiscounts(SEED), [client]) });
    expect(priced.conflicts).toEqual([]);
    const lines = catalog.products.slice(0, 50).map((p, i) => ({ id: `l${i}`, productId: p.id, qty: 1 + (i % 7) * 13, manualDiscountBp: 0 }));
    const totals = priceOffer({ from: 'catalog', catalog: priced, client: clientTerms(client), currency: client.currency, pricesIncludeVat: false, lines, discountLimitBp: 1000, now: '2026-03-01T00:00:00Z' });
    expect(totals.unpricedLines).toBe(0);
    expect(totals.gross).toBeGreaterThan(0);
  });
});

describe('the demo company profile', () => {
  it('is valid, with a generated PNG logo', () => {
    const profile = demoCompanyProfile();
    expect(companyProfileFieldsSchema.parse(profile)).toMatchObject({ name: 'Halden & Stroud', logo: profile.logo });
    expect(profile.logo.length).toBeLessThan(MAX_LOGO_DATA_URL);
    const bytes = Uint8Array.from(atob(profile.logo.split(',')[1]!), (c) => c.charCodeAt(0));
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(demoCompanyProfile()).toEqual(profile);
  });
});
