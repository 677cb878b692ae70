// Benchmark group `offers`: the catalog and offers on a laptop with a big catalog (50k products)
// in a real (on-disk) IndexedDB of one Chromium profile. See docs/benchmarks.md.
//
// The group opens one laptop (`openLaptop`) and runs its measures on it in order, each a
// function of (ctx, laptop) that records its metrics: add a measure to MEASURES and its goals
// to `goals`. Every time is taken inside the page (performance.now(), a MutationObserver,
// requestAnimationFrame), never from Playwright round trips.
/* global window */
import { join } from 'node:path';
import { buildCatalogQueryMix } from './catalog-queries.mjs';
import { measureOfferPdf, measureOfferRecalc, offerBuilderGoals } from './offer-builder.mjs';
import { bundle, injectScript, launchProfile, logQueryMix, median, percentile, round, sleep, typeQueryMix, withCpuProfile } from './lib.mjs';

const PRODUCTS = Number(process.env.BENCH_OFFERS_PRODUCTS ?? 50_000);
/** Products with price lists (the offer measures use these); the search reads products and stock only. */
const PRICED = Number(process.env.BENCH_OFFERS_PRICED ?? 2000);
const QUERIES = Number(process.env.BENCH_OFFERS_QUERIES ?? 48);
/** The laptop's client base: small, the catalog is what is measured. */
const CLIENTS = 200;
/** Time between two keystrokes: a quick typist. */
const KEY_GAP_MS = 90;
/** `BENCH_OFFERS_PROFILE=<prefix>` writes a CPU profile of the page while the queries are typed: <prefix>-search.cpuprofile. */
const PROFILE = process.env.BENCH_OFFERS_PROFILE;

export const goals = {
  catalog_search_p95_ms_50k: { max: 30 },
  ...offerBuilderGoals,
};

/** The catalog screen's test ids the search is timed by (renderer/src/catalog/CatalogPage.tsx). */
const SEARCH_IDS = { input: 'catalog-search', count: 'catalog-count', row: 'catalog-row' };

