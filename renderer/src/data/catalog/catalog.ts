/**
 * The catalog on the laptop: product search for the offer builder and the catalog screen, and
 * the part of the catalog an offer's pricing needs. The catalog is the company's (synced,
 * read-only here): nothing in this module writes. Searches run in memory (catalog-index.ts);
 * whole records are read from IndexedDB only for what is shown.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Dexie from 'dexie';
import type { Client } from '../../../../core/client-model';
import { buildPricingCatalog, type PricingCatalog } from '../../../../core/pricing/price';
import { groupDiscountsOf, type CatalogProduct, type PriceListRecord, type ProductGroup, type StockLevel } from '../../../../core/pricing/catalog-model';
import { catalogIndex, type CatalogIndex } from './catalog-index';
import { catalogRow, groupPath, type CatalogFilters, type CatalogResult } from './catalog-search';
import { getDb, type FieldbookDb } from '../db';
import { uiLanguage } from '../../i18n/language';

export type { CatalogFilters, CatalogResult, CatalogRow } from './catalog-search';
export { NO_CATALOG_FILTERS } from './catalog-search';

export interface ProductHit {
  product: CatalogProduct;
  stock: StockLevel | null;
}

export interface ProductSearchOptions {
  /** A group and everything under it. */
  groupId?: string | null;
  inStockOnly?: boolean;
  /** Also discontinued products (the catalog screen can show them; offers cannot add them). */
  includeDiscontinued?: boolean;
  limit?: number;
}

const filtersOf = (o: ProductSearchOptions): CatalogFilters => ({ groupId: o.groupId ?? null, inStockOnly: o.inStockOnly ?? false, includeDiscontinued: o.includeDiscontinued ?? false });

/** The hits at the top of a result as whole records (read from IndexedDB), with their stock. */
async function hitsOf(index: CatalogIndex, result: CatalogResult, limit: number, db: FieldbookDb): Promise<ProductHit[]> {
  const ids = Array.from(result.positions.subarray(0, limit), (p) => result.rows[p]!.id);
  const products = await db.products.bulkGet(ids);
  return products.filter((p) => p !== undefined).map((product) => ({ product, stock: index.search.stockOf(product.id) }));
}

/**
 * Products matching `query` — words of the name, SKU, group and characteristics as prefixes
 * (folded like the client search), or a SKU typed whole or in part — an exact SKU first.
 */
export async function searchProducts(query: string, options: ProductSearchOptions = {}, db = getDb()): Promise<ProductHit[]> {
  const index = catalogIndex(db);
  await index.ready();
  return hitsOf(index, index.search.search(query, filtersOf(options)), options.limit ?? 50, db);
}

/** The searchable text of a product (what the catalog search matches a query against). */
export function productHaystack(p: CatalogProduct, groups: ReadonlyMap<string, ProductGroup> = new Map()): string {
  return catalogRow(p, groupPath(groups, p.groupId), uiLanguage()).hay;
}

