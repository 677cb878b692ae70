/**
 * Files on a client card, end to end in two browser contexts (two laptops) against the real
 * company server: a file attached offline is uploaded by the next sync and downloads with the
 * same bytes on the head of sales' laptop; a file over the limit is refused with a clear message.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { ClientsPage } from './pages/clients-page';
import { signedInLaptop } from './pages/laptop';

test.use({ baseURL: COMPANY_SERVER_URL });


async function openClient(list: ClientsPage, name: string) {
  await list.page.goto('/#/');
  await list.searchFor(name);
  await list.rows.filter({ hasText: name }).first().click();
  await expect(list.page.getByTestId('client-name')).toHaveText(name);
}

test('a file attached offline reaches the head of sales’ laptop with the same bytes', async ({ browser }) => {
  // Two first syncs (each brings the company's catalog) and several syncs: over 3 minutes on a
  // slow two-core machine beside another test.
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const head = await signedInLaptop(browser, 'head');
  await anna.page.goto('/#/');
  const name = (await anna.list.visibleNames())[0]!;
  const scan = randomBytes(700 * 1024); // three upload chunks

  await anna.page.context().setOffline(true);
  await openClient(anna.list, name);
  await anna.files.attach('signed-contract.pdf', 'application/pdf', scan);
  await expect(anna.files.row('signed-contract.pdf')).toContainText('not synced yet');
  await anna.sync.expectPending(1);

  // Too large: refused with the reason, nothing added.
  await anna.files.attach('huge-scan.pdf', 'application/pdf', Buffer.alloc(26 * 1024 * 1024, 1));
  await expect(anna.page.getByText(/huge-scan\.pdf is larger than/)).toBeVisible();
  await expect(anna.files.rows).toHaveCount(1);

  await anna.page.context().setOffline(false);
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  await expect(anna.files.row('signed-contract.pdf')).not.toContainText('not synced yet');

  await head.sync.syncNow();
  await openClient(head.list, name);
  await expect(head.files.row('signed-contract.pdf')).toBeVisible();
  expect((await head.files.download('signed-contract.pdf')).equals(scan)).toBe(true);
  await head.page.screenshot({ path: test.info().outputPath('client-files.png') });

  // Removed on one laptop, gone from the other after both sync.
  await head.files.remove('signed-contract.pdf');
  await head.sync.syncNow();
  await anna.sync.syncNow();
  await openClient(anna.list, name);
  await expect(anna.files.rows).toHaveCount(0);

  await anna.close();
  await head.close();
});
