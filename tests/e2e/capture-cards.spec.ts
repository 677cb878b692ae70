/**
 * Business cards as phones and mail programs write them (the corpus in core/leads/fixtures/vcards):
 * a card's every phone, email, web address, address and its photo reach the lead's details; a
 * file of many contacts imports with a progress bar that cannot be started twice, lists the
 * contacts it could not capture with their reasons, and a second import of the same file adds
 * nothing.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CapturePage } from './pages/capture-page';
import { EventLeadsPage } from './pages/events-page';

const corpus = (name: string) => readFileSync(new URL(`../../core/leads/fixtures/vcards/${name}`, import.meta.url));

async function leadCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('leads').objectStore('leads').count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** A phone's whole address book: the corpus' mixed file, then `n` more contacts as Google exports them. */
function addressBook(n: number): Buffer {
  const cards = Array.from({ length: n }, (_, i) =>
    ['BEGIN:VCARD', 'VERSION:3.0', `FN:Visitor ${i + 1} Example`, `N:Example;Visitor ${i + 1};;;`, `ORG:Example Trading ${i + 1} Ltd`, `EMAIL;TYPE=INTERNET:visitor${i + 1}@trading${i + 1}.example.com`, 'END:VCARD'].join('\r\n'),
  );
  return Buffer.concat([corpus('phone-share-mixed-3.0.vcf'), Buffer.from(cards.join('\r\n') + '\r\n')]);
}

test('a file of many contacts: a progress bar, no second start, the contacts not captured with their reasons, and no duplicates on a second import', async ({ page }) => {
  test.setTimeout(120_000);
  const capture = new CapturePage(page);
  await capture.open();
  // What the progress line says while the import runs, as the person sees it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="vcf-import-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const file = addressBook(1500);
  await capture.importVcf('address-book.vcf', file);
  // Every vCard of the file is counted, and the preview adds up to it.
  const dialog = page.getByRole('dialog', { name: '1,507 contacts in address-book.vcf' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('vcf-import-summary')).toHaveText('1,507 contacts in the file: 1,504 to capture, 3 cannot be captured');
  await expect(dialog).toContainText('Lena Fischer — Fischer Armaturen GmbH');
  await expect(dialog).toContainText('…and 1,492 more');
  // The cards that cannot give a lead are said, with their reasons, before anything is captured.
  const cannot = dialog.getByTestId('vcf-import-cannot');
  await expect(cannot).toContainText('3 contacts cannot be captured');
  await expect(cannot.getByRole('listitem')).toHaveText([
    'Contact 2 Trade fair 2026 — a contact group, not a person or company',
    'Contact 3 no name — an empty card',
    'Contact 4 no name — says nothing about who: no name, company, phone or email',
  ]);
  await dialog.screenshot({ path: test.info().outputPath('vcf-import-ready.png') });

  const start = dialog.getByRole('button', { name: 'Capture all 1,504 as leads' });
  await start.click();
  // While it runs: the bar, the count, the button can no longer start it, the dialog stays.
  await expect(dialog.getByRole('progressbar')).toBeAttached();
  await expect(dialog.getByTestId('vcf-import-progress')).toHaveText(/^Capturing [\d,]+ of 1,504…$/);
  await expect(start).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await dialog.screenshot({ path: test.info().outputPath('vcf-import-progress.png') });

  const report = dialog.getByTestId('vcf-import-report');
  await expect(report.getByTestId('vcf-import-summary')).toHaveText('1,507 contacts in the file: 1,504 captured, 0 already here, 3 could not be captured', { timeout: 60_000 });
  const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progress[0]).toBe('Capturing 0 of 1,504…');
  expect(progress.some((p) => /^Capturing [1-9][\d,]* of 1,504…$/.test(p) && p !== 'Capturing 1,504 of 1,504…')).toBe(true);
  const failed = dialog.getByTestId('vcf-import-failed');
  await expect(failed).toContainText('3 contacts could not be captured');
  await expect(failed.getByRole('listitem')).toHaveText([
    'Contact 2 Trade fair 2026 — a contact group, not a person or company',
    'Contact 3 no name — an empty card',
    'Contact 4 no name — says nothing about who: no name, company, phone or email',
  ]);
  await dialog.screenshot({ path: test.info().outputPath('vcf-import-report.png') });
  expect(await leadCount(page)).toBe(1504);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The same file again: nothing new, every contact said to be here already.
  await capture.importVcf('address-book.vcf', file);
  await dialog.getByRole('button', { name: 'Capture all 1,504 as leads' }).click();
  await expect(report.getByTestId('vcf-import-summary')).toHaveText('1,507 contacts in the file: 0 captured, 1,504 already here, 3 could not be captured', { timeout: 60_000 });
  const duplicates = dialog.getByTestId('vcf-import-duplicates');
  await expect(duplicates).toContainText('1,504 contacts are already here, not captured again');
  await expect(duplicates.getByRole('listitem').first()).toHaveText('Contact 1 Lena Fischer — already a lead: Fischer Armaturen GmbH');
  // A long list scrolls in its box; the dialog keeps its size.
  const box = await duplicates.locator('.mantine-ScrollArea-root').boundingBox();
  expect(box!.height).toBeLessThanOrEqual(170);
  await dialog.screenshot({ path: test.info().outputPath('vcf-import-again.png') });
  expect(await leadCount(page)).toBe(1504);
});