/** Waits for a performance entry of the app and returns its start time (ms from navigation). */
async function entryTime(page, name, timeout = 120_000) {
  return page
    .waitForFunction((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? null, name, { timeout, polling: 50 })
    .then((h) => h.jsonValue());
}

/**
 * A laptop with a demo client base and a catalog of PRODUCTS products, opened again on the
 * catalog screen (as a laptop is, day to day): the catalog comes from IndexedDB, not from the
 * seeding. Returns { profile, page, cdp, url, bench } — `bench` calls the injected page module.
 */
async function openLaptop(ctx) {
  const profile = await launchProfile();
  try {
    const { context } = profile;
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // `catalog=0`: no demo catalog of the app's own; the benchmark writes its own, faster.
    const url = `${ctx.baseUrl}?demo=${CLIENTS}&catalog=0`;
    await page.goto(`${url}#/`);
    await entryTime(page, 'fieldbook:bulk-load');
    const script = await bundle(ctx.root, join(ctx.root, 'tests/bench/offers-page.ts'), 'FieldbookOffersBench');
    await injectScript(page, ctx.baseUrl, script);
    ctx.log(`Writing a demo catalog of ${PRODUCTS} products (price lists for the first ${PRICED}) into IndexedDB…`);
    const seeded = await page.evaluate(([n, priced]) => window.__fieldbookOffersBench.seedCatalog(n, priced), [PRODUCTS, PRICED]);
    ctx.log(`Wrote ${seeded.products} products, their stock and ${seeded.prices} price lists in ${round(seeded.ms / 1000, 1)} s.`);

    // Only the hash changes: a reload makes it a new start of the app.
    await page.goto(`${url}#/catalog`);
    await page.reload();
    const ready = await entryTime(page, 'fieldbook:catalog-ready');
    const indexed = await entryTime(page, 'fieldbook:catalog-index-built');
    ctx.log(`Opened again on the catalog: products read and folded into the search at ${round(ready, 0)} ms, word-prefix lists built at ${round(indexed, 0)} ms (from navigation start).`);
    ctx.record('catalog_load_ms_50k', round(ready, 0));
    ctx.record('catalog_index_ready_ms_50k', round(indexed, 0));
    await page.getByTestId('catalog-row').first().waitFor({ timeout: 30_000 });
    // The page module again: the navigation dropped it.
    await injectScript(page, ctx.baseUrl, script);
    const cdp = await context.newCDPSession(page);
    return { profile, page, cdp, url, errors, bench: (fn, arg) => page.evaluate(({ fn, arg }) => window.__fieldbookOffersBench[fn](arg), { fn, arg }) };
  } catch (e) {
    await profile.close();
    throw e;
  }
}

/** catalog_search_p95_ms_50k: keystroke to the frame with the results, over the query mix. */
async function measureCatalogSearch(ctx, { page, cdp, bench }) {
  const sample = await bench('sampleCatalog', 200);
  const mix = buildCatalogQueryMix(sample.products, QUERIES);
  if (sample.total !== PRODUCTS) throw new Error(`expected ${PRODUCTS} products in IndexedDB, found ${sample.total}`);
  ctx.log(`Typing ${mix.length} queries (${mix.reduce((n, q) => n + [...q.text].length, 0)} keystrokes, ${KEY_GAP_MS} ms apart)…`);
  await page.getByTestId(SEARCH_IDS.input).click();
  await page.evaluate(() => performance.clearMeasures('fieldbook:catalog-search'));
  const typing = () => typeQueryMix(page, mix, SEARCH_IDS, KEY_GAP_MS);
  const { typed, finals, keystrokes } = await (PROFILE ? withCpuProfile(cdp, `${PROFILE}-search.cpuprofile`, typing) : typing());
  const painted = typed.map((d) => d.painted);
  const p95 = percentile(painted, 95);
  ctx.log(
    `Keystrokes measured: ${typed.length}/${keystrokes} (${typed.filter((d) => d.superseded).length} overtaken by the next key). ` +
      `Input → results in DOM p50/p95 ${round(median(typed.map((d) => d.dom)))}/${round(percentile(typed.map((d) => d.dom), 95))} ms; ` +
      `→ frame produced p50/p95/max ${round(median(painted))}/${round(p95)}/${round(Math.max(...painted))} ms.`,
  );
  const byPosition = [1, 2, 3].map((n) => {
    const at = typed.filter((d) => (n < 3 ? [...d.value].length === n : [...d.value].length >= n)).map((d) => d.painted);
    return `${n < 3 ? `key ${n}` : 'keys 3+'}: p50/p95 ${round(median(at))}/${round(percentile(at, 95))} ms (${at.length})`;
  });
  ctx.log(`By keystroke in the query: ${byPosition.join('; ')}.`);
  const scans = await page.evaluate(() =>
    performance
      .getEntriesByName('fieldbook:catalog-search')
      .filter((m) => m.detail?.query)
      .map((m) => m.duration),
  );
  if (scans.length > 0) {
    ctx.log(`In-memory search alone ('fieldbook:catalog-search'): p50/p95/max ${round(median(scans))}/${round(percentile(scans, 95))}/${round(Math.max(...scans))} ms; the rest is rendering.`);
    ctx.record('catalog_search_scan_p95_ms_50k', round(percentile(scans, 95)));
  }
  logQueryMix(ctx.log, finals);
  if (typed.length < keystrokes) ctx.log(`WARNING: ${keystrokes - typed.length} keystrokes never showed their results.`);
  ctx.record('catalog_search_p95_ms_50k', round(p95));
  ctx.record('catalog_search_p50_ms_50k', round(median(painted)));
  ctx.record('catalog_search_dom_p95_ms_50k', round(percentile(typed.map((d) => d.dom), 95)));

  await sleep(500);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  ctx.log(`JS heap after GC with the catalog in memory: ${round(heap.usedSize / 2 ** 20)} MB.`);
  ctx.record('catalog_heap_mb_50k', round(heap.usedSize / 2 ** 20));
}

/** The group's measures, in the order they run on the one laptop. */
const MEASURES = [measureCatalogSearch, measureOfferRecalc, measureOfferPdf];

export async function run(ctx) {
  const laptop = await openLaptop(ctx);
  try {
    for (const measure of MEASURES) await measure(ctx, laptop);
    if (laptop.errors.length > 0) ctx.log(`Page errors: ${laptop.errors.slice(0, 5).join(' | ')}`);
  } finally {
    await laptop.profile.close();
  }
}
