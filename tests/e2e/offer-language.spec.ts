/**
 * The offer printed in the client's language (issue 20), end to end against the real company
 * server and its demo catalog: a manager whose screens are in English makes a client in Hungary,
 * whose language of offers is Magyar by its country; the offer's lines read in English on the
 * screen, and its document — the preview and the PDF — in Hungarian: its labels, dates, sums and
 * the products' Hungarian names. Switched to English for this offer, the document follows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { huOffers } from '../../renderer/src/i18n/locales/hu/offers';
import { COMPANY_SERVER_URL } from './playwright.config';
import { ClientForm } from './pages/client-form';
import { signedInLaptop } from './pages/laptop';
import { laptopStores } from './pages/laptop-stores';

test.use({ baseURL: COMPANY_SERVER_URL });

test('an offer for a Hungarian client is printed in Hungarian while the manager’s screens stay in English', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const { page, offer } = await signedInLaptop(browser, 'anna');

  // A new client in Hungary: its offers are in Magyar, by its country.
  await page.goto('/#/clients/new');
  const form = new ClientForm(page);
  await form.fill({ Name: 'Duna Szerszám Kft' });
  await form.choose('Country', 'Hungary (HU)');
  await expect(form.field('Language of offers')).toHaveValue('Magyar');
  await expect(page.getByText('The language of Hungary')).toBeVisible();
  await expect(form.field('Currency')).toHaveValue('HUF');
  await form.save();
  await form.expectSavedCard('Duna Szerszám Kft');
  await expect(page.getByTestId('client-language')).toHaveText('Magyar');

  // A product the catalog names in Hungarian, priced for the client's retail terms in forints.
  const { products, stock, prices } = await laptopStores(page, ['products', 'stock', 'prices']);
  const priced = new Set(prices!.filter((p) => p.priceType === 'retail' && p.currency === 'HUF').map((p) => p.productId as string));
  const inStock = new Set(stock!.filter((s) => (s.available as number) >= 10).map((s) => s.id));
  const product = products!.find((p) => !p.discontinued && priced.has(p.id) && inStock.has(p.id) && (p.names as Record<string, string> | undefined)?.hu)!;
  expect(product, 'a product with a Hungarian name in the demo catalog').toBeTruthy();
  const english = product.name as string;
  const hungarian = (product.names as Record<string, string>).hu!;

  await page.getByTestId('new-offer').click();
  await expect(offer.status()).toHaveText('Draft');
  await offer.addBySku(product.sku as string);
  await offer.setQty(product.sku as string, '10');
  await offer.expectSaved();
  // The manager reads the line in the UI's language.
  await expect(offer.line(product.sku as string).getByTestId('line-name')).toHaveText(english);
  await expect(page.getByTestId('document-language')).toHaveValue('Magyar');

  // The document as the client reads it: Hungarian words, dates, sums and product name.
  await page.getByTestId('action-more').click();
  await page.getByTestId('action-preview').click();
  const doc = page.getByTestId('offer-preview').getByTestId('offer-document');
  await expect(doc).toHaveAttribute('lang', 'hu');
  await expect(doc).toContainText(huOffers.document.title);
  await expect(doc).toContainText(huOffers.document.line.unitPrice);
  await expect(doc).not.toContainText('Commercial offer');
  await expect(doc).toContainText(hungarian);
  await expect(doc).not.toContainText(english);
  // What the app wrote onto the offer for the client is in Hungarian too: the stock note, the payment terms.
  await expect(doc).toContainText(huOffers.offers.stock.noteInStock);
  await expect(doc).not.toContainText('In stock');
  await expect(doc).not.toContainText('days net');
  const text = await doc.innerText();
  // "2026. 12. 07." dates; forints grouped by no-break spaces, without decimals.
  expect(text).toMatch(/\d{4}\. \d{2}\. \d{2}\./);
  expect(text).toMatch(/\d{1,3}(\u00a0\d{3})+\u00a0Ft/);
  expect(text).not.toMatch(/\d,\d{3}/);
  await page.screenshot({ path: testInfo.outputPath('offer-preview-hu.png') });

  // The screens around it stay in English.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('dialog').getByText('Preview', { exact: true })).toBeVisible();

  // For this offer the manager picks English: the document follows at once.
  await page.getByTestId('preview-language').click();
  await page.getByRole('option', { name: 'English', exact: true }).click();
  await expect(doc).toHaveAttribute('lang', 'en');
  await expect(doc).toContainText('Commercial offer');
  await expect(doc).toContainText(english);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-language')).toHaveValue('English');

  // Back to Hungarian, and the PDF says it too.
  await page.getByTestId('document-language').click();
  await page.getByRole('option', { name: 'Magyar', exact: true }).click();
  await expect(page.getByTestId('document-language')).toHaveValue('Magyar');
  const pdf = await offer.exportPdf();
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-offer-hu-'));
  const file = join(dir, 'offer.pdf');
  writeFileSync(file, pdf);
  const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // A long name wraps in its cell: each of its words is there, and the English type name is not.
  for (const expected of [huOffers.document.title, 'Duna Szerszám Kft', ...hungarian.split(' ')]) expect(pdfText).toContain(expected);
  expect(pdfText).not.toContain(english.split(' ')[0]!);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(dir, 'page')]);
  await testInfo.attach('offer-hu-page-1', { path: join(dir, 'page-1.png'), contentType: 'image/png' });
});
