import { defineConfig } from '@playwright/test';

// Ports can be moved (E2E_PORT, E2E_SERVER_PORT) so two checkouts can run their tests at once:
// outside CI a server already on the port is reused, and it would serve the other checkout's build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The company server for the sync tests (tests/e2e/company-server.ts). */
export const COMPANY_SERVER_URL = `http://127.0.0.1:${process.env.E2E_SERVER_PORT ?? 4180}/`;

// End-to-end tests drive the real renderer in Debian's Chromium (no browser download).
// The app must be built first (`npm test` does it): this serves out/renderer.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    // A failed test keeps its trace with DOM snapshots but no screencast: recording one frame
    // after another while the sync's progress bar and spinner animate cost Chromium's GPU and
    // browser processes a whole core on a two-core machine (a first sync with the demo catalog
    // took 17 s with it, 8.5 s without).
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `node scripts/serve-renderer.mjs --port ${PORT}`,
      cwd: '../..',
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: 'node --import tsx tests/e2e/company-server.ts',
      cwd: '../..',
      url: `${COMPANY_SERVER_URL}health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
