import { defineConfig } from '@playwright/test';
import { findElectronRuntime } from './electron-runtime';

// Electron end-to-end tests: the built app (out/main/index.js, `npx electron-vite build` first)
// launched with Playwright's _electron. Where no Electron runtime is installed every test is
// reported as skipped, with the reason printed here and attached to each test.
const runtime = findElectronRuntime();
if (!runtime.available) {
  console.warn(`\nElectron runtime not installed: ${runtime.reason}\nEvery Electron end-to-end test will be SKIPPED (not passed).\n`);
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One Electron app per test, each with its own data folder; keep them sequential.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // DOM snapshots, no screencast: see tests/e2e/playwright.config.ts.
  use: { trace: { mode: 'retain-on-failure', screenshots: false } },
});