/** The catalog index of the app's database, loading on first use; re-renders when the catalog changes. */
function useIndex(): { index: CatalogIndex; version: number } {
  const index = catalogIndex();
  const version = useSyncExternalStore(index.subscribe, index.getVersion);
  const [, setLoaded] = useState(index.state === 'ready');
  useEffect(() => {
    let live = true;
    void index.ready().then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [index]);
  return { index, version };
}

/** Live search results (undefined while the first answer is on its way). */
export function useProductSearch(query: string, options: ProductSearchOptions = {}) {
  const { groupId = null, inStockOnly = false, includeDiscontinued = false, limit = 50 } = options;
  const { index, version } = useIndex();
  const [hits, setHits] = useState<{ key: string; query: string; hits: ProductHit[] } | undefined>(undefined);
  const key = JSON.stringify([query, groupId, inStockOnly, includeDiscontinued, limit, version]);
  useEffect(() => {
    if (index.state !== 'ready') return;
    let live = true;
    const result = index.search.search(query, { groupId, inStockOnly, includeDiscontinued });
    void hitsOf(index, result, limit, getDb()).then((found) => live && setHits({ key, query, hits: found }));
    return () => {
      live = false;
    };
    // `key` stands for every input and the index's version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, index.state]);
  // The previous answer stays on screen until the next one is read (no flicker while typing);
  // `query` says which text it answers, so Enter never takes a stale first hit.
  return hits ? { query: hits.query, hits: hits.hits } : undefined;
}

export interface CatalogView {
  /** False while the catalog is read into memory (a second or two for 50k products). */
  ready: boolean;
  /** Products in the catalog (discontinued included). */
  size: number;
  result: CatalogResult;
}

/** The catalog screen's search: synchronous, in memory, recomputed when the query, filters or catalog change. */
export function useCatalogSearch(text: string, filters: CatalogFilters): CatalogView {
  const { index, version } = useIndex();
  const ready = index.state === 'ready';
  return useMemo(
    () => ({ ready, size: index.search.size, result: timedSearch(index, text, filters) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the cache key for the index contents
    [index, text, filters, version, ready],
  );
}

/** A search, recorded as the `fieldbook:catalog-search` performance measure (read by the benchmarks). */
function timedSearch(index: CatalogIndex, text: string, filters: CatalogFilters): CatalogResult {
  const start = performance.now();
  const result = index.search.search(text, filters);
  performance.measure('fieldbook:catalog-search', { start, detail: { query: text, count: result.positions.length } });
  return result;
}

/** Stock by product id from the index (for list rows; no IndexedDB read). */
export function stockOf(productId: string): StockLevel | null {
  return catalogIndex().search.stockOf(productId);
}

export interface CatalogGroup extends ProductGroup {
  depth: number;
  /** Products in it and under it (not discontinued). */
  count: number;
  path: string[];
}

/** The product groups as a tree in display order (each followed by its subgroups), with counts. */
export function useCatalogGroups(): CatalogGroup[] {
  const { index, version } = useIndex();
  return useMemo(() => {
    const groups = index.search.groupMap();
    const counts = index.search.groupCounts();
    const children = new Map<string | null, ProductGroup[]>();
    for (const g of groups.values()) {
      const parent = g.parentId && groups.has(g.parentId) ? g.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), g]);
    }
    const out: CatalogGroup[] = [];
    const walk = (parent: string | null, depth: number) => {
      for (const g of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
        out.push({ ...g, depth, count: counts.get(g.id) ?? 0, path: groupPath(groups, g.id) });
        if (depth < 20) walk(g.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the cache key for the index contents
  }, [index, version]);
}

export interface ProductDetails {
  product: CatalogProduct;
  stock: StockLevel | null;
  prices: PriceListRecord[];
  groupPath: string[];
  /** The analogues that exist on this laptop, in the catalog's order, with their stock. */
  analogues: ProductHit[];
}

/** A product with everything its page shows; null when it is not on this laptop, undefined while reading. */
export function useProductDetails(productId: string | undefined): ProductDetails | null | undefined {
  return useLiveQuery(async () => {
    if (!productId) return null;
    const db = getDb();
    const product = await db.products.get(productId);
    if (!product) return null;
    const [stock, prices, analogues, analogueStock, groups] = await Promise.all([
      db.stock.get(productId),
      pricesOfProduct(productId, db),
      db.products.bulkGet(product.analogueIds),
      db.stock.bulkGet(product.analogueIds),
      db.productGroups.toArray(),
    ]);
    return {
      product,
      stock: stock ?? null,
      prices,
      groupPath: groupPath(new Map(groups.map((g) => [g.id, g])), product.groupId),
      analogues: analogues.flatMap((p, i) => (p ? [{ product: p, stock: analogueStock[i] ?? null }] : [])),
    };
  }, [productId]);
}

/** Every price list entry of a product (all price types and currencies). */
export function pricesOfProduct(productId: string, db: FieldbookDb = getDb()): Promise<PriceListRecord[]> {
  return db.prices.where('[productId+priceType]').between([productId, Dexie.minKey], [productId, Dexie.maxKey]).toArray();
}

/** A product by its SKU, exactly as a scanner reads it (case-insensitive). */
export async function findProductBySku(sku: string, db = getDb()): Promise<CatalogProduct | undefined> {
  const wanted = sku.trim();
  return (await db.products.where('sku').equals(wanted).first()) ?? db.products.where('sku').equalsIgnoreCase(wanted).first();
}

/** The products with these ids that the catalog on this laptop has, by id. */
export async function getProducts(productIds: readonly string[], db: FieldbookDb = getDb()): Promise<Map<string, CatalogProduct>> {
  const products = await db.products.bulkGet([...new Set(productIds)]);
  return new Map(products.filter((p) => p !== undefined).map((p) => [p.id, p]));
}

/**
 * What pricing needs for the given products and client: the products, their price list entries,
 * the price types' group discounts and the client's own. Only the offer's products are read, so
 * a 200-line offer reads 200 products' prices, whatever the catalog's size.
 */
export async function loadPricingCatalog(productIds: readonly string[], client: Pick<Client, 'id' | 'groupDiscounts' | 'priceType'>, db: FieldbookDb = getDb()): Promise<PricingCatalog> {
  const ids = [...new Set(productIds)];
  // Only the client's price type (in every currency, so "no price in EUR" can be told from "no
  // price at all"): a 200-line offer reads about 1 400 price records instead of 5 600.
  const keys = ids.map((id) => [id, client.priceType]);
  const [products, priceList, typeDiscounts, groups] = await Promise.all([
    db.products.bulkGet(ids),
    db.prices.where('[productId+priceType]').anyOf(keys).toArray(),
    db.groupDiscounts.toArray(),
    db.productGroups.toArray(), // the tree: a discount on a group covers its subgroups
  ]);
  return buildPricingCatalog({
    products: products.filter((p) => p !== undefined),
    priceList,
    groupDiscounts: groupDiscountsOf(typeDiscounts, [client]),
    groups,
  });
}

/** The pricing part of the catalog for an offer's products and client, live. */
export function usePricingCatalog(productIds: readonly string[], client: Client | null | undefined): PricingCatalog | undefined {
  const key = [...new Set(productIds)].sort().join(',');
  return useLiveQuery(async () => (client ? loadPricingCatalog(key ? key.split(',') : [], client) : undefined), [key, client]);
}

/**
 * The products and their stock by id, live (for an offer's lines), with the analogues of each
 * product too (an out-of-stock line offers them as replacements).
 */
export function useProductsAndStock(productIds: readonly string[]) {
  const key = [...new Set(productIds)].sort().join(',');
  return useLiveQuery(async () => {
    const ids = key ? key.split(',') : [];
    const db = getDb();
    const products = (await db.products.bulkGet(ids)).filter((p) => p !== undefined);
    const analogueIds = [...new Set(products.flatMap((p) => p.analogueIds))].filter((id) => !ids.includes(id));
    const all = [...products, ...(await db.products.bulkGet(analogueIds)).filter((p) => p !== undefined)];
    const stock = (await db.stock.bulkGet(all.map((p) => p.id))).filter((s) => s !== undefined);
    return { products: new Map(all.map((p) => [p.id, p])), stock: new Map(stock.map((s) => [s.id, s])) };
  }, [key]);
}

export function useProductGroups() {
  return useLiveQuery(() => getDb().productGroups.orderBy('id').toArray().then((gs) => gs.sort((a, b) => a.name.localeCompare(b.name))), []);
}

export function useCompanyProfile() {
  return useLiveQuery(async () => (await getDb().company.toCollection().first()) ?? null, []);
}
