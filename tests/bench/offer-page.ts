/**
 * Injected into the app's page by the `offers` benchmark group (bundled by
 * tests/bench/offer-builder.mjs): the app's own offer commands (renderer/src/data/offers.ts) on the
 * app's database, to make a long offer without adding 200 products by hand.
 */
import { createOffer, saveOfferDraft } from '../../renderer/src/data/offers';
import { getDb } from '../../renderer/src/data/db';
import type { OfferLine } from '../../core/offers/offer-model';

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

(window as unknown as { __fieldbookOfferBench: unknown }).__fieldbookOfferBench = { makeLongOffer };
