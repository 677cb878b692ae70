import { expect, type Page } from '@playwright/test';

/** The client form (new and edit). */
export class ClientForm {
  constructor(readonly page: Page) {}

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  /** Picks an option of a Mantine select by its label. */
  async choose(label: string, option: string) {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** The error message shown next to a field. */
  error(label: string) {
    return this.page.locator('.mantine-InputWrapper-root', { has: this.field(label) }).locator('.mantine-InputWrapper-error');
  }

  async expectSavedCard(name: string) {
    await expect(this.page.getByTestId('client-name')).toHaveText(name);
  }
}
