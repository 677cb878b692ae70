/**
 * A new contact's line kind follows the number typed until the person chooses one: a mobile
 * number is "Mobile", a landline "Work" (libphonenumber's number type, core/phone.ts
 * phoneLineKind). A kind the person chose, or a saved contact's, is never changed by the number.
 */
import { expect, test } from '@playwright/test';
import { ClientsPage } from './pages/clients-page';
import { ClientForm } from './pages/client-form';

test('a line’s kind follows the number typed until the person chooses it', async ({ page }) => {
  const list = new ClientsPage(page);
  await list.open(5);
  await list.newClient();
  const clientForm = new ClientForm(page);
  await clientForm.fill({ Name: 'Harbour Fixings Ltd' });
  await clientForm.field('Country').fill('United Kingdom');
  await page.getByRole('option').first().click();
  await clientForm.save();
  await clientForm.expectSavedCard('Harbour Fixings Ltd');

  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Full name').fill('Jane Smith');
  const number = (i: number) => page.getByRole('textbox', { name: 'Phone', exact: true }).nth(i);
  const kind = (i: number) => page.getByRole('combobox', { name: 'Kind', exact: true }).nth(i);
  // A new line is "Work" until a number says otherwise.
  await page.getByRole('button', { name: 'Add phone' }).click();
  await expect(kind(1)).toHaveValue('Work');
  await number(1).fill('07833 445566');
  await expect(kind(1)).toHaveValue('Mobile');
  // The first line: a London landline.
  await number(0).fill('020 7946 0958');
  await expect(kind(0)).toHaveValue('Work');
  // Chosen by the person: the number does not change it.
  await page.getByRole('button', { name: 'Add phone' }).click();
  await kind(2).click();
  await page.getByRole('option', { name: 'Other' }).click();
  await number(2).fill('07911 123456');
  await expect(kind(2)).toHaveValue('Other');
  await page.screenshot({ path: test.info().outputPath('contact-phone-kinds.png') });
  await page.getByRole('button', { name: 'Save' }).click();

  const card = page.getByTestId('contact-card').filter({ hasText: 'Jane Smith' });
  await expect(card).toContainText('Work: +44 20 7946 0958');
  await expect(card).toContainText('Mobile: +44 7833 445566');
  await expect(card).toContainText('Other: +44 7911 123456');

  // A saved contact's kinds are as saved: retyping a number keeps the person's "Other".
  await card.getByRole('button', { name: 'Edit Jane Smith' }).click();
  await expect(number(2)).toHaveValue('+44 7911 123456');
  await number(2).fill('07911 123457');
  await expect(kind(2)).toHaveValue('Other');
  await number(0).fill('07833 111222');
  await expect(kind(0)).toHaveValue('Work');
});
