/**
 * The market in Settings is chosen from the keyboard as in any list of the system: typing a
 * country's first letters finds it ("Ger" is Germany), the arrow keys move on, and the choice is
 * announced once. (The field test: typing into the searchable select added the letters to the
 * chosen country's name, "United Kingdom (GB)Ger", and found nothing.)
 */
import { expect, test } from '@playwright/test';

test('a country is chosen by typing its first letters, as in a native list', async ({ page }) => {
  await page.goto('/#/settings');
  const card = page.getByTestId('market-settings');
  const select = card.getByRole('combobox', { name: 'Country you sell in' });
  // Until chosen: the language settings' (en-GB).
  await expect(select).toHaveValue('GB');
  await select.focus();
  await page.keyboard.type('Ger');
  await expect(select).toHaveValue('DE');
  await expect(card.getByTestId('market-source')).toHaveCount(0);
  // A pause, and the next letters start a new search.
  await page.waitForTimeout(1_200);
  await page.keyboard.type('Hu');
  await expect(select).toHaveValue('HU');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('IS');
  // Said once, the country it stayed on, in place of Germany's (it stayed there a while); not
  // Hungary, passed on the way.
  await expect(page.getByText('Market set to Iceland.')).toBeVisible();
  await expect(page.getByText(/^Market set to/)).toHaveCount(1);
  await expect(page.getByText('Market set to Hungary.')).toHaveCount(0);
  await card.screenshot({ path: test.info().outputPath('market-keyboard.png') });
  // Saved: a reload shows it.
  await page.reload();
  await expect(select).toHaveValue('IS');
  // "No market" is the first choice.
  await select.focus();
  await page.keyboard.type('No m');
  await expect(select).toHaveValue('');
  await expect(page.getByText('No market: numbers without a country code are read only by the record’s or event’s country.')).toBeVisible();
});
