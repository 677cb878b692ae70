// Shared helpers of the benchmark groups: the browser to launch, statistics, small timing aids.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';

/** The system Chromium (same as the end-to-end tests; `CHROMIUM_PATH` overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CONTEXT_OPTIONS = {
  viewport: { width: 1400, height: 900 },
  locale: 'en-GB',
  timezoneId: 'UTC',
};

/**
 * A headless Chromium with a fresh, throw-away profile (real on-disk IndexedDB). `args` are
 * added to CHROMIUM_ARGS (e.g. the fake camera of the capture group).
 */
export async function launchProfile({ args = [] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    ...CONTEXT_OPTIONS,
  });
  return {
    context,
    dir,
    async close() {
      await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export const median = (values) => percentile(values, 50);

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Rounds to a sensible number of decimals for the results file. */
export function round(value, decimals = 1) {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

// In-page code shared by the groups (runs in Chromium; keep it self-contained).
/* global indexedDB, document, window, requestAnimationFrame, MutationObserver */

/**
 * Counts the clients and their contacts and samples `n` clients spread over the base, with
 * their contacts. Schema version 8: contacts live inside their client's record in the `clients`
 * store, as an array `contacts` (missing or empty for clients without contacts).
 */
export async function sampleBase(n) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fieldbook');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const ask = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  try {
    const clients = await ask(db.transaction('clients', 'readonly').objectStore('clients').count());
    const step = Math.max(1, Math.floor(clients / n));
    // One pass over the clients: the active (not archived) ones and the embedded contacts.
    const { active, contacts } = await new Promise((resolve, reject) => {
      let active = 0;
      let contacts = 0;
      const req = db.transaction('clients', 'readonly').objectStore('clients').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve({ active, contacts });
        if (!cursor.value.archivedAt) active++;
        contacts += (cursor.value.contacts ?? []).length;
        cursor.continue();
      };
      req.onerror = () => reject(req.error);
    });
    const picked = await new Promise((resolve, reject) => {
      const out = [];
      const req = db.transaction('clients', 'readonly').objectStore('clients').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor || out.length >= n) return resolve(out);
        // The record carries its contacts (a missing array means none). Sorted by id, the order
        // the former `contacts.clientId` index gave, so the query mix built from the sample stays
        // the same.
        const contacts = [...(cursor.value.contacts ?? [])].sort((a, b) => indexedDB.cmp(a.id, b.id));
        out.push({ ...cursor.value, contacts });
        cursor.advance(step);
      };
      req.onerror = () => reject(req.error);
    });
    return { clients, contacts, active, sample: picked };
  } finally {
    db.close();
  }
}

/** Bundles a module for a page (vite, production mode) into one IIFE script. */
export async function bundle(root, entry, name) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'error',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    build: {
      write: false,
      minify: false,
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} gave no script`);
  return chunk.code;
}

/**
 * Adds a script to the app's page. The app's CSP allows scripts from its own origin only, so the
 * script is served from there for this one request (the route is removed right after).
 */
export async function injectScript(page, pageUrl, code) {
  const url = new URL('/__bench-page.js', pageUrl).href;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: code }));
  try {
    await page.addScriptTag({ url });
  } finally {
    await page.unroute(url);
  }
}

// ---------------------------------------------------------------------------------------------
// Search as you type, timed in the page (the `clients` and `offers` groups).

/**
 * In-page keystroke-to-results recorder for a search box (test id `ids.input`) whose result
 * count element (`ids.count`) carries `data-query`, the query the results on screen are for, and
 * `data-count`. For each `input` event on the box (window, capture phase: before React sees it)
 * it waits until `data-query` shows that text (MutationObserver), then for the next animation
 * frame and the task after it (the frame with the results has been produced). A keystroke
 * overtaken by the next one before its results showed is resolved by the later results (that is
 * what the person sees). Runs in Chromium: keep it self-contained.
 */
export function installSearchRecorder(ids) {
  const input = document.querySelector(`[data-testid="${ids.input}"]`);
  const rec = { tag: '', pending: [], done: [] };
  window.__benchSearch = rec;
  window.addEventListener(
    'input',
    (e) => {
      if (e.target === input) rec.pending.push({ tag: rec.tag, value: input.value, t0: performance.now() });
    },
    true,
  );
  new MutationObserver(() => {
    const el = document.querySelector(`[data-testid="${ids.count}"]`);
    const query = el?.getAttribute('data-query');
    let at = -1;
    for (let i = rec.pending.length - 1; i >= 0; i--) {
      if (rec.pending[i].value === query) {
        at = i;
        break;
      }
    }
    if (at < 0) return;
    const dom = performance.now();
    const batch = rec.pending.splice(0, at + 1);
    const count = Number(el.getAttribute('data-count'));
    const rows = document.querySelectorAll(`[data-testid="${ids.row}"]`).length;
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        for (const p of batch) {
          rec.done.push({
            tag: p.tag,
            value: p.value,
            superseded: p !== batch[batch.length - 1],
            dom: dom - p.t0,
            frame: frame - p.t0,
            painted: painted - p.t0,
            count,
            rows,
          });
        }
      };
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-query'] });
}

/** Waits until the result count element `countId` shows results for `text`. */
export async function waitForQuery(page, countId, text, timeout = 10_000) {
  await page.waitForFunction(([id, t]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-query') === t, [countId, text], { timeout, polling: 20 });
}

export async function clearSearch(page, countId) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForQuery(page, countId, '');
}

/**
 * Types each query of `mix` ([{ kind, text }]) into the focused search box one key at a time,
 * `keyGapMs` apart, with the recorder installed (`ids` as for installSearchRecorder); clears the
 * box between queries. Returns every measured keystroke, each query's final result count, and
 * how many keys were typed.
 */
export async function typeQueryMix(page, mix, ids, keyGapMs) {
  const keystrokes = mix.reduce((n, q) => n + [...q.text].length, 0);
  await page.evaluate(installSearchRecorder, ids);
  const finals = [];
  for (const [i, q] of mix.entries()) {
    await page.evaluate((tag) => (window.__benchSearch.tag = tag), `q${i}`);
    for (const ch of q.text) {
      await page.keyboard.type(ch);
      await sleep(keyGapMs);
    }
    await waitForQuery(page, ids.count, q.text);
    await sleep(150);
    finals.push({ ...q, count: Number(await page.getByTestId(ids.count).getAttribute('data-count')) });
    await page.evaluate(() => (window.__benchSearch.tag = 'clear'));
    await clearSearch(page, ids.count);
    await sleep(100);
  }
  await sleep(300);
  const rec = await page.evaluate(() => window.__benchSearch);
  return { typed: rec.done.filter((d) => d.tag !== 'clear'), finals, keystrokes };
}

/** Logs each query category's count, how many found nothing, and examples with their counts. */
export function logQueryMix(log, finals) {
  const byKind = new Map();
  for (const f of finals) {
    const k = byKind.get(f.kind) ?? { n: 0, zero: 0, examples: [] };
    k.n++;
    if (f.count === 0) k.zero++;
    if (k.examples.length < 3) k.examples.push(`"${f.text}" (${f.count})`);
    byKind.set(f.kind, k);
  }
  log('Query mix (kind: queries, with no result; examples with their result count):');
  for (const [kind, k] of byKind) log(`  ${kind}: ${k.n}, ${k.zero} empty; ${k.examples.join(', ')}`);
}

/** Runs `work` under the page's CPU profiler (200 µs sampling) and writes the profile to `path` (diagnosis only). */
export async function withCpuProfile(cdp, path, work) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
  }
}
