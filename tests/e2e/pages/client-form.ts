import { expect, type Page } from '@playwright/test';

/** The whole label, with the asterisk Mantine adds to required fields. */
export const fieldLabel = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** The client form (new and edit). */
export class ClientForm {
  constructor(readonly page: Page) {}

  /**
   * A field by its label; a required field's label ends in " *". Only the input itself: a
   * Mantine select's option list is labelled by the same label.
   */
  field(label: string) {
    return this.page.getByLabel(fieldLabel(label)).and(this.page.locator('input, textarea'));
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
