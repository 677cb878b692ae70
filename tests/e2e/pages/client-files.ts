import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The "Files" card on a client card: attach, open (a download in the browser build), remove. */
export class ClientFiles {
  readonly card: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('client-files');
    this.rows = this.card.getByTestId('client-file');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('client-file-name').getByText(name, { exact: true }) });
  }

  /** Attaches a file through the card's file picker. */
  async attach(name: string, mimeType: string, buffer: Buffer) {
    await this.card.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  }

  /** Opens a file: the browser build saves it as a download; returns its bytes. */
  async download(name: string): Promise<Buffer> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 30_000 }), this.row(name).getByRole('button', { name: /^Save a copy|^Download/ }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    return readFile(await download.path());
  }

  async remove(name: string) {
    await this.row(name).getByRole('button', { name: /^Remove/ }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