test('a card with a photo: the lead keeps the photo and every phone, email, web address and address, shown in its details', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.importVcf('anna.vcf', corpus('android-2.1.vcf'));
  // One card fills the form: the person checks it, and sees what else the card gives.
  await expect(capture.field('Name')).toHaveValue('Anna Kovács');
  await expect(capture.field('Company name')).toHaveValue('Példa Kft.');
  await expect(capture.field('Phone')).toHaveValue('+36 30 123 4567');
  await expect(capture.field('Email')).toHaveValue('anna.kovacs@pelda.hu');
  await expect(capture.field('City')).toHaveValue('Budapest');
  const fromCard = page.getByTestId('card-fields');
  await expect(fromCard).toContainText('More phones · work +36 1 234 5678');
  await expect(fromCard).toContainText('More phones · fax +36 1 234 5679');
  await expect(fromCard).toContainText('Work address Váci út 1, 1051 Budapest, Hungary');
  await expect(page.getByTestId('photo-drop').getByRole('img', { name: 'Card photo' })).toBeVisible();
  await expect(capture.field('Notes')).toHaveValue(/^Nickname: Panni\nRelated: Kovács Péter\nBudapesti Ipari Vásár/);
  await page.getByRole('form', { name: 'Capture lead' }).screenshot({ path: test.info().outputPath('capture-from-card.png') });
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Anna Kovács');

  const leads = new EventLeadsPage(page);
  await leads.open('none');
  await leads.openDetails('Anna Kovács');
  const details = leads.details();
  await expect(details.getByTestId('lead-details-phone')).toContainText('+36 30 123 4567 (mobile)');
  await expect(details.getByTestId('lead-details-other-phones')).toContainText('+36 1 234 5678 (work)');
  await expect(details.getByTestId('lead-details-other-phones')).toContainText('+36 1 234 5679 (fax)');
  // "06 1 987 6543" as the card wrote it, read as the Hungarian number it is.
  await expect(details.getByTestId('lead-details-other-phones')).toContainText('+36 1 987 6543 (home)');
  await expect(details.getByTestId('lead-details-email')).toHaveText(/anna\.kovacs@pelda\.hu/);
  await expect(details.getByTestId('lead-details-other-emails').getByRole('link', { name: 'kovacs.anna@freemail.hu' })).toBeVisible();
  await expect(details.getByTestId('lead-details-websites').getByRole('link', { name: 'https://pelda.hu' })).toBeVisible();
  await expect(details.getByTestId('lead-details-address')).toHaveText('Work addressVáci út 1, 1051 Budapest, Hungary');
  await expect(details.getByTestId('lead-details-departments')).toContainText('Beszerzés');
  await expect(details.getByTestId('lead-details-birthday')).toContainText('15 Mar 1984');
  await expect(leads.photos()).toHaveCount(1);
  await expect(leads.photos().first()).toHaveJSProperty('complete', true);
  expect(await leads.photos().first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await details.screenshot({ path: test.info().outputPath('lead-details-card.png') });
  await leads.photos().first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('lead-details-card-photo.png') });
});

