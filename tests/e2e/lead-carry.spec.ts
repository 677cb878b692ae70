/**
 * A lead becomes a client without losing what was learnt (issue 19), against the real company
 * server and its demo catalog: a business card read at an event (a mobile, a work address, an
 * email, a title), a rating and an answer, converted into a client: the client card shows the
 * address, the event as a link, the rating and answer in its notes; the contact keeps the mobile
 * as a mobile. An offer made to the client afterwards is counted by the event's summary, with
 * its amount.
 */
import { expect, test, type Page } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { CapturePage } from './pages/capture-page';
import { EventForm, EventLeadsPage, EventsPage } from './pages/events-page';
import { signedInLaptop } from './pages/laptop';
import { laptopStores } from './pages/laptop-stores';

test.use({ baseURL: COMPANY_SERVER_URL });


/** A product for sale with a retail price in `currency` and stock. */
async function pickProduct(page: Page, currency: string): Promise<string> {
  const { products, stock, prices } = await laptopStores(page, ['products', 'stock', 'prices']);
  const priced = new Set(prices!.filter((p) => p.priceType === 'retail' && p.currency === currency).map((p) => p.productId as string));
  const available = new Map(stock!.map((s) => [s.id, s.available as number]));
  const product = products!.find((p) => !p.discontinued && priced.has(p.id) && (available.get(p.id) ?? 0) >= 5);
  if (!product) throw new Error(`no product with a retail price in ${currency} in the demo catalog`);
  return product.sku as string;
}

const card = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Grant;Oliver;;;',
  'FN:Oliver Grant',
  'ORG:Thames Fixings Ltd;Purchasing',
  'TITLE:Head of Purchasing',
  'TEL;TYPE=CELL:+44 7911 123456',
  'TEL;TYPE=WORK,FAX:+44 20 7946 0959',
  'EMAIL;TYPE=INTERNET,WORK:oliver.grant@thamesfixings.example',
  'ADR;TYPE=WORK:;;12 Wharf Road;London;;N1 7GR;United Kingdom',
  'URL:https://thamesfixings.example',
  'END:VCARD',
  '',
].join('\r\n');

