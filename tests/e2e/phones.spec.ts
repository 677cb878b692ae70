/**
 * Phone numbers as the field test met them (issue 19): a lead typed with a local number and no
 * country looked saved, then bounced back with a raw JSON error. Now a number is read in the
 * record's country, the active event's, then the person's market (Settings), and one that cannot
 * be read is kept as typed with a "check this number" mark — never refused, never dropped, also
 * not by the company server. The laptops here run against the real company server.
 */
import { expect, test, type Page } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { CapturePage } from './pages/capture-page';
import { ClientForm } from './pages/client-form';
import { ClientsPage } from './pages/clients-page';
import { ContactForm } from './pages/contact-form';
import { EventForm, EventLeadsPage, EventsPage } from './pages/events-page';
import { signedInLaptop } from './pages/laptop';

test.use({ baseURL: COMPANY_SERVER_URL });
// One after the other: each test starts with first syncs, which take a two-core machine's CPU.
test.describe.configure({ mode: 'default' });


/** The client list of a signed-in laptop. */
async function openList(page: Page) {
  await page.goto('/#/');
  await expect(page.getByTestId('client-search')).toBeVisible();
}

/** Sets the market in Settings ('' clears it: no market). */
async function chooseMarket(page: Page, country: string) {
  await page.goto('/#/settings');
  const card = page.getByTestId('market-settings');
  const select = card.getByRole('combobox', { name: 'Country you sell in' });
  // A native select: its options are "Hungary (HU)", and "No market" first.
  const label = country ? new RegExp(`^${country} \\(`) : /^No market$/;
  const value = await select.locator('option').filter({ hasText: label }).getAttribute('value');
  await select.selectOption(value ?? '');
  await expect(select.locator('option:checked')).toHaveText(label);
}

test('a lead typed with a local number and no country is saved, stays saved after a sync, and shows its number; a garbage number is kept and marked', async ({ browser }) => {
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const { page } = anna;

  // Until the person chooses, the market is where most of their clients are (Anna's: the UK).
  await page.goto('/#/settings');
  const market = page.getByTestId('market-settings');
  await expect(market.getByRole('combobox', { name: 'Country you sell in' }).locator('option:checked')).toHaveText(/^United Kingdom/);
  await expect(market).toContainText('Until you choose, it is where most of your clients are: United Kingdom.');
  await market.screenshot({ path: test.info().outputPath('market-setting.png') });

  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').fill('Oliver Hughes');
  await capture.field('Company name').fill('Harbour Fixings Ltd');
  await capture.field('Phone').fill('07833 445566');
  // Under the field, how it will be saved: read as a UK number (the market), no country typed.
  await expect(page.getByTestId('phone-saved-as')).toHaveText('Saved as +44 7833 445566');
  await page.getByRole('form', { name: 'Capture lead' }).screenshot({ path: test.info().outputPath('capture-phone-saved-as.png') });
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Oliver Hughes');
  await capture.expectEmptyAndFocused();

  // What no laptop can read: kept as typed, with a hint that is no error.
  await capture.field('Name').fill('Front Desk');
  await capture.field('Phone').fill('call reception');
  const hint = page.getByTestId('phone-check-hint');
  await expect(hint).toContainText('Check this number: it does not look like a phone number of United Kingdom, and it has no country code. It will be saved as typed.');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await page.getByRole('form', { name: 'Capture lead' }).screenshot({ path: test.info().outputPath('capture-phone-check.png') });
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Front Desk');
  await expect(page.getByText(/"code"|custom/)).toHaveCount(0);

  // The sync takes both, refuses nothing, and they stay saved.
  await anna.sync.expectPending(2);
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  await page.goto('/#/sync');
  await expect(page.getByTestId('rejected-change')).toHaveCount(0);

  const leads = new EventLeadsPage(page);
  await leads.open('none');
  await leads.openDetails('Oliver Hughes');
  const phone = leads.details().getByTestId('lead-details-phone');
  await expect(phone.getByRole('link', { name: '+44 7833 445566' })).toHaveAttribute('href', 'tel:+447833445566');
  await expect(phone.getByTestId('phone-check')).toHaveCount(0);
  await leads.closeDetails();
  await leads.openDetails('Front Desk');
  await expect(leads.details().getByTestId('lead-details-phone')).toContainText('call reception');
  await expect(leads.details().getByTestId('lead-details-phone').getByTestId('phone-check')).toHaveText('check this number');
  await leads.details().screenshot({ path: test.info().outputPath('lead-details-phone-check.png') });
  await leads.closeDetails();

  // The head of sales' laptop sells in Hungary: the leads arrive as they were saved.
  const head = await signedInLaptop(browser, 'head');
  await chooseMarket(head.page, 'Hungary');
  await head.sync.syncNow();
  const headLeads = new EventLeadsPage(head.page);
  await headLeads.open('none');
  await headLeads.openDetails('Oliver Hughes');
  await expect(headLeads.details().getByTestId('lead-details-phone').getByRole('link', { name: '+44 7833 445566' })).toBeVisible();
  await headLeads.closeDetails();
  await headLeads.openDetails('Front Desk');
  await expect(headLeads.details().getByTestId('lead-details-phone').getByTestId('phone-check')).toBeVisible();

  // With no market and no country, a local number is kept as typed too, and marked.
  await chooseMarket(page, '');
  await capture.open();
  await capture.field('Name').fill('Maya Patel');
  await capture.field('Phone').fill('07833 445566');
  await expect(page.getByTestId('phone-check-hint')).toContainText('with no country to read it in');
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Maya Patel');
  await leads.open('none');
  await leads.openDetails('Maya Patel');
  await expect(leads.details().getByTestId('lead-details-phone')).toContainText('07833 445566check this number');
  await leads.closeDetails();
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);

  await head.close();
  await anna.close();
});

