import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The quick lead capture screen. `press` counts the keystrokes that are not typed data
 * (Tab, shortcuts, picking an option), which is what the keyboard-first promise is about.
 */
export class CapturePage {
  /** Keystrokes beyond the typed data since the page model was made. */
  extraKeystrokes = 0;

  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/#/capture');
    // A fresh profile's first start writes the demo client base first: seconds on a slow machine
    // running other tests alongside.
    await expect(this.page.getByRole('heading', { name: 'Capture lead' })).toBeVisible({ timeout: 30_000 });
  }

  field(label: string): Locator {
    return this.page.getByRole('form', { name: 'Capture lead' }).getByLabel(label, { exact: true });
  }

  /**
   * Data the person types (not counted), at a person's pace: keys a few milliseconds apart ending
   * with Tab are what a USB scanner sends, and the form takes them for a scan.
   */
  async type(text: string) {
    await this.page.keyboard.type(text, { delay: 45 });
  }

  /** A key that is not data: Tab, Alt+1, Ctrl+Enter, an option's first letter. Counted. */
  async press(key: string) {
    this.extraKeystrokes++;
    await this.page.keyboard.press(key);
  }

  /**
   * A USB barcode scanner reading `text`: its keys arrive 4 ms apart by the device's clock, as a
   * scanner sends them, whatever the test machine's load (each key carries its own timestamp, and
   * the page's handling speed does not change the keys' timestamps). A line break is Enter.
   */
  async scan(text: string) {
    const session = await this.page.context().newCDPSession(this.page);
    let at = Date.now() / 1000;
    for (const ch of text) {
      at += 0.004;
      const key = ch === '\n' ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' } : { key: ch, text: ch };
      // In order, one after the other (concurrent sends may arrive out of order); the device's
      // timing is in the timestamps, not in how fast the test sends.
      await session.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp: at });
      await session.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, ...('code' in key ? { code: key.code, windowsVirtualKeyCode: 13 } : {}), timestamp: at + 0.001 });
    }
    await session.detach();
  }

  async expectEmptyAndFocused() {
    await expect(this.field('Name')).toBeFocused();
    for (const label of ['Name', 'Company name', 'Phone', 'Email']) await expect(this.field(label)).toHaveValue('');
  }

  /** The saved-lead line under the form. */
  saved(): Locator {
    return this.page.getByTestId('capture-saved');
  }

  matches(): Locator {
    return this.page.getByTestId('likely-match');
  }

  /** Picks a .vcf file with "Import .vcf" (as the file chooser gives it: its bytes). */
  async importVcf(name: string, bytes: Buffer) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import .vcf' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/vcard', buffer: bytes });
  }

  /** The dialog of a .vcf with several contacts: preview, progress, then the report. */
  vcfDialog(): Locator {
    return this.page.getByTestId('vcf-import');
  }

  async chooseEvent(name: string) {
    await this.page.getByRole('textbox', { name: 'Event' }).click();
    await this.page.getByRole('option', { name }).click();
  }
}
