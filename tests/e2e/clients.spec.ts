import { expect, test, type Page } from '@playwright/test';
import { ClientsPage } from './pages/clients-page';
import { ClientForm } from './pages/client-form';
import { ContactForm } from './pages/contact-form';

/** Creates a client through the UI and returns on its card. */
async function createClient(page: Page, name: string, extra: { city?: string; country?: string; taxId?: string } = {}) {
  const list = new ClientsPage(page);
  await list.newClient();
  const form = new ClientForm(page);
  await form.fill({ Name: name, ...(extra.taxId ? { 'Tax id': extra.taxId } : {}), ...(extra.city ? { City: extra.city } : {}) });
  if (extra.country) {
    await form.field('Country').fill(extra.country);
    await page.getByRole('option').first().click();
  }
  await form.save();
  await form.expectSavedCard(name);
}

async function addContact(page: Page, values: Parameters<ContactForm['fill']>[0]) {
  await page.getByRole('button', { name: 'Add contact' }).click();
  const form = new ContactForm(page);
  await form.fill(values);
  await form.save();
  await expect(page.getByTestId('contact-card').filter({ hasText: values.name ?? '' })).toBeVisible();
}

test('starts with a demo client base and searches it as you type', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(40);
  await expect(list.count).toHaveAttribute('data-count', '40');
  await expect(list.rows.first()).toBeVisible();
  // Seeded by its worker: the page's policy and the build let the worker's script load.
  expect(await list.demoSeededIn()).toBe('worker');
  const first = (await list.visibleNames())[0]!;
  await list.searchFor(first.split(' ')[0]!.toLowerCase());
  expect(await list.resultCount()).toBeGreaterThan(0);
  await list.searchFor('zzzqqq');
  await expect(page.getByText('No clients match.')).toBeVisible();
});

test('search is case-, diacritic- and script-insensitive and finds phones in any format', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(10);
  await createClient(page, 'Ügyfél Kft', { city: 'Debrecen', country: 'Hungary' });
  await addContact(page, { name: 'Kovács Anna', position: 'Beszerzési vezető', phone: '06 30 123 4567', email: 'anna@ugyfel.hu' });
  await page.keyboard.press('Escape');
  await createClient(page, 'ООО Ромашка', { city: 'Москва' });
  await page.keyboard.press('Escape');
  await createClient(page, 'शर्मा ट्रेडर्स', { city: 'दिल्ली' });
  await page.keyboard.press('Escape');

  const cases: [string, string][] = [
    ['ugyfel', 'Ügyfél Kft'],
    ['ÜGYFÉL debrecen', 'Ügyfél Kft'],
    ['kovacs', 'Ügyfél Kft'],
    ['beszerzesi', 'Ügyfél Kft'],
    ['+36 30 123 4567', 'Ügyfél Kft'],
    ['06-30-123-4567', 'Ügyfél Kft'],
    ['anna@ugyfel', 'Ügyfél Kft'],
    ['ромаш', 'ООО Ромашка'],
    ['romashka', 'ООО Ромашка'],
    ['शर्मा', 'शर्मा ट्रेडर्स'],
  ];
  for (const [query, name] of cases) {
    await list.searchFor(query);
    await expect(list.rows.first(), query).toContainText(name);
  }
});

test('new client: clear messages next to the fields, nothing typed is lost', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await list.newClient();
  const form = new ClientForm(page);
  await form.fill({ 'Legal name': 'Nameless Trading Ltd', Website: 'not a site', 'Standing discount, %': '120' });
  await form.save();
  await expect(form.error('Name')).toHaveText('Required.');
  await expect(form.error('Standing discount, %')).toHaveText('A discount is between 0 and 100 %.');
  await expect(form.error('Website')).toHaveText('Not a web address, e.g. www.company.com.');
  await expect(form.field('Legal name')).toHaveValue('Nameless Trading Ltd');

  await form.fill({ Name: 'Nameless Trading', Website: 'nameless.example', 'Standing discount, %': '12.5' });
  await form.save();
  await form.expectSavedCard('Nameless Trading');
  await expect(page.getByText('12.5%')).toBeVisible();
});

test('contact: a bad email is explained, a phone is never refused; a valid phone is stored as E.164', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await createClient(page, 'Kuala Supplies Sdn Bhd', { city: 'Kuala Lumpur', country: 'Malaysia' });
  await page.getByRole('button', { name: 'Add contact' }).click();
  const form = new ContactForm(page);
  await form.fill({ name: 'Siti Aminah', phone: '12', email: 'siti@' });
  await form.save();
  // A number that cannot be read is a hint under the field, not an error: it would be saved as typed.
  await expect(form.hint('Phone')).toContainText('Check this number');
  await expect(form.error('Phone')).toHaveCount(0);
  await expect(form.error('Email')).toContainText('Not a valid email address');
  await form.fill({ phone: '012-345 6789', email: 'siti@kuala.example' });
  await expect(form.hint('Phone')).toHaveText('Saved as +60 12 345 6789');
  await form.save();
  const card = page.getByTestId('contact-card').filter({ hasText: 'Siti Aminah' });
  // Stored as E.164 (the tel: link), shown in the international format.
  await expect(card.getByRole('link', { name: '+60 12 345 6789' })).toHaveAttribute('href', 'tel:+60123456789');
  await expect(card.getByRole('link', { name: 'siti@kuala.example' })).toHaveAttribute('href', 'mailto:siti@kuala.example');
});