test('a contact’s number is read in the client’s country, else the market; one that cannot be read is kept and marked on the card and in the list', async ({ browser }) => {
  test.setTimeout(240_000);
  const anna = await signedInLaptop(browser, 'anna');
  const { page } = anna;
  const list = new ClientsPage(page);
  await page.goto('/#/');
  await list.newClient();
  const clientForm = new ClientForm(page);
  await clientForm.fill({ Name: 'Kovács és Társa Kft' });
  await clientForm.field('Country').fill('Hungary');
  await page.getByRole('option').first().click();
  await clientForm.save();
  await clientForm.expectSavedCard('Kovács és Társa Kft');

  await page.getByRole('button', { name: 'Add contact' }).click();
  const form = new ContactForm(page);
  await form.fill({ name: 'Kovács Anna', phone: '06 30 123 4567' });
  // The client's country first.
  await expect(form.hint('Phone')).toHaveText('Saved as +36 30 123 4567');
  await expect(page.getByRole('textbox', { name: 'Phone', exact: true }).first()).toHaveAttribute('placeholder', '06 20 123 4567');
  // Not a Hungarian number: read in the market (en-GB), a UK mobile.
  await form.fill({ phone: '07833 445566 ext. 12' });
  await expect(form.hint('Phone')).toHaveText('Saved as +44 7833 445566 x12');
  await page.getByRole('button', { name: 'Add phone' }).click();
  await page.getByRole('textbox', { name: 'Phone', exact: true }).nth(1).fill('ask for Anna at the desk');
  await expect(form.hint('Phone', 1)).toContainText('Check this number: it does not look like a phone number of Hungary or United Kingdom, and it has no country code.');
  await page.screenshot({ path: test.info().outputPath('contact-form-phones.png') });
  await form.save();

  const card = page.getByTestId('contact-card').filter({ hasText: 'Kovács Anna' });
  await expect(card.getByRole('link', { name: '+44 7833 445566 x12' })).toHaveAttribute('href', 'tel:+447833445566;ext=12');
  await expect(card).toContainText('ask for Anna at the desk');
  await expect(card.getByTestId('phone-check')).toHaveCount(1);
  await card.screenshot({ path: test.info().outputPath('contact-card-phone-check.png') });

  // Found by the number's digits, also the one kept as typed.
  await openList(page);
  await list.searchFor('07833 445566');
  await expect(list.rows.first()).toContainText('Kovács és Társa Kft');

  // A client whose only number is kept as typed: the list row marks it.
  await list.newClient();
  await clientForm.fill({ Name: 'Front Desk Trading' });
  await clientForm.save();
  await clientForm.expectSavedCard('Front Desk Trading');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await form.fill({ name: 'Reception', phone: 'call reception' });
  await form.save();
  await expect(page.getByTestId('contact-card').filter({ hasText: 'Reception' }).getByTestId('phone-check')).toBeVisible();
  await openList(page);
  await list.searchFor('Front Desk Trading');
  const row = list.rows.filter({ hasText: 'Front Desk Trading' }).first();
  await expect(row).toContainText('call reception · check this number');
  await row.screenshot({ path: test.info().outputPath('client-row-phone-check.png') });

  // The company server takes both contacts as saved; opened again, the form shows them as stored.
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  await page.goto('/#/sync');
  await expect(page.getByTestId('rejected-change')).toHaveCount(0);
  await openList(page);
  await list.searchFor('Kovács és Társa');
  await list.rows.first().click();
  await page.getByRole('button', { name: 'Edit Kovács Anna' }).click();
  await expect(page.getByRole('textbox', { name: 'Phone', exact: true }).nth(0)).toHaveValue('+44 7833 445566 x12');
  await expect(page.getByRole('textbox', { name: 'Phone', exact: true }).nth(1)).toHaveValue('ask for Anna at the desk');
  await expect(form.hint('Phone', 1)).toContainText('Check this number');

  await anna.close();
});

