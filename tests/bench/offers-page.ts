/**
 * Injected into the app's page by the `offers` benchmark group (bundled by tests/bench/offers.mjs),
 * working on the app's own database with the app's schema: it writes a big demo catalog quickly
 * and samples it for the query mix, and makes a long offer with the app's own offer commands
 * (renderer/src/data/offers/offers.ts) without adding 200 products by hand.
 */
import { DEMO_SEED, demoCompanyProfile, demoPriceTypeDiscounts, demoProductGroups, generateProductBatch } from '../../core/demo-data';
import { groupPath } from '../../renderer/src/data/catalog/catalog-search';
import { getDb } from '../../renderer/src/data/db';
import { createOffer, saveOfferDraft } from '../../renderer/src/data/offers/offers';
import type { OfferLine } from '../../core/offers/offer-model';

const BATCH = 2000;

/**
 * The demo catalog of `total` products (the records the app's `?catalog=N` makes, same ids)
 * with the price lists of the first `priced` only: a 50k catalog's 1.4 million price records take
 * minutes to write, and the search reads products and stock only.
 */
async function seedCatalog(total: number, priced: number): Promise<{ products: number; prices: number; ms: number }> {
  const db = getDb();
  const started = performance.now();
  await db.transaction('rw', [db.productGroups, db.groupDiscounts, db.company], async () => {
    await db.productGroups.bulkPut(demoProductGroups(DEMO_SEED));
    await db.groupDiscounts.bulkPut(demoPriceTypeDiscounts(DEMO_SEED));
    await db.company.put(demoCompanyProfile());
  });
  let prices = 0;
  for (let start = 0; start < total; start += BATCH) {
    const batch = generateProductBatch({ seed: DEMO_SEED, start, count: Math.min(BATCH, total - start), total });
    const pricedIds = new Set(batch.products.slice(0, Math.max(0, priced - start)).map((p) => p.id));
    const lists = batch.prices.filter((p) => pricedIds.has(p.productId));
    prices += lists.length;
    await db.transaction('rw', [db.products, db.stock, db.prices], () => Promise.all([db.products.bulkPut(batch.products), db.stock.bulkPut(batch.stock), db.prices.bulkPut(lists)]));
  }
  return { products: total, prices, ms: performance.now() - started };
}

/** `n` products spread over the catalog, each with its group's path. */
async function sampleCatalog(n: number) {
  const db = getDb();
  const ids = (await db.products.toCollection().primaryKeys()) as string[];
  const step = Math.max(1, Math.floor(ids.length / n));
  const picked = await db.products.bulkGet(ids.filter((_, i) => i % step === 0).slice(0, n));
  const groups = new Map((await db.productGroups.toArray()).map((g) => [g.id, g]));
  return {
    total: ids.length,
    products: picked.filter((p) => p !== undefined).map((p) => ({ ...p, groupPath: groupPath(groups, p.groupId) })),
  };
}

/**
 * A draft offer of `lineCount` lines for the client with the most products priced in its
 * currency and price type; every line priced, quantities 1–9. Returns the offer's id.
 */
async function makeLongOffer(lineCount: number): Promise<{ offerId: string; clientId: string; priced: number }> {
  const db = getDb();
  const prices = await db.prices.toArray();
  const clients = (await db.clients.toArray()).filter((c) => !c.archivedAt);
  const pricedFor = (c: { priceType: string; currency: string }) => prices.filter((p) => p.priceType === c.priceType && p.currency === c.currency);
  const client = clients.reduce((best, c) => (pricedFor(c).length > pricedFor(best).length ? c : best), clients[0]!);
  const entries = pricedFor(client).slice(0, lineCount);
  if (entries.length < lineCount) throw new Error(`only ${entries.length} products are priced for any client; ${lineCount} needed`);
  const products = await db.products.bulkGet(entries.map((e) => e.productId));
  const lines: OfferLine[] = products.map((p, i) => ({
    id: crypto.randomUUID(),
    productId: p!.id,
    sku: p!.sku,
    name: p!.name,
    qty: 1 + (i % 9),
    unit: p!.unit,
    manualDiscountBp: 0,
    pricing: null,
    stockNote: '',
  }));
  const offer = await createOffer({ clientId: client.id, paymentText: (days) => `${days} days net` });
  const saved = await saveOfferDraft(offer.id, { lines, terms: offer.terms, currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat });
  return { offerId: offer.id, clientId: client.id, priced: saved.lines.filter((l) => l.pricing !== null).length };
}

(window as unknown as { __fieldbookOffersBench: unknown }).__fieldbookOffersBench = { seedCatalog, sampleCatalog, makeLongOffer };
