/**
 * The catalog on the laptop: product search for the offer builder and the catalog screen, and
 * the part of the catalog an offer's pricing needs. The catalog is the company's (synced,
 * read-only here): nothing in this module writes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../../core/client-model';
import { buildHaystack, isEmptyQuery, matchesHaystack, parseQuery } from '../../../core/search-text';
import { buildPricingCatalog, type PricingCatalog } from '../../../core/pricing/price';
import { groupDiscountsOf, type CatalogProduct, type StockLevel } from '../../../core/pricing/catalog-model';
import { getDb, type FieldbookDb } from './db';

export interface ProductHit {
  product: CatalogProduct;
  stock: StockLevel | null;
}

export interface ProductSearchOptions {
  groupId?: string | null;
  inStockOnly?: boolean;
  /** Also discontinued products (the catalog screen can show them; offers cannot add them). */
  includeDiscontinued?: boolean;
  limit?: number;
}

/**
 * Products matching `query` — words of the name, SKU, group and characteristics as prefixes
 * (folded like the client search), or a SKU typed whole — an exact SKU first.
 */
export async function searchProducts(query: string, options: ProductSearchOptions = {}, db = getDb()): Promise<ProductHit[]> {
  const { groupId = null, inStockOnly = false, includeDiscontinued = false, limit = 50 } = options;
  const q = parseQuery(query);
  const sku = query.trim().toUpperCase();
  const products = await db.products.toArray();
  const hits: CatalogProduct[] = [];
  for (const p of products) {
    if (p.discontinued && !includeDiscontinued) continue;
    if (groupId && p.groupId !== groupId) continue;
    if (!isEmptyQuery(q) && p.sku.toUpperCase() !== sku && !matchesHaystack(productHaystack(p), q)) continue;
    hits.push(p);
  }
  hits.sort((a, b) => Number(b.sku.toUpperCase() === sku) - Number(a.sku.toUpperCase() === sku) || a.name.localeCompare(b.name));
  const stock = new Map((await db.stock.bulkGet(hits.map((p) => p.id))).filter((s) => s !== undefined).map((s) => [s.id, s]));
  const out: ProductHit[] = [];
  for (const product of hits) {
    const level = stock.get(product.id) ?? null;
    if (inStockOnly && !(level && level.available > 0)) continue;
    out.push({ product, stock: level });
    if (out.length >= limit) break;
  }
  return out;
}

/** The searchable text of a product. */
export function productHaystack(p: CatalogProduct): string {
  return buildHaystack([p.name, p.sku, ...p.characteristics.map((c) => `${c.name} ${c.value}`)], [], []);
}

/** Live search results (undefined while the first answer is on its way). */
export function useProductSearch(query: string, options: ProductSearchOptions = {}) {
  const { groupId = null, inStockOnly = false, includeDiscontinued = false, limit = 50 } = options;
  return useLiveQuery(() => searchProducts(query, { groupId, inStockOnly, includeDiscontinued, limit }), [query, groupId, inStockOnly, includeDiscontinued, limit]);
}

/** A product's stock now (undefined when the company has not reported any). */
export const stockOf = (productId: string, db = getDb()) => db.stock.get(productId);

/** A product by its SKU, exactly as a scanner reads it (case-insensitive). */
export async function findProductBySku(sku: string, db = getDb()): Promise<CatalogProduct | undefined> {
  const wanted = sku.trim();
  return (await db.products.where('sku').equals(wanted).first()) ?? db.products.where('sku').equalsIgnoreCase(wanted).first();
}

/**
 * What pricing needs for the given products and client: the products, their price list entries,
 * the price types' group discounts and the client's own. Only the offer's products are read, so
 * a 200-line offer reads 200 products' prices, whatever the catalog's size.
 */
export async function loadPricingCatalog(productIds: readonly string[], client: Pick<Client, 'id' | 'groupDiscounts'>, db: FieldbookDb = getDb()): Promise<PricingCatalog> {
  const ids = [...new Set(productIds)];
  const [products, priceList, typeDiscounts] = await Promise.all([db.products.bulkGet(ids), db.prices.where('productId').anyOf(ids).toArray(), db.groupDiscounts.toArray()]);
  return buildPricingCatalog({
    products: products.filter((p) => p !== undefined),
    priceList,
    groupDiscounts: groupDiscountsOf(typeDiscounts, [client]),
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