test('edit records the change history; leaving with unsaved changes asks first', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await createClient(page, 'Borsod Metal Kft');
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = new ClientForm(page);
  await form.fill({ Industry: 'Metalworking' });
  // Leaving asks; staying keeps what was typed.
  await page.getByRole('link', { name: 'Clients' }).or(page.getByText('Clients', { exact: true })).first().click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(form.field('Industry')).toHaveValue('Metalworking');
  await form.save();
  await form.expectSavedCard('Borsod Metal Kft');
  const history = page.getByTestId('client-history');
  await expect(history).toContainText('Client changed');
  await expect(history).toContainText('Industry: (empty) → Metalworking');
});

test('archive hides a client from the list and restore brings it back', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await createClient(page, 'Archivable Partners LLP');
  // The sidebar counts the clients the list shows: an archived one is not among them.
  const sidebarCount = page.getByTestId('client-count');
  await expect(sidebarCount).toHaveText('6');
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText(/This client is archived/)).toBeVisible();
  await expect(sidebarCount).toHaveText('5');
  await page.keyboard.press('Escape');
  await list.searchFor('archivable');
  await expect(list.count).toHaveAttribute('data-count', '0');
  await page.getByLabel('Archive').check();
  await expect(list.rows.first()).toContainText('Archivable Partners LLP');
  await list.rows.first().click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(/This client is archived/)).toHaveCount(0);
  await expect(sidebarCount).toHaveText('6');
});

test('keyboard first: Ctrl+K searches from anywhere, arrows and Enter open, Esc goes back', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(30);
  await list.search.press('ArrowDown');
  await list.search.press('ArrowDown');
  const third = (await list.visibleNames())[2]!;
  await expect(list.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await list.search.press('Enter');
  await expect(page.getByTestId('client-name')).toHaveText(third);
  await page.keyboard.press('Escape');
  await expect(list.search).toBeVisible();
  await list.rows.first().click();
  await expect(page.getByTestId('client-name')).toBeVisible();
  await page.keyboard.press('Control+K');
  await expect(list.search).toBeFocused();
});

test('the list is virtualised: thousands of clients, a few dozen rows in the page', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(3000);
  await expect(list.count).toHaveAttribute('data-count', '3000', { timeout: 60_000 });
  expect(await list.rows.count()).toBeLessThan(60);
  await page.getByTestId('client-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.rows.last()).toBeVisible();
  for (let i = 0; i < 40; i++) await list.search.press('ArrowUp'); // still usable after the jump
  expect(await list.rows.count()).toBeLessThan(60);
});

test('filters by status and city, and sorts', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(200);
  const total = await list.resultCount();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Key', exact: true }).click();
  await page.keyboard.press('Escape');
  const keyCount = await list.resultCount();
  expect(keyCount).toBeGreaterThan(0);
  expect(keyCount).toBeLessThan(total);
  await expect(list.rows.first().getByText('Key', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Sort: Most overdue' }).click();
  await expect(list.rows.first()).toBeVisible();
});

test('a reopened app starts from its list snapshot and still shows changes made after it', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(1200);
  await expect(list.count).toHaveAttribute('data-count', /^1\d{3}$/, { timeout: 60_000 });
  // The app saves its list snapshot a few seconds after the rows stop changing.
  await page.waitForFunction(() => performance.getEntriesByName('fieldbook:snapshot-saved').length > 0, null, { timeout: 30_000 });
  const first = (await list.visibleNames())[0]!;
  await list.rows.first().click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = new ClientForm(page);
  await form.field('Name').fill('Aaa Renamed After Snapshot');
  await form.save();
  await form.expectSavedCard('Aaa Renamed After Snapshot');

  await page.reload();
  await page.goto('/#/');
  await expect(list.search).toBeVisible();
  const started = await page.evaluate(() => (performance.getEntriesByName('fieldbook:rows-read')[0] as PerformanceMark | undefined)?.detail);
  expect(started).toMatchObject({ snapshot: true });
  await expect(list.rows.first()).toContainText('Aaa Renamed After Snapshot');
  await list.searchFor(first);
  await expect(page.getByTestId('client-row-name').getByText(first, { exact: true })).toHaveCount(0);
});

test('a failed save keeps everything typed and says why', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await list.newClient();
  const form = new ClientForm(page);
  await form.fill({ Name: 'Unlucky Imports', Notes: 'Met at the Hannover fair; wants a dealer price list.' });
  // The disk fills up: from now on IndexedDB refuses every write the way a full disk does
  // (a QuotaExceededError from put/add). Chromium gives no switch for a full disk, so the test
  // injects the fault at the IndexedDB API, under Dexie and the app.
  await page.evaluate(() => {
    const full = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  await form.save();
  await expect(page.getByText(/Could not save: this computer has no space left/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('save-failed.png') });
  await expect(form.field('Name')).toHaveValue('Unlucky Imports');
  await expect(form.field('Notes')).toHaveValue('Met at the Hannover fair; wants a dealer price list.');
});

test('an address the app has no screen for says so in plain words, with the sidebar and a way back', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await page.goto('/#/no/such/screen');
  const notFound = page.getByTestId('not-found');
  await expect(notFound).toContainText('No such screen');
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
  await expect(page.getByRole('navigation').getByText('Capture lead')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('not-found.png') });
  await notFound.getByRole('link', { name: 'Back to the clients' }).click();
  await expect(list.rows.first()).toBeVisible();
  // "#/clients" is the list.
  await page.goto('/#/clients');
  await expect(list.rows.first()).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
});
