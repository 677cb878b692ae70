/**
 * A client's history is everyone's (Chromium, the real company server): Anna's new client and a
 * change the head of sales made on her own laptop show on both laptops' cards with who, when and
 * on which computer; an edit Anna makes offline shows on top as not synced yet, under a note
 * that everyone's changes are as of the last time the laptop reached the server.
 */
import { expect, test } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { ClientsPage } from './pages/clients-page';
import { signedInLaptop } from './pages/laptop';
import { laptopStores } from './pages/laptop-stores';

test.use({ baseURL: COMPANY_SERVER_URL });


test('the card shows everyone’s synced changes with who and when, and this laptop’s unsynced ones on top', async ({ browser }) => {
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const head = await signedInLaptop(browser, 'head');
  const name = `History Check ${Date.now().toString(36)} Ltd`;

  await new ClientsPage(anna.page).newClient();
  await anna.form.fill({ Name: name, Industry: 'Fasteners' });
  await anna.form.save();
  await anna.form.expectSavedCard(name);
  const clientId = anna.page.url().split('/clients/')[1]!.split(/[/?]/)[0]!;
  await anna.sync.syncNow();

  // The head of sales changes the industry on her laptop and syncs.
  await head.sync.syncNow();
  await head.page.goto(`/#/clients/${clientId}/edit`);
  await head.form.fill({ Industry: 'Industrial fasteners' });
  await head.form.save();
  await head.form.expectSavedCard(name);
  await head.sync.syncNow();

  // Anna syncs: her card's history has the head's change, by name, with the head's computer.
  await anna.sync.syncNow();
  await anna.page.goto(`/#/clients/${clientId}`);
  const history = anna.page.getByTestId('client-history');
  await expect(history).toHaveAttribute('data-status', 'current');
  const entries = history.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('Client changed');
  await expect(entries.first()).toContainText('Industry: Fasteners → Industrial fasteners');
  await expect(entries.first().getByTestId('history-who')).toContainText('Helena');
  await expect(entries.last()).toContainText('Client created');
  await expect(entries.last().getByTestId('history-who')).toContainText('Anna Berger');

  // The same history on the head's laptop.
  await head.page.goto(`/#/clients/${clientId}`);
  const headHistory = head.page.getByTestId('client-history');
  await expect(headHistory.getByTestId('history-entry')).toHaveCount(2);
  await expect(headHistory.getByTestId('history-entry').first()).toContainText('Industry: Fasteners → Industrial fasteners');
  await headHistory.screenshot({ path: test.info().outputPath('client-history-head.png') });

  // Offline, Anna changes the industry again: on top, not synced yet; the rest as of the last fetch.
  await anna.page.context().setOffline(true);
  await anna.page.goto(`/#/clients/${clientId}/edit`);
  await anna.form.fill({ Industry: 'Fixings' });
  await anna.form.save();
  await anna.form.expectSavedCard(name);
  await expect(history).toHaveAttribute('data-status', 'offline');
  await expect(history.getByTestId('history-note')).toContainText('Everyone’s changes as of');
  await expect(history.getByTestId('history-unsynced')).toHaveCount(1);
  await expect(history.getByTestId('history-unsynced')).toContainText('Industry: Industrial fasteners → Fixings');
  await expect(history.getByTestId('history-unsynced')).toContainText('on this laptop, not synced yet');
  await expect(entries).toHaveCount(2);
  await history.screenshot({ path: test.info().outputPath('client-history-offline.png') });

  // Back online and synced: the edit is in the company's history, by Anna.
  await anna.page.context().setOffline(false);
  await anna.sync.syncNow();
  await expect(history).toHaveAttribute('data-status', 'current');
  await expect(history.getByTestId('history-unsynced')).toHaveCount(0);
  await expect(entries).toHaveCount(3);
  await expect(entries.first()).toContainText('Industry: Industrial fasteners → Fixings');
  await expect(entries.first().getByTestId('history-who')).toContainText('Anna Berger');
});

const HOURS_8 = 8 * 3600_000;

