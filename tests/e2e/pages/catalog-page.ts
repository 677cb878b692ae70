import { expect, type Locator, type Page } from '@playwright/test';

/** The catalog screen (#/catalog): search, filters, the virtualised product list. */
/**
 * Products of the demo catalog the catalog tests open the app with: a quarter of the demo's, made
 * by the same generator. The whole catalog (~60 000 records) takes Chromium over a minute to
 * write into IndexedDB on a slow 2-core machine, longer than a test may take.
 */
export const E2E_CATALOG_SIZE = 500;

export class CatalogPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('catalog-search');
    this.count = page.getByTestId('catalog-count');
    this.rows = page.getByTestId('catalog-row');
  }

  /**
   * Opens the app on a fresh profile (a small demo client base) on the catalog, once the demo
   * catalog is written and the screen shows `products` of it.
   */
  async open(products: number) {
    await this.page.goto(`/?demo=10&catalog=${E2E_CATALOG_SIZE}#/catalog`);
    await this.page.waitForFunction(() => performance.getEntriesByName('fieldbook:demo-catalog-seeded').length > 0, null, { timeout: 90_000 });
    await expect(this.count).toHaveAttribute('data-count', String(products), { timeout: 30_000 });
  }

  /**
   * Switches the UI's language in Settings (the catalog is then named in it) and comes back to
   * the catalog, without reloading the app.
   */
  async switchLanguage(code: string) {
    await this.page.evaluate(() => (location.hash = '#/settings'));
    await this.page.getByTestId('language-select').selectOption(code);
    await expect(this.page.locator('html')).toHaveAttribute('lang', code);
    await this.page.evaluate(() => (location.hash = '#/catalog'));
    await expect(this.search).toBeVisible();
  }

  /** Goes to the catalog through the navigation. */
  async openFromNav() {
    await this.page.getByRole('navigation').getByText('Catalog', { exact: true }).click();
    await expect(this.search).toBeFocused();
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.count).toHaveAttribute('data-query', text);
  }

  async resultCount(): Promise<number> {
    return Number(await this.count.getAttribute('data-count'));
  }

  async visibleNames(): Promise<string[]> {
    return this.rows.getByTestId('catalog-row-name').allInnerTexts();
  }

  async visibleSkus(): Promise<string[]> {
    return this.rows.getByTestId('catalog-row-sku').allInnerTexts();
  }

  async visibleStock(): Promise<string[]> {
    return this.rows.getByTestId('catalog-row-stock').allInnerTexts();
  }

  /** Picks a group in the group filter (typed, then chosen from the list, as a person would). */
  async chooseGroup(name: string) {
    const select = this.page.getByRole('combobox', { name: 'Product group' });
    await select.click();
    await select.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name}\\s*\\d+$`) }).click();
  }

  async setInStockOnly(on: boolean) {
    const toggle = this.page.getByRole('switch', { name: 'In stock only' });
    if ((await toggle.isChecked()) !== on) await toggle.click({ force: true });
  }

  /** Moves the keyboard cursor down `steps` rows from the first and opens that product with Enter. */
  async openWithKeyboard(steps = 0) {
    await this.search.focus();
    for (let i = 0; i < steps; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('product-page')).toBeVisible();
  }
}

/** A product's page (#/catalog/:id). */
export class ProductView {
  readonly name: Locator;
  readonly stock: Locator;
  readonly arrivals: Locator;
  readonly analogues: Locator;
  readonly prices: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('product-name');
    this.stock = page.getByTestId('product-stock');
    this.arrivals = page.getByTestId('product-arrivals');
    this.analogues = page.getByTestId('analogue');
    this.prices = page.getByTestId('price-table');
  }

  characteristic(name: string): Locator {
    return this.page.getByTestId('product-characteristics').getByRole('row').filter({ hasText: name });
  }

  /** A price type's row (`retail`, `wholesale`, `dealer`, `key_account`) as text: its unit price, then its quantity breaks. */
  async pricesOf(priceType: string): Promise<string> {
    // Intl separates with no-break spaces (narrow ones, in some versions): compared as plain spaces.
    return (await this.page.getByTestId(`price-row-${priceType}`).innerText()).replace(/[\u00a0\u202f]/g, ' ');
  }

  async chooseCurrency(currency: string) {
    await this.page.getByTestId('price-currency').getByText(currency, { exact: true }).click();
  }

  async openAnalogue(name: string) {
    await this.analogues.filter({ hasText: name }).click();
    await expect(this.name).toHaveText(name);
  }

  /** Esc: back to the catalog list. */
  async back() {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('catalog-search')).toBeVisible();
  }
}
