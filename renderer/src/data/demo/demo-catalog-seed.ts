/**
 * The demo catalog on a laptop that runs the offline demo: product groups, products with their
 * stock and price lists, the price types' group discounts and the demo company profile — the
 * records of the embedded demo server's catalog, with the same ids (core/demo-data), so a demo
 * laptop that syncs with it converges instead of holding two catalogs.
 *
 * It runs in the background after the demo client base, in small transactions with a pause
 * between them, so the window stays responsive; a progress mark in `meta` lets a laptop closed
 * half-way finish at its next start. The 2 000 products are ~60 000 records, which IndexedDB
 * takes 5–10 s to write on a modest laptop and over a minute on a slow 2-core machine; batches
 * are small so that the person's own saves, queued behind them, wait a fraction of a second.
 * `?catalog=N` sets the size (any size, to try a big catalog; `?catalog=0`: none).
 */
import { DEMO_CATALOG_SIZE, DEMO_SEED, MAX_DEMO_PRODUCTS, demoCompanyProfile, demoPriceTypeDiscounts, demoProductGroups, generateProductBatch } from '../../../../core/demo-data';
import type { FieldbookDb } from '../db';

/** Products per transaction: each is ~30 records (stock, 28 price lists). */
const BATCH = 10;
const MARK = 'demoCatalog';

/** How far the demo catalog got: `done` of `size` products written. */
interface DemoCatalogMark {
  size: number;
  done: number;
}

/** The size asked for with `?catalog=N`, or the demo's. */
export function demoCatalogSize(search = globalThis.location?.search ?? ''): number {
  const n = new URLSearchParams(search).get('catalog');
  return n !== null && /^\d+$/.test(n) ? Math.min(Number(n), MAX_DEMO_PRODUCTS) : DEMO_CATALOG_SIZE;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Seeds (or finishes seeding) the demo catalog on a laptop whose client base is the offline
 * demo (`meta.demoSeeded`). A laptop that got a catalog otherwise (by sync) is left alone.
 * Never throws: a failed seed is logged and tried again at the next start.
 */
export async function seedDemoCatalog(db: FieldbookDb, size = demoCatalogSize()): Promise<void> {
  try {
    const [base, mark, anyProduct] = await Promise.all([db.meta.get('demoSeeded'), db.meta.get(MARK), db.products.limit(1).first()]);
    if (!base) return;
    let state = mark?.value as DemoCatalogMark | undefined;
    if (!state) {
      if (anyProduct || size <= 0) return;
      state = { size, done: 0 };
      const profile = demoCompanyProfile();
      await db.transaction('rw', [db.productGroups, db.groupDiscounts, db.company, db.meta], async () => {
        await db.productGroups.bulkPut(demoProductGroups(DEMO_SEED));
        await db.groupDiscounts.bulkPut(demoPriceTypeDiscounts(DEMO_SEED));
        // A profile that came from the company stays.
        if (!(await db.company.get(profile.id))) await db.company.put(profile);
        await db.meta.put({ key: MARK, value: state });
      });
    }
    for (let start = state.done; start < state.size; start += BATCH) {
      const count = Math.min(BATCH, state.size - start);
      const { products, stock, prices } = generateProductBatch({ seed: DEMO_SEED, start, count, total: state.size });
      const progress: DemoCatalogMark = { size: state.size, done: start + count };
      await db.transaction('rw', [db.products, db.stock, db.prices], async () => {
        await Promise.all([db.products.bulkPut(products), db.stock.bulkPut(stock), db.prices.bulkPut(prices)]);
      });
      // The mark is written after the batch, not with it: every edit of the person's writes
      // `meta` (the outbox's sequence), and a batch holding it made each save wait for the
      // batch (seconds, on a slow disk or CPU). Closed in between, the next start writes the
      // batch again: the same records under the same ids.
      await db.meta.put({ key: MARK, value: progress });
      await pause();
    }
    performance.mark('fieldbook:demo-catalog-seeded', { detail: { products: state.size } });
  } catch (e) {
    console.warn('Could not seed the demo catalog; the next start tries again.', e);
  }
}
