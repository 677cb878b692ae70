/**
 * Nothing typed on the capture screen is lost: a half-typed lead survives leaving the screen and
 * a reload, Enter in the country list picks the country instead of saving, and a card read over
 * typed text fills only the empty fields (the typed values stay, the card's are in the notes).
 */
import { expect, test, type Page } from '@playwright/test';
import { CapturePage } from './pages/capture-page';
import { EventForm, EventLeadsPage, EventsPage } from './pages/events-page';

/** A store of this browser's IndexedDB, read as the app left it. */
async function stored(page: Page, store: 'leads' | 'meta'): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

const draftOnDisk = async (page: Page) => (await stored(page, 'meta')).find((e) => e.key === 'captureDraft')?.value as { values: { personName: string } } | undefined;

const nav = (page: Page, name: string) => page.getByRole('navigation').getByText(name, { exact: true });

test('a half-typed lead is still there after visiting the clients and after a reload, until it is saved', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').click();
  await capture.type('Greta Lindqvist');
  await capture.field('Notes').click();
  await capture.type('Asked about pumps, call after the fair');

  await nav(page, 'Clients').click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await nav(page, 'Capture lead').click();
  await expect(capture.field('Name')).toHaveValue('Greta Lindqvist');
  await expect(capture.field('Notes')).toHaveValue('Asked about pumps, call after the fair');
  await expect(page.getByTestId('capture-draft-restored')).toContainText('not saved yet');
  await page.screenshot({ path: test.info().outputPath('capture-draft-restored.png') });

  // A reload (or a crash) too: the draft is in the laptop's database.
  await expect.poll(async () => (await draftOnDisk(page))?.values.personName).toBe('Greta Lindqvist');
  await page.reload();
  await expect(capture.field('Name')).toHaveValue('Greta Lindqvist', { timeout: 30_000 });
  await expect(capture.field('Notes')).toHaveValue('Asked about pumps, call after the fair');

  // Saved, it is a lead, and the form is empty when the person comes back.
  await capture.field('Name').click();
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Greta Lindqvist');
  await expect(page.getByTestId('capture-draft-restored')).toHaveCount(0);
  expect((await stored(page, 'leads')).map((l) => l.personName)).toEqual(['Greta Lindqvist']);
  await nav(page, 'Clients').click();
  await nav(page, 'Capture lead').click();
  await capture.expectEmptyAndFocused();
  await expect(capture.field('Notes')).toHaveValue('');
  await expect.poll(() => draftOnDisk(page)).toBeUndefined();
});

test('"Clear form" forgets the draft', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').click();
  await capture.type('Not this one');
  await page.getByRole('button', { name: 'Clear form' }).click();
  await nav(page, 'Clients').click();
  await nav(page, 'Capture lead').click();
  await capture.expectEmptyAndFocused();
  await expect.poll(() => draftOnDisk(page)).toBeUndefined();
});

test('Enter in the country list picks the country and does not save; Ctrl+Enter saves with it', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').click();
  await capture.type('Hans Weber');
  const country = capture.field('Country');
  await country.click();
  await capture.type('Germ');
  await expect(page.getByRole('option', { name: 'Germany (DE)' })).toBeVisible();
  await capture.press('Enter');
  await expect(country).toHaveValue('Germany (DE)');
  await expect(page.getByRole('option', { name: 'Germany (DE)' })).toBeHidden();
  // Enter again on the picked country, and in the interests with nothing typed: still no save.
  await capture.press('Enter');
  await capture.field('Interested in').click();
  await capture.press('Enter');
  await expect(capture.field('Name')).toHaveValue('Hans Weber');
  await expect(capture.saved()).toHaveText('');
  expect(await stored(page, 'leads')).toHaveLength(0);

  await capture.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Hans Weber');
  await expect.poll(async () => (await stored(page, 'leads')).map((l) => [l.personName, l.country])).toEqual([['Hans Weber', 'DE']]);
});