test('numbers typed at an event are read in the event’s country', async ({ browser }) => {
  test.setTimeout(240_000);
  const anna = await signedInLaptop(browser, 'anna');
  const { page } = anna;
  const events = new EventsPage(page);
  await events.open();
  await events.newEvent();
  const form = new EventForm(page);
  await form.fill({ name: 'Builders Show New York', city: 'New York', country: 'United States (US)', startsOn: '2026-06-02', endsOn: '2026-06-04' });
  await page.screenshot({ path: test.info().outputPath('event-form-country.png') });
  await form.save();
  await expect(page.getByTestId('event-title')).toHaveText('Builders Show New York');
  await events.open();
  await events.markActive('Builders Show New York');

  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').fill('Dana Whitfield');
  await capture.field('Phone').fill('(212) 555-0134');
  // The event's country before the market (en-GB).
  await expect(page.getByTestId('phone-saved-as')).toHaveText('Saved as +1 212 555 0134');
  // A UK mobile is no US number: the market reads it.
  await capture.field('Phone').fill('07833 445566');
  await expect(page.getByTestId('phone-saved-as')).toHaveText('Saved as +44 7833 445566');
  await capture.field('Phone').fill('(212) 555-0134');
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Dana Whitfield');

  // The event's country reaches the company server.
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  await events.open();
  await events.openLeads('Builders Show New York');
  const leads = new EventLeadsPage(page);
  await leads.openDetails('Dana Whitfield');
  await expect(leads.details().getByTestId('lead-details-phone').getByRole('link', { name: '+1 212 555 0134' })).toBeVisible();
  await anna.close();
});

test('until the person chooses, the market is where most of their clients are, whatever the laptop’s language says', async ({ browser }) => {
  test.setTimeout(300_000);
  // A UK account manager on a laptop set to American English, and a US one on a British laptop.
  const anna = await signedInLaptop(browser, 'anna', { locale: 'en-US' });
  const ben = await signedInLaptop(browser, 'ben', { locale: 'en-GB' });
  for (const [laptop, country] of [
    [anna, 'United Kingdom'],
    [ben, 'United States'],
  ] as const) {
    await laptop.page.goto('/#/settings');
    const market = laptop.page.getByTestId('market-settings');
    await expect(market.getByRole('combobox', { name: 'Country you sell in' }).locator('option:checked')).toHaveText(new RegExp(`^${country}`));
    await expect(market.getByTestId('market-source')).toHaveText(`Until you choose, it is where most of your clients are: ${country}.`);
  }
  // Anna's "07833 445566" is a UK number on her American-English laptop.
  const capture = new CapturePage(anna.page);
  await capture.open();
  await capture.field('Phone').fill('07833 445566');
  await expect(anna.page.getByTestId('phone-saved-as')).toHaveText('Saved as +44 7833 445566');
  await anna.close();
  await ben.close();
});
