/**
 * An address of the app typed without its '#' ("…/settings", a reload of an address someone
 * shortened) opens the app at that screen, or at its page for an address it has no screen for —
 * never the company server's JSON. Before the service worker keeps the app and after.
 */
import { expect, test } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { AppShell } from './pages/app-shell';

test.use({ baseURL: COMPANY_SERVER_URL });

test('a screen’s address without the # opens the app at that screen, or says it has none', async ({ page }) => {
  test.setTimeout(120_000);
  const settings = async () => {
    await page.goto('/settings');
    await expect(page).toHaveURL(`${COMPANY_SERVER_URL}#/settings`);
    await expect(page.getByTestId('market-settings')).toBeVisible();
  };
  await settings();
  await page.screenshot({ path: test.info().outputPath('settings-typed.png') });

  await page.goto('/no/such/screen');
  await expect(page).toHaveURL(`${COMPANY_SERVER_URL}#/no/such/screen`);
  await expect(page.getByText('No such screen')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('no-such-screen-typed.png') });

  // The server's own answers stay JSON.
  const api = await page.goto('/api/no-such-endpoint');
  expect(api?.status()).toBe(404);
  expect(await api?.json()).toMatchObject({ error: 'not_found' });

  // Once the service worker keeps the app, it still opens at the screen, at any depth.
  await page.goto('/#/');
  await new AppShell(page).waitUntilAvailableOffline();
  await settings();
  expect(await new AppShell(page).controlled()).toBe(true);
  await page.goto('/clients/no-such-client');
  await expect(page).toHaveURL(`${COMPANY_SERVER_URL}#/clients/no-such-client`);
  await expect(page.getByText('This client does not exist on this laptop.')).toBeVisible();
});