test('a small file adds up before and after its import: the same contact twice is named, and a card not read cleanly is kept as it came and marked', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  const file = Buffer.from(
    [
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Lena Fischer', 'ORG:Fischer Armaturen GmbH', 'EMAIL:lena@fischer.example', 'END:VCARD'],
      // Cut in the middle of a character by the program that wrote it.
      ['BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Anna Kov=C3=A1cs =E2=8', 'TEL;CELL:+36 30 123 4567', 'END:VCARD'],
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Lena Fischer', 'ORG:Fischer Armaturen GmbH', 'EMAIL:lena@fischer.example', 'END:VCARD'],
      ['BEGIN:VCARD', 'VERSION:3.0', 'ADR;TYPE=WORK:;;Dock 7;Rotterdam;;3011;Nederland', 'END:VCARD'],
      // UTF-8 under a charset of one byte per character: read as the UTF-8 it is, not "GarcÃ­a".
      ['BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Tom=C3=A1s Garc=C3=ADa', 'END:VCARD'],
    ]
      .map((lines) => lines.join('\r\n'))
      .join('\r\n'),
  );
  await capture.importVcf('booth.vcf', file);
  const dialog = page.getByRole('dialog', { name: '5 contacts in booth.vcf' });
  await expect(dialog.getByTestId('vcf-import-summary')).toHaveText('5 contacts in the file: 4 to capture, 1 cannot be captured');
  const preview = dialog.getByTestId('vcf-import-preview').getByRole('listitem');
  await expect(preview).toHaveText(['Lena Fischer — Fischer Armaturen GmbH', 'Anna Kovács =E2=8check this', 'Lena Fischer — Fischer Armaturen GmbH', 'Tomás García']);
  await expect(preview.nth(1).getByTestId('unclear-text')).toBeVisible();
  await dialog.screenshot({ path: test.info().outputPath('vcf-small-preview.png') });

  await dialog.getByRole('button', { name: 'Capture all 4 as leads' }).click();
  const report = dialog.getByTestId('vcf-import-report');
  await expect(report.getByTestId('vcf-import-summary')).toHaveText('5 contacts in the file: 3 captured, 1 already here, 1 could not be captured');
  await expect(report.getByTestId('vcf-import-duplicates').getByRole('listitem')).toHaveText(['Contact 3 Lena Fischer — the same as contact 1 of this file']);
  await expect(report.getByTestId('vcf-import-failed').getByRole('listitem')).toHaveText(['Contact 4 no name — says nothing about who: no name, company, phone or email']);
  await dialog.screenshot({ path: test.info().outputPath('vcf-small-report.png') });
  expect(await leadCount(page)).toBe(3);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // On the lead: the name as it came, marked; corrected in the form, the mark goes.
  const leads = new EventLeadsPage(page);
  await leads.open('none');
  await leads.openDetails('Anna Kovács =E2=8');
  const details = leads.details();
  await expect(details.getByTestId('lead-details-name')).toContainText('Anna Kovács =E2=8');
  await expect(details.getByTestId('lead-details-name').getByTestId('unclear-text')).toHaveText('check this');
  await details.screenshot({ path: test.info().outputPath('lead-details-unclear.png') });
});

test('one card not read cleanly fills the form as it came, with a hint under the field until it is corrected', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await capture.importVcf('anna.vcf', Buffer.from(['BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Anna Kov=C3=A1cs =E2=8', 'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:P=C3=A9lda Kft.', 'TEL;CELL:+36 30 123 4567', 'END:VCARD'].join('\r\n')));
  await expect(capture.field('Name')).toHaveValue('Anna Kovács =E2=8');
  await expect(capture.field('Company name')).toHaveValue('Példa Kft.');
  const form = page.getByRole('form', { name: 'Capture lead' });
  await expect(form.getByTestId('unclear-hint')).toHaveCount(1);
  await expect(form.getByTestId('unclear-hint')).toHaveText('Not read cleanly from the card: kept as it came. Check it.');
  await form.screenshot({ path: test.info().outputPath('capture-unclear.png') });
  await capture.field('Name').fill('Anna Kovács');
  await expect(form.getByTestId('unclear-hint')).toHaveCount(0);
});
