/**
 * The catalog screen on the demo data, in Chromium: search across scripts and by SKU, the group
 * and stock filters, a product's details, prices and analogues. What to expect is taken from
 * the demo generator itself (core/demo-data), which made the laptop's catalog.
 */
import { expect, test } from '@playwright/test';
import { DEMO_SEED, demoProductGroups, generateProductBatch } from '../../core/demo-data';
import { minorUnitExponent } from '../../core/pricing/money';
import { productName } from '../../core/pricing/catalog-model';
import { CatalogPage, E2E_CATALOG_SIZE, ProductView } from './pages/catalog-page';

const demo = generateProductBatch({ seed: DEMO_SEED, start: 0, count: E2E_CATALOG_SIZE, total: E2E_CATALOG_SIZE });
const stockOf = new Map(demo.stock.map((s) => [s.id, s]));
const live = demo.products.filter((p) => !p.discontinued);
const groups = demoProductGroups(DEMO_SEED);
const byId = new Map(demo.products.map((p) => [p.id, p]));

/** Live products whose name (in the UI's `language`, where the catalog has it) matches, as the list counts them. */
const named = (pattern: RegExp, language = 'en') => live.filter((p) => pattern.test(productName(p, language)));
/** As the app formats (en-GB, the tests' locale); Intl's spaces differ between runtimes. */
const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 10 ** minorUnitExponent(currency)).replace(/[\u00a0\u202f]/g, ' ');
const date = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`));

test('searches the demo catalog as you type, in the manager’s language in any script, and by SKU', async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.open(live.length);

  // The UI's language names the products: English first, then Russian, Hungarian and Hindi,
  // switched in Settings without leaving the app.
  const cases: [string, string, RegExp][] = [
    ['en', 'cordless', /Cordless/],
    ['ru', 'насос', /Насос/], // Russian
    ['ru', 'nasos', /Насос/], // Russian typed in Latin letters
    ['hu', 'tavolsag', /távolság/], // Hungarian without accents
    ['hi', 'टाइल', /टाइल/], // Hindi
  ];
  let shown = 'en';
  for (const [language, query, pattern] of cases) {
    if (language !== shown) {
      await catalog.switchLanguage(language);
      shown = language;
    }
    await catalog.searchFor(query);
    // The rows are renamed a moment after the switch.
    await expect.poll(() => catalog.resultCount(), query).toBe(named(pattern, language).length);
    expect(await catalog.resultCount(), query).toBeGreaterThan(0);
    for (const name of await catalog.visibleNames()) expect(name, query).toMatch(pattern);
  }
  // The product's own (English) name stays searchable on a Hindi screen.
  await catalog.searchFor('cordless');
  await expect.poll(() => catalog.resultCount()).toBe(named(/Cordless/).length);
  for (const name of await catalog.visibleNames()) expect(name).toMatch(/\p{Script=Devanagari}/u);
  await catalog.switchLanguage('en');

  // A SKU prefix lists that family's SKUs first; a whole SKU (any case, without dashes) is the top row.
  const target = live.find((p) => p.sku.startsWith('PWR-'))!;
  const prefix = target.sku.slice(0, 6);
  await catalog.searchFor(prefix.toLowerCase());
  const skus = await catalog.visibleSkus();
  expect(skus.length).toBeGreaterThan(0);
  for (const sku of skus) expect(sku.startsWith(prefix)).toBe(true);
  await catalog.searchFor(target.sku.replace(/-/g, ''));
  expect((await catalog.visibleSkus())[0]).toBe(target.sku);

  await catalog.searchFor('zzqqxx');
  await expect(page.getByText('No products match.')).toBeVisible();
  // Esc clears the search: the whole catalog again.
  await catalog.search.press('Escape');
  await expect(catalog.count).toHaveAttribute('data-count', String(live.length));
});

test('filters by product group and by stock', async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.open(live.length);
  const power = groups.find((g) => g.name === 'Power tools')!;
  const inPower = live.filter((p) => groups.find((g) => g.id === p.groupId)?.parentId === power.id);
  await catalog.chooseGroup('Power tools');
  await expect(catalog.count).toHaveAttribute('data-count', String(inPower.length));

  await catalog.setInStockOnly(true);
  const inStock = inPower.filter((p) => (stockOf.get(p.id)?.available ?? 0) > 0);
  await expect(catalog.count).toHaveAttribute('data-count', String(inStock.length));
  for (const stock of await catalog.visibleStock()) expect(stock).not.toContain('Out of stock');

  // Within the filters, the search narrows further.
  const drills = inStock.filter((p) => /Cordless drill/.test(p.name));
  await catalog.searchFor('cordless drill');
  await expect(catalog.count).toHaveAttribute('data-count', String(drills.length));
});

test('shows a product: characteristics, stock and deliveries, prices per price type and currency, analogues', async ({ page }) => {
  // An English product out of stock, with deliveries on the way and analogues to offer instead.
  const product = live.find((p) => /^[A-Z][a-z]/.test(p.name) && stockOf.get(p.id)!.available === 0 && stockOf.get(p.id)!.incoming.length >= 2 && p.analogueIds.length >= 2)!;
  const catalog = new CatalogPage(page);
  await catalog.open(live.length);
  await catalog.searchFor(product.sku);
  expect(await catalog.visibleStock()).toEqual([expect.stringContaining('Out of stock')]);
  await catalog.openWithKeyboard();

  const view = new ProductView(page);
  await expect(view.name).toHaveText(product.name);
  await expect(page.getByTestId('product-sku')).toHaveText(product.sku);
  for (const c of product.characteristics) await expect(view.characteristic(c.name)).toContainText(c.value);
  await expect(view.stock).toContainText('Out of stock');
  const arrivals = stockOf.get(product.id)!.incoming;
  for (const a of arrivals) await expect(view.arrivals).toContainText(date(a.on));

  // Prices: GBP first (alphabetical), then the person switches to forints.
  const retailGbp = demo.prices.find((p) => p.productId === product.id && p.priceType === 'retail' && p.currency === 'GBP')!;
  expect(await view.pricesOf('retail')).toContain(money(retailGbp.breaks[0]!.unitPrice, 'GBP'));
  await view.chooseCurrency('HUF');
  const keyHuf = demo.prices.find((p) => p.productId === product.id && p.priceType === 'key_account' && p.currency === 'HUF')!;
  const keyRow = await view.pricesOf('key_account');
  for (const b of keyHuf.breaks) expect(keyRow).toContain(money(b.unitPrice, 'HUF'));

  // Analogues open their own page; Esc goes back to the list with the search kept.
  const analogues = product.analogueIds.map((id) => byId.get(id)!);
  await expect(view.analogues).toHaveCount(analogues.length);
  await view.openAnalogue(analogues[0]!.name);
  await expect(page.getByTestId('product-sku')).toHaveText(analogues[0]!.sku);
  await expect(view.analogues.filter({ hasText: product.name })).toHaveCount(1);
  await view.back();
  await expect(catalog.search).toHaveValue(product.sku);
});

test('is reached from the navigation, and the keyboard moves through the list', async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.open(live.length);
  await page.goto('/?demo=10#/');
  await catalog.openFromNav();
  await catalog.searchFor('cordless');
  const names = await catalog.visibleNames();
  await catalog.openWithKeyboard(1);
  await expect(new ProductView(page).name).toHaveText(names[1]!);
});
