import { describe, expect, it } from 'vitest';
import { DEMO_SEED, demoProductGroups, generateProductBatch } from '../../../../core/demo-data';
import type { CatalogProduct } from '../../../../core/pricing/catalog-model';
import { matchesHaystack, parseQuery } from '../../../../core/search-text';
import { CatalogSearch, catalogRow, groupPath, NO_CATALOG_FILTERS, type CatalogFilters } from './catalog-search';

const TOTAL = 3000;
const demo = generateProductBatch({ seed: DEMO_SEED, start: 0, count: TOTAL, total: TOTAL });
const groups = demoProductGroups(DEMO_SEED);
const groupMap = new Map(groups.map((g) => [g.id, g]));
/** A product's row as a manager reading the UI in `language` sees it (English by default). */
const rowOf = (p: CatalogProduct, language = 'en') => catalogRow(p, groupPath(groupMap, p.groupId), language);

function searchWith(indexed: boolean, language = 'en'): CatalogSearch {
  const s = new CatalogSearch();
  s.load(
    demo.products.map((p) => rowOf(p, language)),
    groups,
    demo.stock,
  );
  if (indexed) while (!s.buildIndex(700));
  return s;
}

const names = (s: CatalogSearch, text: string, filters?: CatalogFilters) => {
  const r = s.search(text, filters);
  return Array.from(r.positions, (p) => r.rows[p]!.name);
};

/** What the search must return: every live product whose row matches, by name. */
function expected(text: string, filters: CatalogFilters = NO_CATALOG_FILTERS, language = 'en'): Set<string> {
  const q = parseQuery(text);
  const stock = new Map(demo.stock.map((s) => [s.id, s.available]));
  return new Set(
    demo.products
      .filter((p) => (filters.includeDiscontinued || !p.discontinued) && (!filters.inStockOnly || (stock.get(p.id) ?? 0) > 0) && matchesHaystack(rowOf(p, language).hay, q))
      .map((p) => p.id),
  );
}

