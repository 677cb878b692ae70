import { expect, test } from '@playwright/test';
import { ClientsPage } from './pages/clients-page';
import { ClientForm } from './pages/client-form';

test('a tax number that does not look like the country’s is kept as typed and marked for a look', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await list.newClient();
  const form = new ClientForm(page);
  await form.fill({ Name: 'Volga Fasteners', 'Tax id': '7707083894' }); // Sberbank's ИНН with the last digit off
  await form.field('Country').fill('Russia');
  await page.getByRole('option').first().click();
  const hint = page.getByText(/Check this number: it does not look like a tax number of Russia/);
  await expect(hint).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('tax-id-form.png'), fullPage: true });
  // The right number: the hint goes.
  await form.fill({ 'Tax id': '7707083893' });
  await expect(hint).toBeHidden();
  // A wrong one is saved as typed, marked on the card.
  await form.fill({ 'Tax id': '7707 083894' });
  await form.save();
  await form.expectSavedCard('Volga Fasteners');
  await expect(page.getByText('7707 083894')).toBeVisible();
  await expect(page.getByTestId('tax-id-check')).toHaveText('check this number');
  // The field test's smaller things on the same card: the address names its country, empty contract terms read "—".
  await expect(page.getByText('Office: Russia')).toBeVisible();
  await expect(page.getByText('Contract terms', { exact: true }).locator('xpath=..')).toHaveText(/Contract terms\s*—/);
  await page.screenshot({ path: test.info().outputPath('tax-id-card.png'), fullPage: true });
});

test('a VAT number with another country’s prefix is checked by that country’s rules, and says so', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await list.newClient();
  const form = new ClientForm(page);
  await form.fill({ Name: 'Harbour Fixings Ltd', 'Tax id': 'DE136695977' }); // a German VAT number with its last digit off
  await form.field('Country').fill('United Kingdom');
  await page.getByRole('option').first().click();
  const hint = page.getByTestId('tax-id-hint');
  await expect(hint).toHaveText('Check this number: by its prefix DE it is a VAT number of Germany, and it does not look like one. It is kept as typed. The client’s address is in United Kingdom.');
  // The right one: no longer checked as a UK number and marked wrong (the field test), but as German.
  await form.fill({ 'Tax id': 'DE 136 695 976' });
  await expect(hint).toHaveText('A VAT number of Germany (prefix DE): checked by Germany’s rules. The client’s address is in United Kingdom.');
  await expect(page.getByText(/tax number of United Kingdom/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('tax-id-vat-form.png'), fullPage: true });
  await form.save();
  await form.expectSavedCard('Harbour Fixings Ltd');
  await expect(page.getByText('DE 136 695 976')).toBeVisible();
  await expect(page.getByTestId('tax-id-check')).toHaveCount(0);
  await expect(page.getByTestId('tax-id-vat')).toHaveText('VAT number of Germany');
  await page.screenshot({ path: test.info().outputPath('tax-id-vat-card.png'), fullPage: true });
});
