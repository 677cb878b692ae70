// Shared helpers of the benchmark groups: the browser to launch, statistics, small timing aids.
import { mkdtemp, rm } from 'node:fs/promises';
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
/* global indexedDB */

/** Counts the stores and samples `n` clients spread over the base, with their contacts. */
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
    const tx = db.transaction(['clients', 'contacts'], 'readonly');
    const [clients, contacts] = await Promise.all([ask(tx.objectStore('clients').count()), ask(tx.objectStore('contacts').count())]);
    const step = Math.max(1, Math.floor(clients / n));
    const active = await new Promise((resolve, reject) => {
      let n = 0;
      const req = db.transaction('clients', 'readonly').objectStore('clients').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve(n);
        if (!cursor.value.archivedAt) n++;
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
        out.push(cursor.value);
        cursor.advance(step);
      };
      req.onerror = () => reject(req.error);
    });
    const byClient = db.transaction('contacts', 'readonly').objectStore('contacts').index('clientId');
    const lists = await Promise.all(picked.map((c) => ask(byClient.getAll(c.id))));
    picked.forEach((c, i) => (c.contacts = lists[i]));
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
  const url = new URL('/__bench-page-script.js', pageUrl).href;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: code }));
  try {
    await page.addScriptTag({ url });
  } finally {
    await page.unroute(url);
  }
}
