import { expect, type Locator, type Page } from '@playwright/test';

/** The offer builder (`/offers/:id`): lines, totals, terms and the lifecycle's buttons. */
export class OfferBuilder {
  constructor(readonly page: Page) {}

  title(): Locator {
    return this.page.getByTestId('offer-title');
  }

  status(): Locator {
    return this.page.getByTestId('offer-status').first();
  }

  lines(): Locator {
    return this.page.getByTestId('offer-line');
  }

  line(sku: string): Locator {
    return this.page.locator(`[data-testid="offer-line"][data-sku="${sku}"]`);
  }

  /** Adds a product the way a scanner does: its SKU and Enter in the product box. */
  async addBySku(sku: string) {
    const picker = this.page.getByTestId('product-picker');
    await picker.fill(sku);
    await picker.press('Enter');
    await expect(this.line(sku)).toBeVisible();
    await expect(picker).toHaveValue('');
  }

  /** Searches the catalog and picks the first match with the keyboard. */
  async addBySearch(text: string, expectedSku: string) {
    const picker = this.page.getByTestId('product-picker');
    await picker.fill(text);
    await expect(this.page.getByRole('option').first()).toBeVisible();
    await picker.press('Enter');
    await expect(this.line(expectedSku)).toBeVisible();
  }

  async swapForAnalogue(sku: string, analogueName: string) {
    await this.line(sku).getByTestId('show-analogues').click();
    await this.page.getByTestId('swap-analogue').filter({ hasText: analogueName }).click();
  }

  /** A line's quantity or discount field (typed as the person's format writes numbers, whatever the UI's language). */
  number(sku: string, which: 'qty' | 'discount'): Locator {
    return this.line(sku).getByTestId(`line-${which}`);
  }

  async setDiscount(sku: string, pct: string) {
    await this.number(sku, 'discount').fill(pct);
  }

  async setQty(sku: string, qty: string) {
    await this.number(sku, 'qty').fill(qty);
  }

  async expectSaved() {
    await expect(this.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  }

  total(which: 'net' | 'gross'): Locator {
    return this.page.getByTestId(`total-${which}`);
  }

  async action(name: 'submit' | 'approve' | 'send' | 'recall' | 'accept' | 'revise') {
    await this.page.getByTestId(`action-${name}`).click();
  }

  /** Sends the offer for approval, giving the head of sales the reason the dialog asks for. */
  async submitForApproval(reason: string) {
    await this.action('submit');
    const dialog = this.page.getByTestId('comment-dialog');
    await dialog.getByRole('textbox').fill(reason);
    await dialog.getByRole('button', { name: 'Send for approval' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Approves (head of sales) with a comment in the dialog. */
  async approve(comment: string) {
    await this.action('approve');
    const dialog = this.page.getByTestId('comment-dialog');
    await dialog.getByRole('textbox').fill(comment);
    await dialog.getByRole('button', { name: 'Approve' }).click();
  }

  /**
   * Exports the PDF as the browser build does — the app lays out the offer document and opens the
   * print dialog — and saves what that dialog's "Save as PDF" would: the page printed by Chromium,
   * the engine Electron's printToPDF uses. Resolves with the PDF's bytes.
   */
  async exportPdf(): Promise<Buffer> {
    await this.page.evaluate(() => {
      (window as { __printRequests?: number }).__printRequests = 0;
      window.print = () => {
        (window as { __printRequests?: number }).__printRequests! += 1;
      };
    });
    await this.page.getByTestId('action-pdf').click();
    await this.page.waitForFunction(() => ((window as { __printRequests?: number }).__printRequests ?? 0) > 0);
    await expect(this.page.getByTestId('print-root')).toBeAttached();
    const pdf = await this.page.pdf({ preferCSSPageSize: true, printBackground: true });
    await this.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(this.page.getByTestId('print-root')).not.toBeAttached();
    return pdf;
  }
}
