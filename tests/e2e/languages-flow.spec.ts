/**
 * A manager's day in their own language, end to end against the company server: capture a lead,
 * make an offer for a client, sync — in Russian (Dmitry, Russian market) and in Hindi (Priya,
 * Indian market). On every screen of the way, no word of the English UI shows: every word the
 * English messages use is looked for, except words the language's own messages use too
 * ("Fieldbook", "vCard") and words of the laptop's data (client, product and people's names).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { signedInLaptop } from './pages/laptop';
import { OfferBuilder } from './pages/offer-builder';
import { laptopStores } from './pages/laptop-stores';
import { englishWordsShown } from './pages/cut-text';
import { en } from '../../renderer/src/i18n/locales/en';
import ru from '../../renderer/src/i18n/locales/ru';
import hi from '../../renderer/src/i18n/locales/hi';

test.use({ baseURL: COMPANY_SERVER_URL });

type Tree = { [key: string]: string | Tree };

function words(tree: Tree): Set<string> {
  const out = new Set<string>();
  const walk = (node: Tree) => {
    for (const value of Object.values(node)) {
      if (typeof value !== 'string') walk(value);
      // Placeholders' names are not words a screen shows.
      else for (const w of value.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ' ').match(/[A-Za-z]{4,}/g) ?? []) out.add(w.toLowerCase());
    }
  };
  walk(tree);
  return out;
}

/** English UI words that must not show: not used by the language itself, not in the laptop's data. */
async function englishOnly(page: Page, own: Tree): Promise<string[]> {
  const ownWords = words(own);
  const stores = await laptopStores(page, ['clients', 'products', 'productGroups', 'team', 'events', 'company']);
  const data = new Set(JSON.stringify(stores).match(/[A-Za-z]{4,}/g)?.map((w) => w.toLowerCase()) ?? []);
  return [...words(en as Tree)].filter((w) => !ownWords.has(w) && !data.has(w));
}

async function expectNoEnglish(page: Page, dictionary: string[], screen: string) {
  // Lists, panels and live queries answer before the screen is read.
  await page.waitForTimeout(500);
  await page.screenshot({ path: test.info().outputPath(`${screen}.png`) });
  expect(await englishWordsShown(page, dictionary), `English words on ${screen}`).toEqual([]);
}

/** A client of this laptop and a product priced for it, read from the laptop's stores. */
async function clientAndProduct(page: Page) {
  const { clients, products, prices, stock } = await laptopStores(page, ['clients', 'products', 'prices', 'stock']);
  const inStock = new Set(stock!.filter((s) => (s.available as number) >= 5).map((s) => s.id as string));
  for (const client of clients!.filter((c) => !c.archived)) {
    const priced = new Set(prices!.filter((p) => p.priceType === client.priceType && p.currency === client.currency).map((p) => p.productId as string));
    const product = products!.find((p) => !p.discontinued && priced.has(p.id as string) && inStock.has(p.id as string));
    if (product) return { clientId: client.id as string, sku: product.sku as string };
  }
  throw new Error('no client of this laptop has a product priced in its currency');
}

/** The offer's PDF as the client gets it, read back as text by pdftotext. */
async function pdfText(page: Page): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'fieldbook-language-pdf-')), 'offer.pdf');
  writeFileSync(file, await new OfferBuilder(page).exportPdf());
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, test.info().outputPath('offer-pdf')]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const documentTitle = (messages: Tree) => (messages.document as Tree).title as string;

for (const { language, login, own, lead, script } of [
  { language: 'ru', login: 'dmitry', own: ru as Tree, lead: { name: 'Ольга Смирнова', company: 'ООО «Волга-Крепёж»' }, script: /\p{Script=Cyrillic}{4,}/u },
  { language: 'hi', login: 'priya', own: hi as Tree, lead: { name: 'राहुल वर्मा', company: 'वर्मा ट्रेडर्स' }, script: /\p{Script=Devanagari}{3,}/u },
]) {
  test(`a manager works a whole day in ${language}: capture a lead, make an offer, sync — and never meets an English word of the UI`, async ({ browser }) => {
    test.setTimeout(240_000);
    const { page, sync } = await signedInLaptop(browser, login);
    await page.goto(`/?lang=${language}#/capture`);
    await expect(page.getByRole('form').locator('input').first()).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    const dictionary = await englishOnly(page, own);

    // Capture: the name field has the focus; Tab to the company; Ctrl+Enter saves and clears.
    await expect(page.getByRole('form').locator('input').first()).toBeFocused();
    await page.keyboard.type(lead.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(lead.company);
    await expectNoEnglish(page, dictionary, `${language}-capture-typed`);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('capture-saved')).toBeVisible();
    await expectNoEnglish(page, dictionary, `${language}-capture-saved`);

    // An offer for one of the manager's clients, with a product priced for it.
    const { clientId, sku } = await clientAndProduct(page);
    await page.evaluate((id) => (window.location.hash = `/clients/${id}`), clientId);
    await expect(page.getByTestId('client-name')).toBeVisible();
    await expectNoEnglish(page, dictionary, `${language}-client-card`);
    await page.getByTestId('new-offer').click();
    const picker = page.getByTestId('product-picker');
    await picker.fill(sku);
    await picker.press('Enter');
    await expect(page.locator(`[data-testid="offer-line"][data-sku="${sku}"]`)).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await expectNoEnglish(page, dictionary, `${language}-offer`);
    // The client's PDF: its script is printed (not boxes or nothing), its title in the language.
    const text = await pdfText(page);
    expect(text).toMatch(script);
    expect(text).toContain(documentTitle(own));

    // Sync: the lead and the offer go to the company.
    await sync.status().locator('button').click();
    await expect(sync.status()).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
    await page.evaluate(() => (window.location.hash = '/sync'));
    await expect(page.getByTestId('sync-runs')).toBeVisible();
    await expectNoEnglish(page, dictionary, `${language}-sync`);
  });
}
