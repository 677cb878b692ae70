import { expect, test, type Page } from '@playwright/test';
import { ClientsPage } from './pages/clients-page';
import { cutOffText } from './pages/cut-text';

/** Every main screen, reached as a person would: the address, or the first row of a list. */
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'clients', open: (page) => go(page, '/', 'client-row') },
  { name: 'client card', open: (page) => clickFirst(page, '/', 'client-row', 'client-name') },
  { name: 'new client', open: (page) => go(page, '/clients/new', 'address-fields') },
  { name: 'catalog', open: (page) => go(page, '/catalog', 'catalog-row') },
  { name: 'product', open: (page) => clickFirst(page, '/catalog', 'catalog-row', 'product-page') },
  { name: 'capture', open: (page) => go(page, '/capture') },
  { name: 'events', open: (page) => go(page, '/events') },
  { name: 'new event', open: (page) => go(page, '/events/new') },
  { name: 'tasks', open: (page) => go(page, '/tasks') },
  { name: 'offers', open: (page) => go(page, '/offers') },
  {
    name: 'new offer',
    open: async (page) => {
      await clickFirst(page, '/', 'client-row', 'client-name');
      await page.getByTestId('new-offer').click();
      await page.getByTestId('offer-title').waitFor();
    },
  },
  { name: 'sync', open: (page) => go(page, '/sync') },
  { name: 'trash', open: (page) => go(page, '/trash') },
  { name: 'settings', open: (page) => go(page, '/settings', 'language-settings') },
];

/** Opens a screen by its address (in the pseudo-locale); `shown` is what it shows once its data is read. */
async function go(page: Page, path: string, shown?: string) {
  await page.evaluate((p) => (window.location.hash = p), path);
  // Every screen says something of the UI (in the pseudo-locale, text ending in "~").
  await expect(page.locator('main')).toContainText('~');
  if (shown) await page.getByTestId(shown).first().waitFor();
}

async function clickFirst(page: Page, path: string, row: string, shown: string) {
  await go(page, path, row);
  await page.getByTestId(row).first().click();
  await page.getByTestId(shown).waitFor();
}

test('the pseudo-locale (accented, 40 % longer) fits every main screen: no text of the UI is cut off', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?demo=40&lang=pseudo#/');
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 });
  const cut: string[] = [];
  for (const screen of SCREENS) {
    await screen.open(page);
    // Lists and panels settle (live queries answer, fonts load) before the text is measured.
    await page.waitForTimeout(300);
    await page.screenshot({ path: info.outputPath(`pseudo-${screen.name.replace(/\W/g, '-')}.png`) });
    cut.push(...(await cutOffText(page)).map((c) => `${screen.name}: ${c}`));
  }
  expect(cut).toEqual([]);
});

test('the language is picked in Settings, takes effect at once without losing what is typed, and stays after a restart', async ({ page }) => {
  await new ClientsPage(page).open(40);
  await page.evaluate(() => (window.location.hash = '/settings'));
  await page.getByTestId('my-details').getByLabel('Position').fill('Regional manager');
  // The same field after the switch, when its label is in the other language.
  const position = page.getByTestId('my-details').locator('input').first();
  await expect(position).toHaveValue('Regional manager');
  await page.getByTestId('language-select').selectOption('id');
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();
  await expect(position).toHaveValue('Regional manager');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  // Indonesian writes 1.234.567,5: the format follows the language unless another is picked.
  await expect(page.getByTestId('format-select').locator('option').first()).toContainText('1.234.567,5');
  await page.getByTestId('format-select').selectOption('en-GB');
  await expect(page.getByTestId('format-select')).toHaveValue('en-GB');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('format-select')).toHaveValue('en-GB');
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('?lang= on the address opens a language directly, and it is remembered', async ({ page }) => {
  await page.goto('/?demo=5&lang=hi#/settings');
  await expect(page.getByTestId('language-select')).toHaveValue('hi', { timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
  await page.goto('/#/settings');
  await expect(page.getByTestId('language-select')).toHaveValue('hi', { timeout: 30_000 });
  // Hindi's own format groups by lakhs.
  await expect(page.getByTestId('format-select').locator('option').first()).toContainText('12,34,567.5');
});