describe('the catalog search', () => {
  const indexed = searchWith(true);
  const scanning = searchWith(false);

  it('names products in the manager’s language and finds them by its words in any script, folded like the client search', () => {
    const cases: [string, string, RegExp][] = [
      ['ru', 'дрель', /Дрель/],
      ['ru', 'drel', /Дрель/], // Cyrillic typed in Latin
      ['hu', 'furo', /fúró/i], // Hungarian without accents
      ['hi', 'कॉर्डलेस', /कॉर्डलेस/],
      ['ms', 'gerudi', /Gerudi/],
      ['id', 'sarung tangan', /Sarung tangan/],
      ['en', 'cordless drill', /Cordless drill/],
    ];
    const byLanguage = new Map<string, CatalogSearch>([['en', indexed]]);
    for (const [language, query, pattern] of cases) {
      if (!byLanguage.has(language)) byLanguage.set(language, searchWith(true, language));
      const found = names(byLanguage.get(language)!, query);
      expect(found.length, query).toBeGreaterThan(0);
      expect(found.every((n) => pattern.test(n)), query).toBe(true);
    }
    // The names in the other languages are not searched: an English screen shows no Russian name.
    expect(names(indexed, 'дрель')).toEqual([]);
    expect(names(indexed, '').some((n) => /\p{Script=Cyrillic}/u.test(n))).toBe(false);
  });

  it('keeps the product’s own name and SKU searchable whatever the language it is named in', () => {
    const russian = searchWith(true, 'ru');
    const target = demo.products.find((p) => !p.discontinued && p.name.startsWith('Cordless drill'))!;
    for (const query of [target.name, target.sku]) {
      const r = russian.search(query);
      const rows = Array.from(r.positions, (p) => r.rows[p]!);
      expect(rows.map((row) => row.id), query).toContain(target.id);
      expect(rows.find((row) => row.id === target.id)!.name).toBe(target.names!.ru);
    }
    // A product without a name in the language keeps its own.
    const plain: CatalogProduct = { ...target, names: { hu: 'Akkus fúró' } };
    expect(rowOf(plain, 'ru').name).toBe(target.name);
    expect(rowOf(plain, 'hu').name).toBe('Akkus fúró');
  });

  it('finds by SKU prefix, with or without dashes, the exact SKU first', () => {
    const target = demo.products.find((p) => !p.discontinued && p.sku.startsWith('DRL-'))!;
    for (const query of [target.sku, target.sku.toLowerCase(), target.sku.replace(/-/g, '')]) {
      const r = indexed.search(query);
      expect(r.rows[r.positions[0]!]!.id, query).toBe(target.id);
    }
    const prefix = target.sku.slice(0, 6); // "DRL-BX"
    const r = indexed.search(prefix);
    expect(r.positions.length).toBeGreaterThan(1);
    expect(Array.from(r.positions).every((p) => r.rows[p]!.sku.startsWith(prefix))).toBe(true);
  });

  it('finds by characteristics and by group name', () => {
    const volts = names(indexed, '18 V');
    expect(volts.length).toBeGreaterThan(0);
    const inGroup = indexed.search('fasteners');
    expect(inGroup.positions.length).toBeGreaterThan(50);
    const fasteners = groups.find((g) => g.name === 'Fasteners')!;
    const under = new Set(groups.filter((g) => g.parentId === fasteners.id).map((g) => g.id));
    expect(Array.from(inGroup.positions).every((p) => under.has(inGroup.rows[p]!.groupId!))).toBe(true);
  });

  it('gives exactly the matching products, in name order, with and without the prefix lists', () => {
    for (const query of ['d', 'dr', 'дре', 'brennmax', 'led 10', 'm8', 'zzzz', '2000', 'स']) {
      const want = expected(query);
      for (const s of [indexed, scanning]) {
        const r = s.search(query);
        expect(new Set(Array.from(r.positions, (p) => r.rows[p]!.id)), query).toEqual(want);
      }
    }
    const all = indexed.search('');
    const keys = Array.from(all.positions, (p) => all.rows[p]!.key);
    expect(keys).toEqual([...keys].sort());
    // In Russian, sorted by the Russian names.
    const russian = searchWith(false, 'ru');
    for (const query of ['дре', 'cordless', 'd']) {
      const r = russian.search(query);
      expect(new Set(Array.from(r.positions, (p) => r.rows[p]!.id)), query).toEqual(expected(query, NO_CATALOG_FILTERS, 'ru'));
    }
    const allRu = russian.search('');
    const keysRu = Array.from(allRu.positions, (p) => allRu.rows[p]!.key);
    expect(keysRu).toEqual([...keysRu].sort());
    expect(all.positions.length).toBe(demo.products.filter((p) => !p.discontinued).length);
  });

  it('filters by group (and everything under it), by stock, and shows discontinued products only when asked', () => {
    const power = groups.find((g) => g.name === 'Power tools')!;
    const r = indexed.search('', { ...NO_CATALOG_FILTERS, groupId: power.id });
    const children = new Set(groups.filter((g) => g.parentId === power.id).map((g) => g.id));
    expect(r.positions.length).toBe(indexed.groupCounts().get(power.id));
    expect(Array.from(r.positions).every((p) => children.has(r.rows[p]!.groupId!))).toBe(true);

    const inStock = { ...NO_CATALOG_FILTERS, inStockOnly: true };
    expect(new Set(Array.from(indexed.search('drill', inStock).positions, (p) => indexed.search('').rows[p]!.id))).toEqual(expected('drill', inStock));
    const withOld = { ...NO_CATALOG_FILTERS, includeDiscontinued: true };
    expect(indexed.search('', withOld).positions.length).toBe(TOTAL);
  });

  it('stays right as products and stock change, before and after the lists are rebuilt', () => {
    const s = searchWith(true);
    const first = demo.products[0]!;
    const renamed = { ...first, name: 'Zyxwv special edition', updatedAt: '2026-03-01T00:00:00.000Z' };
    const added: CatalogProduct = { ...demo.products[1]!, id: 'new-product', sku: 'NEW-0001', name: 'Quuxbar widget', discontinued: false };
    s.applyProducts([rowOf(renamed), rowOf(added)], [demo.products[2]!.id]);
    expect(s.needsIndex).toBe(false); // a few changes are checked on their own
    expect(names(s, 'zyxwv')).toEqual(['Zyxwv special edition']);
    expect(names(s, 'quuxbar')).toEqual(['Quuxbar widget']);
    expect(s.search(first.name).positions.length).toBe(expected(first.name).size - 1);
    expect(s.getRow(demo.products[2]!.id)).toBeUndefined();

    const outOfStock = demo.stock.find((x) => x.available > 0 && x.id === added.id) ?? { ...demo.stock[1]!, id: added.id, productId: added.id, available: 0 };
    s.applyStock([{ ...outOfStock, available: 0 }]);
    expect(names(s, 'quuxbar', { ...NO_CATALOG_FILTERS, inStockOnly: true })).toEqual([]);
    s.applyStock([{ ...outOfStock, available: 5 }]);
    expect(names(s, 'quuxbar', { ...NO_CATALOG_FILTERS, inStockOnly: true })).toEqual(['Quuxbar widget']);

    // Many changes at once: the lists are dropped and rebuilt; the answers stay the same.
    s.applyProducts(demo.products.slice(100, 2200).map((p) => rowOf(p)));
    expect(s.needsIndex).toBe(true);
    const before = names(s, 'drill');
    expect(before.length).toBeGreaterThan(0);
    while (!s.buildIndex(500));
    expect(names(s, 'drill')).toEqual(before);
  });
});
