/**
 * The sidebar during a laptop's very first sync says one thing: the first sync is running, with
 * its progress, never "Never synced", "All changes synced" or a client count of 0 beside it
 * (the field test). Every state the sidebar passes through is recorded in the page as it
 * changes, so a state shown for a moment is seen too.
 */
import { expect, test } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { SyncPanel } from './pages/sync-panel';

test.use({ baseURL: COMPANY_SERVER_URL });

declare global {
  interface Window {
    sidebarStates?: { running: string | null; status: string; count: string | null }[];
  }
}

test('during the first sync the sidebar says the first sync is running, and nothing that contradicts it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    window.sidebarStates = [];
    const record = () => {
      const status = document.querySelector<HTMLElement>('[data-testid="sync-status"]');
      if (!status) return;
      const state = {
        running: status.getAttribute('data-running'),
        status: status.innerText.replace(/\s+/g, ' ').trim(),
        count: document.querySelector<HTMLElement>('[data-testid="client-count"]')?.innerText ?? null,
      };
      const last = window.sidebarStates!.at(-1);
      if (!last || JSON.stringify(last) !== JSON.stringify(state)) window.sidebarStates!.push(state);
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const sync = new SyncPanel(page);
  await sync.submitSignIn('anna');
  await expect(page.getByTestId('sync-last')).toHaveText('First sync: your clients arrive when it is done');
  await page.getByTestId('sync-status').screenshot({ path: test.info().outputPath('first-sync-running.png') });
  await expect.poll(() => sync.lastSync(), { timeout: 120_000 }).not.toBe('');
  await expect(sync.status()).toHaveAttribute('data-running', 'false');
  await expect(page.getByTestId('sync-pending')).toHaveText('All changes synced');
  await expect(page.getByTestId('client-count')).not.toHaveText('0');
  await page.locator('.mantine-AppShell-navbar').screenshot({ path: test.info().outputPath('first-sync-done.png') });

  const states = await page.evaluate(() => window.sidebarStates!);
  const signedIn = states.slice(states.findIndex((s) => s.running === 'true'));
  expect(signedIn.length, JSON.stringify(states, null, 1)).toBeGreaterThan(1);
  // The first sync's states: until the last sync is named (another sync may follow it at once).
  const done = signedIn.findIndex((s) => s.status.includes('Last sync'));
  const running = signedIn.slice(0, done).filter((s) => s.running === 'true');
  expect(running.length, JSON.stringify(states, null, 1)).toBeGreaterThan(0);
  for (const s of running) {
    expect(s.status, JSON.stringify(s)).toContain('First sync: your clients arrive when it is done');
    expect(s.status, JSON.stringify(s)).not.toMatch(/Never synced|All changes synced/);
    expect(s.count, JSON.stringify(s)).not.toBe('0');
  }
  // Once it is done: the last sync, and not an empty base beside it.
  for (const s of signedIn.filter((x) => x.status.includes('Last sync'))) expect(s.count, JSON.stringify(s)).not.toBe('0');
  for (const s of signedIn) expect(s.status, JSON.stringify(s)).not.toMatch(/Never synced/);
});
