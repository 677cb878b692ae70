// Shared helpers of the benchmark groups: the browser to launch, statistics, small timing aids.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

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

/** A headless Chromium with a fresh, throw-away profile (real on-disk IndexedDB). */
export async function launchProfile() {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
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