test('a converted lead keeps its rating, answer, mobile, address and event; the event summary counts the offer made afterwards', async ({ browser }) => {
  test.setTimeout(240_000);
  const { page, offer, sync } = await signedInLaptop(browser, 'anna');
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  const events = new EventsPage(page);
  await events.open();
  await events.newEvent();
  const eventName = `Thames Trade Days ${Date.now() % 100_000}`;
  const eventId = await new EventForm(page).create({
    name: eventName,
    city: 'London',
    startsOn: today,
    endsOn: later,
    questions: [{ label: 'Budget', options: ['Under 10k', 'Over 10k'] }],
  });
  const leads = new EventLeadsPage(page);
  await leads.captureHere();

  // The visitor's card, a rating and an answer.
  const capture = new CapturePage(page);
  await capture.importVcf('oliver.vcf', Buffer.from(card));
  await expect(capture.field('Name')).toHaveValue('Oliver Grant');
  await expect(capture.field('Company name')).toHaveValue('Thames Fixings Ltd');
  await page.keyboard.press('Alt+1');
  await page.getByRole('combobox', { name: 'Budget' }).selectOption('Over 10k');
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Oliver Grant');

  // Converted into a client: everything the lead learnt is on the card.
  await leads.open(eventId);
  await leads.convert('Oliver Grant', { openClient: true });
  await expect(page.getByTestId('client-name')).toHaveText('Thames Fixings Ltd');
  const metAt = page.getByTestId('met-at-event').first();
  await expect(metAt).toHaveText(new RegExp(`^${eventName} \\(`));
  await expect(page.getByText('Office: 12 Wharf Road, N1 7GR London, United Kingdom')).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://thamesfixings.example', exact: true })).toBeVisible();
  // The client's notes (the contact's have a block of their own).
  const notes = page.getByText(/^From the lead captured at/).filter({ hasText: 'Rating: Hot' });
  await expect(notes).toHaveText(new RegExp(`^From the lead captured at ${eventName} by Anna Berger, .*:\nRating: Hot\n`));
  await expect(notes).toContainText('Budget: Over 10k');
  const contact = page.getByTestId('contact-card').filter({ hasText: 'Oliver Grant' });
  await expect(contact).toContainText('Head of Purchasing');
  await expect(contact).toContainText(/Mobile:\s*\+44 7911 123456/);
  await expect(contact).toContainText('oliver.grant@thamesfixings.example');
  await expect(contact).toContainText('Department: Purchasing');
  await expect(contact).toContainText('Phone · fax: +44 20 7946 0959');
  await expect(contact.getByTestId('met-at-event')).toHaveText(new RegExp(`^${eventName}`));
  // The card's history names the event by its name, never by its id (the field test saw the id).
  const history = page.getByTestId('client-history');
  await expect(history).toContainText(`Met at ${eventName}`);
  await expect(history).not.toContainText(eventId);
  await history.screenshot({ path: test.info().outputPath('converted-client-history.png') });
  await page.screenshot({ path: test.info().outputPath('converted-client-card.png') });
  await notes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('converted-client-notes.png') });
  await contact.screenshot({ path: test.info().outputPath('converted-contact.png') });
  const { clients, leads: stored } = await laptopStores(page, ['clients', 'leads']);
  const client = clients!.find((c) => c.name === 'Thames Fixings Ltd' && c.eventId === eventId)!;
  expect(client).toBeTruthy();
  expect(stored!.find((l) => l.personName === 'Oliver Grant')).toMatchObject({ status: 'converted', clientId: client.id });

  // An offer to the new client (billed in pounds: the card's country).
  expect(client.currency).toBe('GBP');
  await page.getByTestId('new-offer').click();
  await expect(offer.status()).toHaveText('Draft');
  const sku = await pickProduct(page, 'GBP');
  await offer.addBySku(sku);
  await offer.expectSaved();
  const net = (await offer.total('net').innerText()).trim();

  // A second visitor from the same company, attached to it: no contact picked, the person becomes one.
  await capture.open();
  await capture.field('Name').fill('Sara Lane');
  await capture.field('Company name').fill('Thames Fixings');
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Sara Lane');
  await leads.open(eventId);
  await page.getByRole('button', { name: 'Actions for Sara Lane', exact: true }).click();
  await page.getByRole('menuitem', { name: /Attach to existing client/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Client' }).fill('Thames Fixings');
  await page.getByRole('option', { name: /Thames Fixings Ltd/ }).first().click();
  await expect(dialog.getByRole('combobox', { name: 'Contact' })).toHaveAttribute('placeholder', 'A new contact: Sara Lane');
  await expect(dialog).toContainText('What the lead learnt is added to the client and the contact');
  await dialog.screenshot({ path: test.info().outputPath('attach-dialog.png') });
  await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(leads.row('Sara Lane')).toContainText('Attached');
  await page.goto(`/#/clients/${client.id}`);
  await expect(page.getByTestId('contact-card').filter({ hasText: 'Sara Lane' }).getByTestId('met-at-event')).toHaveText(new RegExp(`^${eventName}`));
  await expect(page.getByText(/^From the lead captured at/).filter({ hasText: 'Rating: Warm' })).toBeVisible();

  // The event's summary counts the offer once, with its amount; the card's link leads back to the event.
  await page.goto(`/#/clients/${client.id}`);
  await page.getByTestId('met-at-event').first().click();
  await expect(page.getByTestId('event-title')).toHaveText(eventName);
  await leads.openSummary();
  // Two visitors, one client: the second was attached to the client the first became.
  await expect(leads.summaryValue('clients')).toHaveText('1');
  await expect(page.getByTestId('summary-clients')).toContainText('1 new · 0 existing');
  await expect(leads.summaryValue('offers')).toHaveText('1');
  await expect(page.getByTestId('summary-offers')).toContainText(`${net} net of VAT`);
  await page.getByTestId('event-summary').screenshot({ path: test.info().outputPath('event-summary-offers.png') });

  // And they reach the company: the sync takes the client with its event (refused fields would say so).
  await sync.syncNow();
  await sync.expectPending(0);
  await page.goto(`/#/clients/${client.id}`);
  await expect(page.getByTestId('met-at-event').first()).toHaveText(new RegExp(`^${eventName}`));
});
