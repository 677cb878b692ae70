import type { Page } from '@playwright/test';

/** The contact form (new and edit). */
export class ContactForm {
  constructor(readonly page: Page) {}

  async fill(values: { name?: string; position?: string; phone?: string; email?: string; birthday?: string }) {
    const p = this.page;
    if (values.name !== undefined) await p.getByLabel('Full name').fill(values.name);
    if (values.position !== undefined) await p.getByLabel('Position', { exact: true }).fill(values.position);
    if (values.phone !== undefined) await p.getByRole('textbox', { name: 'Phone', exact: true }).first().fill(values.phone);
    if (values.email !== undefined) await p.getByRole('textbox', { name: 'Email', exact: true }).first().fill(values.email);
    if (values.birthday !== undefined) await p.getByLabel('Birthday').fill(values.birthday);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** What a field says under it (a phone: how it will be saved, or to check it); `index`: its line. */
  hint(name: 'Phone', index = 0) {
    return this.page
      .getByRole('textbox', { name, exact: true })
      .nth(index)
      .locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]')
      .locator('.mantine-InputWrapper-description');
  }

  error(name: 'Phone' | 'Email') {
    return this.page
      .locator('.mantine-InputWrapper-root', { has: this.page.getByRole('textbox', { name, exact: true }).first() })
      .locator('.mantine-InputWrapper-error');
  }
}