/** A push as if its changes were made 8 hours before it reached the server (an offline day): every stamp's time moved back. */
function madeEightHoursEarlier(body: string): string {
  const push = JSON.parse(body) as { ops: { fields: Record<string, { hlc: string }> }[] };
  for (const op of push.ops) {
    for (const write of Object.values(op.fields)) write.hlc = `${String(Number(write.hlc.slice(0, 15)) - HOURS_8).padStart(15, '0')}${write.hlc.slice(15)}`;
  }
  return JSON.stringify(push);
}

test('a change says when it was made, and when it was synced if that was much later; two laptops of one name are told apart as in the laptop list', async ({ browser }) => {
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const spare = await signedInLaptop(browser, 'anna');
  const name = `Made Offline ${Date.now().toString(36)} Ltd`;

  // Anna's new client reaches the server 8 hours after she made it (its stamps say when).
  await new ClientsPage(anna.page).newClient();
  await anna.form.fill({ Name: name, Industry: 'Fasteners' });
  await anna.form.save();
  await anna.form.expectSavedCard(name);
  const clientId = anna.page.url().split('/clients/')[1]!.split(/[/?]/)[0]!;
  await anna.page.route('**/api/sync/push', (route) => route.continue({ postData: madeEightHoursEarlier(route.request().postData()!) }));
  await anna.sync.syncNow();
  await anna.page.unroute('**/api/sync/push');

  // Her other laptop, of the same name, changes it and syncs at once.
  await spare.sync.syncNow();
  await spare.page.goto(`/#/clients/${clientId}/edit`);
  await spare.form.fill({ Industry: 'Industrial fasteners' });
  await spare.form.save();
  await spare.form.expectSavedCard(name);
  await spare.sync.syncNow();

  await spare.page.goto(`/#/clients/${clientId}`);
  const history = spare.page.getByTestId('client-history');
  await expect(history).toHaveAttribute('data-status', 'current');
  const entries = history.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  const [edit, created] = [entries.first().getByTestId('history-who'), entries.last().getByTestId('history-who')];
  // Made 8 hours before it was synced: the time it was made first, then when it was synced.
  const madeAt = Date.parse((await created.getAttribute('data-made-at'))!);
  const syncedAt = Date.parse((await created.getAttribute('data-synced-at'))!);
  expect(syncedAt - madeAt).toBeGreaterThanOrEqual(HOURS_8 - 60_000);
  expect(syncedAt - madeAt).toBeLessThanOrEqual(HOURS_8 + 60_000);
  await expect(created).toContainText(/^Anna Berger, .+, on Fieldbook in a browser \(.+\) #\d+ \(synced .+\)$/);
  // Synced right away: one time.
  await expect(edit).not.toContainText('synced');
  await expect(edit).not.toHaveAttribute('data-synced-at');

  // The two laptops' numbers differ, and the laptop list names each the same way.
  const laptopOf = async (who: typeof edit) => /, on (.+ #\d+)( \(synced .+\))?$/.exec((await who.textContent())!)![1]!;
  const [spareLabel, annaLabel] = [await laptopOf(edit), await laptopOf(created)];
  expect(spareLabel).not.toBe(annaLabel);
  await expect(spare.page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 }); // "Saved" covers the card
  await history.screenshot({ path: test.info().outputPath('history-made-and-synced.png') });
  await spare.page.goto('/#/settings');
  const rows = spare.page.getByTestId('device-row');
  await expect(rows.filter({ hasText: 'This laptop' })).toContainText(spareLabel);
  const annasId = ((await laptopStores(anna.page, ['meta'])).meta!.find((m) => m.key === 'syncConnection')!.value as { deviceId: string }).deviceId;
  await expect(spare.page.locator(`[data-testid="device-row"][data-device-id="${annasId}"]`)).toContainText(annaLabel);
  await spare.page.getByTestId('device-list').screenshot({ path: test.info().outputPath('laptops-numbered.png') });
  await anna.close();
  await spare.close();
});
