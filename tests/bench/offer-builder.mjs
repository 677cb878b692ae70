// The offer builder's benchmarks, measures of the `offers` group (tests/bench/offers.mjs) on its
// laptop (demo clients, the big catalog with price lists for its first products):
//   offer_recalc_200_lines_ms  a quantity typed in a 200-line offer → the new totals on screen
//   offer_pdf_200_lines_ms     "Export PDF" on a 200-line offer → the finished PDF
// The 200-line draft is made with the app's own commands (`makeLongOffer` in offers-page.ts); the
// builder is then used as a person would.
import { median, percentile, round, sleep, withCpuProfile } from './lib.mjs';

const LINES = Number(process.env.BENCH_OFFER_LINES ?? 200);
const EDITS = Number(process.env.BENCH_OFFER_EDITS ?? 40);
const PDFS = Number(process.env.BENCH_OFFER_PDFS ?? 5);
/** `BENCH_OFFER_PROFILE=<prefix>` writes a CPU profile of the page while quantities are typed: <prefix>-recalc.cpuprofile (diagnosis only). */
const PROFILE = process.env.BENCH_OFFER_PROFILE;

export const offerBuilderGoals = {
  offer_recalc_200_lines_ms: { max: 16 },
  offer_pdf_200_lines_ms: { max: 2000 },
};

// In-page code (runs in Chromium; self-contained).
/* global document, window, requestAnimationFrame, MutationObserver */

/**
 * Arms one measurement: from the next `input` event (capture phase: the keystroke) to the frame
 * after the net total's text changed (MutationObserver), plus the task after that frame (so the
 * frame with the new totals has been produced). `window.__recalc` resolves with milliseconds.
 */
function armRecalc() {
  window.__recalc = new Promise((resolve) => {
    const total = document.querySelector('[data-testid="total-net"]');
    let started = 0;
    window.addEventListener('input', () => (started = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (!started) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
    });
    observer.observe(total, { characterData: true, childList: true, subtree: true });
    // A keystroke that never shows new totals is a failure of the measure, not a wait forever.
    setTimeout(() => resolve(Number.NaN), 5000);
  });
}

/** Opens a new 200-line draft in the builder; resolves when every line and the totals are on screen. */
async function openLongOffer(ctx, { page, url, bench }) {
  const made = await bench('makeLongOffer', LINES);
  if (made.priced !== LINES) throw new Error(`${made.priced} of ${LINES} lines priced`);
  await page.goto(`${url}#/offers/${made.offerId}`);
  await page.getByTestId('offer-line').nth(LINES - 1).waitFor({ timeout: 60_000 });
  await page.getByTestId('total-net').waitFor();
  ctx.log(`A ${LINES}-line draft for client ${made.clientId} is open in the builder.`);
}

/** offer_recalc_200_lines_ms: quantities typed into lines spread over the offer (select the value, type one digit). */
export async function measureOfferRecalc(ctx, laptop) {
  const { page, cdp } = laptop;
  await openLongOffer(ctx, laptop);
  const samples = [];
  // The inputs are found before typing starts: finding one by role among 200 rows is Playwright's
  // work in the page, and must not run between two measured keystrokes.
  const inputs = await page.locator('[data-testid="offer-line"] input[aria-label="Qty"]').elementHandles();
  if (inputs.length !== LINES) throw new Error(`${inputs.length} quantity inputs for ${LINES} lines`);
  const typing = async () => {
    for (let i = 0; i < EDITS; i++) {
      const qty = inputs[(i * 37) % LINES];
      await qty.focus();
      await qty.press('Control+A');
      await page.evaluate(armRecalc);
      // A different quantity than the line has, or the totals would not change.
      const current = Number(await qty.inputValue());
      const digit = 2 + (i % 8);
      await page.keyboard.type(String(digit === current ? digit + 1 : digit));
      samples.push(await page.evaluate(() => window.__recalc));
      await sleep(150);
    }
  };
  await (PROFILE ? withCpuProfile(cdp, `${PROFILE}-recalc.cpuprofile`, typing) : typing());
  if (samples.some(Number.isNaN)) throw new Error(`${samples.filter(Number.isNaN).length} of ${samples.length} quantity changes never showed new totals`);
  ctx.log(`Recalculation: p50 ${round(median(samples))} ms, p95 ${round(percentile(samples, 95))} ms, max ${round(Math.max(...samples))} ms over ${samples.length} edits.`);
  ctx.record('offer_recalc_200_lines_ms', round(median(samples)));
  ctx.record('offer_recalc_200_lines_p95_ms', round(percentile(samples, 95)));
}

/**
 * offer_pdf_200_lines_ms: the click → the app has saved the draft and laid out the document (it
 * asks the browser to print) → Chromium's printToPDF (what Electron's printToPDF runs) has the
 * file. Median of PDFS exports of the offer left open by measureOfferRecalc.
 */
export async function measureOfferPdf(ctx, { page, cdp }) {
  const times = [];
  let pages = 0;
  for (let i = 0; i < PDFS; i++) {
    await page.evaluate(() => {
      window.__printAt = 0;
      window.print = () => (window.__printAt = performance.now());
      document.querySelector('[data-testid="action-pdf"]').addEventListener('click', () => (window.__clickAt = performance.now()), { capture: true, once: true });
    });
    await page.getByTestId('action-pdf').click();
    await page.waitForFunction(() => window.__printAt > 0);
    const appMs = await page.evaluate(() => window.__printAt - window.__clickAt);
    const printStarted = performance.now();
    const { data } = await cdp.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
    const printMs = performance.now() - printStarted;
    const pdf = Buffer.from(data, 'base64');
    pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    times.push(appMs + printMs);
    ctx.log(`PDF ${i + 1}: the app ${round(appMs)} ms + printing ${round(printMs)} ms; ${pdf.length} bytes, ${pages} pages.`);
    await sleep(300);
  }
  if (pages < 2) throw new Error(`a ${LINES}-line offer printed on ${pages} page(s)`);
  ctx.record('offer_pdf_200_lines_ms', round(median(times), 0));
  ctx.record('offer_pdf_200_lines_pages', pages);
}
