/**
 * The browser build with no network: after its first visit it opens offline from its service
 * worker's copy, with the client list there and working; the company server's answers are never
 * cached. A newer build, once deployed, is announced with a "Reload" that never throws away what
 * the person is typing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveRenderer } from '../../scripts/serve-renderer.mjs';
import { COMPANY_SERVER_URL } from './playwright.config';
import { AppShell } from './pages/app-shell';
import { CapturePage } from './pages/capture-page';
import { ClientForm } from './pages/client-form';
import { ClientsPage } from './pages/clients-page';
import { SyncPanel } from './pages/sync-panel';

/** What the page's console says about the Content Security Policy (nothing, when all is well). */
function cspComplaints(page: Page): string[] {
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) complaints.push(message.text());
  });
  return complaints;
}

/** A screenshot of what the person sees now, kept with the test's results. */
async function shot(page: Page, name: string) {
  const path = test.info().outputPath(`${name.replaceAll(' ', '-')}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

test.describe('opened from the company server', () => {
  test.use({ baseURL: COMPANY_SERVER_URL });

  test('opens with no network after its first visit: the client list is there and works', async ({ page, context }) => {
    test.setTimeout(180_000);
    const csp = cspComplaints(page);
    const shell = new AppShell(page);
    const list = new ClientsPage(page);
    await new SyncPanel(page).signIn('anna');
    await page.goto('/#/');
    const count = await list.resultCount();
    expect(count).toBeGreaterThan(0);
    const name = (await list.visibleNames())[0]!;
    await shell.waitUntilAvailableOffline();

    await context.setOffline(true);
    await page.reload();
    await expect(list.search).toBeVisible({ timeout: 30_000 });
    expect(await shell.controlled()).toBe(true);
    await expect(list.count).toHaveAttribute('data-count', String(count));
    await list.searchFor(name);
    expect(await list.visibleNames()).toContain(name);
    await list.rows.filter({ hasText: name }).first().click();
    await expect(page.getByTestId('client-name')).toHaveText(name);
    await shot(page, 'offline client card');

    // The company server's answers never come from the cache: with no network they fail.
    const answers = await page.evaluate(async () =>
      Promise.all(['/health', '/api/devices'].map((url) => fetch(url).then((r) => `${url} ${r.status}`, () => `${url} failed`))),
    );
    expect(answers).toEqual(['/health failed', '/api/devices failed']);
    const cached = await shell.cachedPaths();
    expect(cached.some((p) => p.startsWith('/index.html'))).toBe(true);
    expect(cached.filter((p) => p.startsWith('/api') || p.startsWith('/health'))).toEqual([]);
    expect(csp).toEqual([]);
  });
});

/**
 * "Deploys" a new build into `dir`: a changed index.html (marked build 2), and the service worker
 * that lists it with its new revision, as the next `electron-vite build` would write them.
 */
function deployNewBuild(dir: string) {
  const indexHtml = join(dir, 'index.html');
  writeFileSync(indexHtml, readFileSync(indexHtml, 'utf8').replace('<title>', '<meta name="fieldbook-build" content="2" />\n    <title>'));
  const swJs = join(dir, 'sw.js');
  const sw = readFileSync(swJs, 'utf8');
  const next = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1build-2"');
  expect(next, 'sw.js lists index.html with its revision').not.toBe(sw);
  writeFileSync(swJs, next);
}

test('says when a newer version is ready, and reloads into it without losing what is being typed', async ({ browser }) => {
  test.setTimeout(180_000);
  // A build of its own, served from a copy this test can deploy a new version into.
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-build-'));
  cpSync('out/renderer', dir, { recursive: true });
  const { url, server } = await serveRenderer({ port: 0, root: dir });
  const context = await browser.newContext({ baseURL: url });
  try {
    const page = await context.newPage();
    const csp = cspComplaints(page);
    // Any "Leave site?" is the person choosing to stay (Playwright would leave, unasked).
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const shell = new AppShell(page);
    const capture = new CapturePage(page);
    await capture.open();
    await shell.waitUntilAvailableOffline();
    await expect(shell.updateNotice()).toHaveCount(0);

    deployNewBuild(dir);
    // The app hears of a new version when it opens (and every hour while it stays open).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Capture lead' })).toBeVisible({ timeout: 30_000 });
    await shell.expectUpdateReady();
    await shot(page, 'update ready');
    // Still the version that was running: nothing reloads by itself.
    await expect(page.locator('meta[name="fieldbook-build"]')).toHaveCount(0);

    // A new client is being typed when the person clicks Reload: nothing happens but a word why.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.goto('/#/clients/new');
    // The form is ready when it shows its defaults (the owner: the person using the laptop).
    const clientForm = new ClientForm(page);
    await expect(clientForm.field('Owner')).toHaveValue('Anna Berger');
    await clientForm.field('Name').fill('Castell Hardware');
    await shell.reloadToUpdate();
    await expect(shell.updateNotice().getByRole('alert')).toHaveText('Save or close what you are typing first: reloading now would lose it.');
    await expect(clientForm.field('Name')).toHaveValue('Castell Hardware');
    await shot(page, 'reload refused while typing');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave and discard' }).click();
    await capture.open();

    // A visitor being typed on the capture screen is kept as it is typed: Reload starts the new
    // version at once, and the visitor is still in the form there.
    await capture.field('Name').click();
    await capture.type('Mira Castell');
    await shell.reloadToUpdate();
    await expect(page.locator('meta[name="fieldbook-build"]')).toHaveAttribute('content', '2', { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Capture lead' })).toBeVisible({ timeout: 30_000 });
    await expect(shell.updateNotice()).toHaveCount(0);
    await expect(capture.field('Name')).toHaveValue('Mira Castell');
    // Saved in the new version. Not synced yet (this laptop has no company server): it stays on the laptop.
    await capture.field('Name').click();
    await capture.press('Control+Enter');
    await expect(capture.saved()).toContainText('Mira Castell');
    await capture.expectEmptyAndFocused();
    // The lead typed before the update is there in the new version.
    await page.goto('/#/');
    await new ClientsPage(page).search.waitFor();
    const leads = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('fieldbook');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('leads').objectStore('leads').getAll();
            request.onsuccess = () => resolve((request.result as { personName: string }[]).map((l) => l.personName));
            request.onerror = () => reject(request.error);
          };
        }),
    );
    expect(leads).toContain('Mira Castell');
    expect(dialogs).toEqual([]);
    expect(csp).toEqual([]);
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