test('Enter in the event’s questions and the interests picks or does nothing, never saves', async ({ page }) => {
  const events = new EventsPage(page);
  await events.open();
  await events.newEvent();
  await new EventForm(page).create({
    name: 'Pump Expo',
    startsOn: '2026-12-07',
    endsOn: '2026-12-09',
    questions: [
      { label: 'Budget', options: ['Under 10k', 'Over 10k'] },
      { label: 'Uses', kind: 'Several choices', options: ['Water', 'Oil'] },
      { label: 'Decides', kind: 'Yes / no' },
    ],
  });
  await new EventLeadsPage(page).captureHere();
  const capture = new CapturePage(page);
  await expect(capture.field('Name')).toBeFocused();
  await capture.type('Ines Roth');
  await capture.field('Budget').focus();
  await capture.press('O'); // "Over 10k"
  await capture.press('Enter');
  await capture.field('Water').focus();
  await capture.press('Space');
  await capture.press('Enter');
  await capture.field('Decides').focus();
  await capture.press('Enter');
  await capture.field('Interested in').click();
  await capture.type('Seals');
  await capture.press('Enter'); // adds the interest
  await capture.press('Enter'); // nothing typed: nothing
  await expect(capture.field('Budget')).toHaveValue('Over 10k');
  await expect(capture.field('Water')).toBeChecked();
  await expect(capture.saved()).toHaveText('');
  expect(await stored(page, 'leads')).toHaveLength(0);
  await capture.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Ines Roth');
  await expect.poll(async () => (await stored(page, 'leads')).map((l) => l.interests)).toEqual([['Seals']]);
});

const VCF = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Smith;Jane;;;', 'FN:Jane Smith', 'ORG:Acme Pumps Ltd', 'TITLE:Buyer', 'TEL;TYPE=WORK:+44 113 496 0000', 'EMAIL:jane@acme-pumps.example', 'END:VCARD', ''].join('\r\n');

test('a .vcf over typed text fills only the empty fields and keeps what was typed, the card’s value in the notes', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').click();
  await capture.type('Janet Smyth');
  await capture.field('Notes').click();
  await capture.type('Wants a quote for 40 pumps');
  await capture.importVcf('jane.vcf', Buffer.from(VCF));

  await expect(capture.field('Company name')).toHaveValue('Acme Pumps Ltd');
  await expect(capture.field('Email')).toHaveValue('jane@acme-pumps.example');
  await expect(capture.field('Position')).toHaveValue('Buyer');
  await expect(capture.field('Name')).toHaveValue('Janet Smyth');
  await expect(capture.field('Notes')).toHaveValue('Wants a quote for 40 pumps\nFrom the card: Name: Jane Smith');
  await expect(page.getByText('Kept what you typed in Name: the card says otherwise, its value is in the notes.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('capture-card-over-typed.png') });
});

test('opening a saved lead for correcting over typed text sets the typed lead aside, to take back', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.field('Name').click();
  await capture.type('Olga Berg');
  await capture.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Olga Berg');
  const [olga] = await stored(page, 'leads');
  await capture.type('Piet de Vries');

  // "Edit in capture form" from the lead's details is this link.
  await page.goto(`/#/capture?lead=${String(olga!.id)}`);
  await expect(capture.field('Name')).toHaveValue('Olga Berg');
  const aside = page.getByTestId('capture-unsaved');
  await expect(aside).toContainText('Piet de Vries: set aside when another lead was opened');

  // Kept on the laptop as the draft is: leaving the screen, a reload or a crash loses nothing.
  await expect.poll(async () => ((await stored(page, 'meta')).find((e) => e.key === 'captureAside')?.value as { name: string }[] | undefined)?.map((l) => l.name)).toEqual(['Piet de Vries']);
  await nav(page, 'Clients').click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await nav(page, 'Capture lead').click();
  await expect(aside).toContainText('Piet de Vries: set aside when another lead was opened');
  await page.reload();
  await expect(aside).toContainText('Piet de Vries: set aside when another lead was opened');
  // Olga's lead, opened and not changed, is saved already: the form is empty after the reload.
  await expect(capture.field('Name')).toHaveValue('');
  await page.screenshot({ path: test.info().outputPath('capture-set-aside-after-reload.png') });

  await aside.getByRole('button', { name: 'Back to the form' }).click();
  await expect(capture.field('Name')).toHaveValue('Piet de Vries');
  await expect(aside).toBeHidden();
  await expect.poll(async () => (await stored(page, 'meta')).some((e) => e.key === 'captureAside')).toBe(false);
  // Back in the form, it is the draft now: still there after a reload.
  await page.reload();
  await expect(capture.field('Name')).toHaveValue('Piet de Vries');
});
