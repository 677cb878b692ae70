/**
 * Two laptops (two browser contexts) against the real company server: each signs in and gets
 * its client base, both work offline, sync, see each other's changes, and a conflict on the
 * same field is resolved in the app by the person.
 */
import { expect, test, type Page } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { ClientForm } from './pages/client-form';
import { ClientsPage } from './pages/clients-page';
import { SyncPanel } from './pages/sync-panel';
import { signedInLaptop } from './pages/laptop';

test.use({ baseURL: COMPANY_SERVER_URL });
// One after the other: each test starts with first syncs, which take a two-core machine's CPU.
test.describe.configure({ mode: 'default' });


async function openClient(list: ClientsPage, name: string) {
  await list.page.goto('/#/');
  await list.searchFor(name);
  await list.rows.filter({ hasText: name }).first().click();
  await expect(list.page.getByTestId('client-name')).toHaveText(name);
}

async function editClient(page: Page, fields: Record<string, string>) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click(); // the card's own; contacts' say whose
  const form = new ClientForm(page);
  await form.fill(fields);
  await form.save();
  await expect(page.getByTestId('client-name')).toBeVisible();
}

test('two laptops work offline, sync, see each other’s changes and resolve a conflict', async ({ browser }) => {
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const head = await signedInLaptop(browser, 'head');

  // Anna's laptop holds her clients only; the head of sales holds the team's.
  await anna.page.goto('/#/');
  const annasCount = Number(await anna.list.count.getAttribute('data-count'));
  await head.page.goto('/#/');
  const teamCount = Number(await head.list.count.getAttribute('data-count'));
  expect(annasCount).toBeGreaterThan(0);
  expect(teamCount).toBeGreaterThan(annasCount);
  const name = (await anna.list.visibleNames())[0]!;

  // Both go offline and change the same client.
  await anna.page.context().setOffline(true);
  await head.page.context().setOffline(true);
  await expect(anna.sync.status()).toHaveAttribute('data-online', 'false');

  await openClient(anna.list, name);
  await editClient(anna.page, { Notes: 'Call Monday about the spring order' });
  await openClient(head.list, name);
  await editClient(head.page, { Notes: 'Visit on Tuesday with the new catalogue', Website: 'www.head-edit.example' });

  // Anna also captures a new client offline.
  await anna.page.goto('/#/clients/new');
  const form = new ClientForm(anna.page);
  await form.fill({ Name: 'Offline Fair Lead Ltd' });
  await form.save();
  await expect(anna.page.getByTestId('client-name')).toHaveText('Offline Fair Lead Ltd');
  await anna.sync.expectPending(2);

  // Back online: both sync; Anna syncs again to receive what the head sent after her.
  await anna.page.context().setOffline(false);
  await head.page.context().setOffline(false);
  await anna.sync.syncNow();
  await head.sync.syncNow();
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  // A sync that made a conflict stands out from an ordinary OK in the report of one of them.
  await head.page.goto('/#/sync');
  await anna.page.goto('/#/sync');
  const marked = async () => (await head.page.getByTestId('run-needs-look').allTextContents()).concat(await anna.page.getByTestId('run-needs-look').allTextContents());
  await expect.poll(marked).toContain('Done: see below');

  // Each sees the other's changes.
  await openClient(head.list, 'Offline Fair Lead Ltd');
  await openClient(anna.list, name);
  // The website as the card shows it (the card's history names the change too).
  await expect(anna.page.getByRole('link', { name: 'www.head-edit.example' })).toBeVisible();

  // The same field: the later edit (the head's) is in effect on both, and both see the conflict.
  await expect(anna.page.getByText('Visit on Tuesday with the new catalogue').first()).toBeVisible();
  const conflict = anna.page.getByTestId('conflict');
  await expect(conflict).toHaveAttribute('data-field', 'notes');
  await expect(conflict).toContainText('Anna Berger');
  await expect(conflict).toContainText('Helena Hofmann');
  await anna.page.screenshot({ path: test.info().outputPath('conflict-on-card.png') });

  // The sync screen lists it too, saying which client it is about, with the way to it.
  await anna.page.goto('/#/sync');
  const listed = anna.page.getByTestId('conflict');
  await expect(listed.getByTestId('conflict-subject')).toContainText(`Client · ${name}`);
  await anna.page.screenshot({ path: test.info().outputPath('conflicts-on-sync-screen.png'), fullPage: true });
  await listed.getByRole('link', { name: 'Open client' }).click();
  await expect(anna.page.getByTestId('client-name')).toHaveText(name);

  // The value in effect is the head's; Anna types one that says both, and it syncs to the head's laptop.
  await expect(conflict.getByTestId('conflict-choice').filter({ hasText: 'in effect now' })).toContainText('Visit on Tuesday');
  // She edits the note on the card meanwhile: that value is in effect now, and one of the choices.
  await editClient(anna.page, { Notes: 'Call Monday; visit Tuesday' });
  const edited = conflict.getByTestId('conflict-choice').filter({ hasText: 'Edited on this laptop since' });
  await expect(edited).toContainText('Call Monday; visit Tuesday');
  await expect(edited).toContainText('in effect now');
  await expect(conflict.getByTestId('conflict-choice')).toHaveCount(3);
  await conflict.getByRole('button', { name: 'Type another value…' }).click();
  await conflict.screenshot({ path: test.info().outputPath('conflict-typed.png') });
  await conflict.getByRole('textbox', { name: 'Value to keep' }).fill('Call Monday, then visit on Tuesday with the new catalogue');
  await conflict.getByRole('button', { name: 'Keep typed value' }).click();
  await expect(anna.page.getByTestId('conflict')).toHaveCount(0);
  await expect(anna.page.getByText('Call Monday, then visit on Tuesday with the new catalogue', { exact: true })).toBeVisible();
  await anna.sync.syncNow();
  await head.sync.syncNow();
  await openClient(head.list, name);
  await expect(head.page.getByText('Call Monday, then visit on Tuesday with the new catalogue', { exact: true })).toBeVisible();
  await expect(head.page.getByTestId('conflict')).toHaveCount(0);

  // The sync screen reports the runs.
  await head.page.goto('/#/sync');
  await expect(head.page.getByTestId('sync-runs').locator('tbody tr').first()).toBeVisible();
  await head.page.screenshot({ path: test.info().outputPath('sync-screen.png'), fullPage: true });

  await anna.close();
  await head.close();
});

test('a first sync’s clients reach the list of another open window, and are there after a restart', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const other = new ClientsPage(await context.newPage());
  await other.page.goto('/#/');
  await expect(other.count).toHaveAttribute('data-count', '0');
  const page = await context.newPage();
  await new SyncPanel(page).signIn('anna');
  const list = new ClientsPage(page);
  await page.goto('/#/');
  // The first sync hands its rows to this window's list, not to the database's list rows.
  const synced = Number(await list.count.getAttribute('data-count'));
  expect(synced).toBeGreaterThan(0);
  expect(await page.evaluate(countClientRows)).toBe(0);
  // The other window builds its list again from the records; after a restart the list still has them.
  await expect(other.count).toHaveAttribute('data-count', String(synced));
  await page.reload();
  await expect(list.count).toHaveAttribute('data-count', String(synced));
  // "Sync by itself" is one setting for all the laptop's windows: turned off in one, off in the other.
  await page.goto('/#/settings');
  await other.page.goto('/#/settings');
  await page.getByRole('switch', { name: /Sync by itself/ }).uncheck();
  await expect(other.page.getByRole('switch', { name: /Sync by itself/ })).not.toBeChecked();
  await context.close();
});

test('a first sync cut mid-snapshot shows the clients it wrote, and the next sync brings the rest', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  // Small snapshot pages, and the connection lost after the first page that brings clients: the
  // page asked for meanwhile fails, the pages before it are written.
  let written = 0;
  let cut = false;
  await page.route('**/api/sync/snapshot', async (route) => {
    if (cut) return route.abort('internetdisconnected');
    const response = await route.fetch({ postData: JSON.stringify({ ...route.request().postDataJSON(), limit: 5 }) });
    const body = (await response.json()) as { records: { table: string; data: Record<string, unknown> }[] };
    written += body.records.filter((r) => r.table === 'clients' && r.data._deleted !== true).length;
    cut = written > 0;
    await route.fulfill({ response, json: body });
  });
  const sync = new SyncPanel(page);
  await sync.submitSignIn('anna');
  await expect(sync.status().getByTestId('sync-error')).toBeVisible({ timeout: 120_000 });
  expect(await sync.lastSync()).toBe('');
  const list = new ClientsPage(page);
  await page.goto('/#/');
  await expect(list.count).toHaveAttribute('data-count', String(written));
  await page.screenshot({ path: test.info().outputPath('after-cut-first-sync.png') });
  await page.unroute('**/api/sync/snapshot');
  await sync.syncNow();
  await expect.poll(async () => Number(await list.count.getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThan(written);
  await context.close();
});

test('a first sync shows how far it has got, against the total the company server counted', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  // Pages of 500 records; the first and second ones are held until the progress has been read.
  let total = 0;
  let first = 0;
  let pages = 0;
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sync/snapshot', async (route) => {
    const response = await route.fetch({ postData: JSON.stringify({ ...route.request().postDataJSON(), limit: 500 }) });
    const body = (await response.json()) as { records: unknown[]; total?: number };
    if (++pages === 1) {
      [first, total] = [body.records.length, body.total ?? 0];
      await firstHeld;
    }
    if (pages === 2) await held;
    await route.fulfill({ response, json: body });
  });
  const sync = new SyncPanel(page);
  await sync.submitSignIn('anna');
  await page.goto('/#/');
  const phase = sync.status().getByTestId('sync-phase');
  // Before the first page: what is coming, with no "0 so far".
  await expect(phase).toHaveText('Receiving the client base and catalog', { timeout: 60_000 });
  releaseFirst();
  await expect(phase).toHaveText(/^Receiving the client base and catalog · [\d,]+ of [\d,]+$/, { timeout: 60_000 });
  // Every record the snapshot brings (contacts come with their clients), counted by the server.
  expect(total).toBeGreaterThan(first);
  await expect(phase).toHaveText(`Receiving the client base and catalog · ${first.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`);
  await expect(sync.status().getByRole('progressbar')).toHaveAttribute('aria-valuenow', String((100 * first) / total));
  await page.screenshot({ path: test.info().outputPath('first-sync-progress.png') });
  release();
  await expect.poll(() => sync.lastSync(), { timeout: 120_000 }).not.toBe('');
  await context.close();
});

/** Records in the `clientRows` store (runs in the page). */
function countClientRows(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fieldbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('clientRows').objectStore('clientRows').count();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

test('a change the server refuses is kept with what was typed, and applied again once it may be', async ({ browser }) => {
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const head = await signedInLaptop(browser, 'head');
  await anna.page.goto('/#/');
  const name = (await anna.list.visibleNames())[1]!; // the first is the conflict test's
  const giveTo = async (owner: string) => {
    await openClient(head.list, name);
    await head.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = new ClientForm(head.page);
    await form.choose('Owner', owner);
    await form.save();
    await expect(head.page.getByTestId('client-name')).toHaveText(name);
    await head.sync.syncNow();
  };

  // Anna, offline at the client's, writes a note; meanwhile the head of sales gives the client to Ben.
  await anna.page.context().setOffline(true);
  await openClient(anna.list, name);
  await anna.page.getByRole('button', { name: 'Edit', exact: true }).click();
  // A manager does not hand clients over; the form says so rather than letting the server refuse it.
  const annasForm = new ClientForm(anna.page);
  await expect(annasForm.field('Owner')).toBeDisabled();
  await expect(anna.page.getByText('Only a head of sales hands a client to another manager.')).toBeVisible();
  await anna.page.screenshot({ path: test.info().outputPath('owner-locked.png') });
  await annasForm.fill({ Notes: 'Promised a sample of the cordless drill' });
  await annasForm.save();
  await expect(anna.page.getByTestId('client-name')).toHaveText(name);
  await giveTo('Ben Okafor');

  // Anna syncs with the client's form open again: the server refuses her note and the client
  // leaves her laptop, but the note is kept; the form says it cannot be saved, keeps what she
  // typed, and does not turn into a new client.
  await anna.page.getByRole('button', { name: 'Edit', exact: true }).click();
  await annasForm.fill({ Website: 'www.typed-while-moved.example' });
  await anna.page.context().setOffline(false);
  await anna.sync.syncNow();
  await expect(anna.page.getByTestId('form-gone')).toContainText('This client is no longer on this laptop');
  await expect(anna.page.getByRole('heading', { name: `Edit ${name}` })).toBeVisible();
  await expect(annasForm.field('Website')).toHaveValue('www.typed-while-moved.example');
  await annasForm.save();
  await expect(anna.page.getByText('Could not save: This client no longer exists. Everything you typed is still here')).toBeVisible();
  await anna.page.screenshot({ path: test.info().outputPath('form-client-gone.png') });
  await anna.page.getByRole('button', { name: 'Cancel' }).click();
  await anna.page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave and discard' }).click();
  await anna.list.searchFor(name);
  expect(await anna.list.resultCount()).toBe(0);
  await anna.page.goto('/#/sync');
  const refused = anna.page.getByTestId('rejected-change');
  await expect(refused).toHaveCount(1);
  // At least this one (a conflict of another test on Anna's clients, beside this one, may be another).
  await expect(anna.sync.status().getByTestId('sync-pending')).toHaveText(/^Synced; (1 change needs|\d+ changes need) you \(see Sync\)$/);
  await expect(refused.getByTestId('rejected-label')).toHaveText(`Client · ${name}`);
  await expect(refused).toContainText('You may not change this client');
  await expect(refused.getByTestId('rejected-values')).toHaveText('Notes: Promised a sample of the cordless drill');
  await anna.page.screenshot({ path: test.info().outputPath('refused-change.png'), fullPage: true });
  // The client is not on her laptop now: nothing to open, and applying again cannot work yet.
  await expect(refused.getByRole('button', { name: 'Open client' })).toHaveCount(0);
  await refused.getByRole('button', { name: 'Apply again' }).click();
  await expect(anna.page.getByText('The record is no longer on this laptop')).toBeVisible();
  await expect(refused).toHaveCount(1);

  // The head of sales gives the client back; after her next sync Anna applies the note again.
  await giveTo('Anna Berger');
  await anna.sync.syncNow();
  await expect(refused.getByRole('button', { name: 'Open client' })).toBeVisible();
  await refused.getByRole('button', { name: 'Apply again' }).click();
  await expect(refused).toHaveCount(0);
  await anna.sync.expectPending(1);
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  await head.sync.syncNow();
  await openClient(head.list, name);
  await expect(head.page.getByText('Promised a sample of the cordless drill', { exact: true })).toBeVisible();

  await anna.close();
  await head.close();
});

/** As if the company server no longer knew this laptop's token (a restored backup, a new server). */
function forgetTokenOnServerSide(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fieldbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('meta', 'readwrite').objectStore('meta');
      const req = store.get('syncConnection');
      req.onsuccess = () => {
        const row = req.result as { key: string; value: { token: string } };
        store.put({ ...row, value: { ...row.value, token: 'x'.repeat(43) } });
        store.transaction.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
      req.onerror = () => reject(req.error);
    };
  });
}

test('signing out asks first and removes the company’s data; a lapsed sign-in is renewed keeping unsynced changes', async ({ browser }) => {
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const { page, sync, list } = anna;
  await page.goto('/#/');
  const name = (await list.visibleNames())[2]!;

  // The server stops accepting the laptop's token while a change waits: signing in again (as
  // Anna; not as someone else) goes on syncing with that change, from a new device.
  await openClient(list, name);
  await editClient(page, { Notes: 'Kept across a new sign-in' });
  await sync.expectPending(1);
  await page.evaluate(forgetTokenOnServerSide);
  await sync.status().getByRole('button', { name: 'Sync now' }).click();
  await expect(sync.status().getByTestId('sync-error')).toContainText('Sign in again');
  // The sync history says why that run failed, under it.
  await page.goto('/#/sync');
  await expect(page.getByTestId('run-error').first()).toContainText('Sign in again');
  await page.screenshot({ path: test.info().outputPath('sync-history-failed-run.png'), fullPage: true });
  await page.goto('/#/settings');
  await expect(page.getByTestId('sign-in-lapsed')).toContainText('Anna Berger');
  await page.screenshot({ path: test.info().outputPath('sign-in-lapsed.png') });
  const card = page.getByTestId('connection-settings');
  await card.getByRole('textbox', { name: 'Login' }).fill('ben');
  await card.getByRole('textbox', { name: 'Password' }).fill('demo');
  await card.getByRole('button', { name: 'Sign in' }).click();
  await expect(card.getByTestId('sign-in-error')).toContainText('This laptop holds the client base of Anna Berger');
  await sync.submitSignIn('anna');
  await expect.poll(() => sync.status().getAttribute('data-pending'), { timeout: 60_000 }).toBe('0');
  await expect(sync.status().getByTestId('sync-error')).toHaveCount(0);

  // Signing out with a change not synced: the dialog says so and offers to sync it first (with
  // syncing by itself off: it would sync the change as soon as the connection is back).
  await page.goto('/#/settings');
  await page.getByRole('switch', { name: /Sync by itself/ }).uncheck();
  await page.context().setOffline(true);
  await openClient(list, name);
  await editClient(page, { Notes: 'Synced before signing out' });
  await page.goto('/#/settings');
  await page.getByTestId('connection-settings').getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByTestId('sign-out-dialog');
  await expect(dialog.getByTestId('sign-out-unsynced')).toHaveText('1 change on this laptop is not synced yet and would be lost. Sync it first.');
  await expect(dialog.getByRole('button', { name: 'Sync now' })).toHaveCount(0); // offline
  await page.context().setOffline(false);
  await page.screenshot({ path: test.info().outputPath('sign-out-dialog.png') });
  await dialog.getByRole('button', { name: 'Sync now' }).click();
  await expect(dialog.getByTestId('sign-out-unsynced')).toHaveCount(0);
  // Meanwhile a second window of the app makes a change: signing out anyway goes through, with
  // no "leave site?" question from either window (the dialog has said what is lost).
  const other = new ClientsPage(await page.context().newPage());
  await openClient(other, name);
  await editClient(other.page, { Notes: 'Lost with the sign-out' });
  await expect(dialog.getByTestId('sign-out-unsynced')).toBeVisible({ timeout: 30_000 });
  let asked = 0;
  for (const p of [page, other.page]) p.on('dialog', (d) => void (asked++, d.accept()));
  await dialog.getByRole('button', { name: 'Sign out anyway' }).click();

  // The window starts again empty, and says why; the other window starts again empty too.
  // Two windows let go of the database, it is deleted, both reload: seconds on a busy machine.
  await expect(page.getByText('Signed out. The company’s data was removed from this laptop.')).toBeVisible({ timeout: 30_000 });
  await expect(list.count).toHaveAttribute('data-count', '0');
  await expect(other.count).toHaveAttribute('data-count', '0');
  expect(asked).toBe(0);
  await other.page.close();
  await page.goto('/#/settings');
  await expect(page.getByTestId('connection-settings').getByRole('textbox', { name: 'Login' })).toBeVisible();

  // Signing in again brings the client base back, with the note synced before signing out.
  await sync.signIn('anna');
  await openClient(list, name);
  await expect(page.getByText('Synced before signing out', { exact: true })).toBeVisible();
  await anna.close();
});

function readDeviceId(): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fieldbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('meta').objectStore('meta').get('syncConnection');
      req.onsuccess = () => {
        open.result.close();
        resolve((req.result as { value: { deviceId: string } }).value.deviceId);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

test('a laptop signed out from another one is wiped at its next sync and tells the person why', async ({ browser }) => {
  test.setTimeout(240_000);
  const anna = await signedInLaptop(browser, 'anna');
  const { page, sync, list } = anna;
  await page.goto('/#/');
  const name = (await list.visibleNames())[0]!;
  await openClient(list, name);

  // The laptop is reported lost: Anna signs it out from her other one, in the settings.
  const spare = await signedInLaptop(browser, 'anna');
  const deviceId = await page.evaluate(readDeviceId);
  await spare.page.goto('/#/settings');
  const rows = spare.page.getByTestId('device-row');
  await expect(rows.filter({ hasText: 'This laptop' }).getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const lost = spare.page.locator(`[data-testid="device-row"][data-device-id="${deviceId}"]`);
  await expect(lost).toContainText(/^Fieldbook in a browser \(\S/);
  await lost.getByRole('button', { name: 'Sign out' }).click();
  const dialog = spare.page.getByTestId('revoke-dialog');
  await expect(dialog).toContainText('removes the client base');
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(dialog).toBeHidden();
  // Signed-out laptops are listed on request only.
  await expect(lost).toHaveCount(0);
  await spare.page.getByRole('switch', { name: /^Show \d+ signed-out laptops?$/ }).check();
  await expect(lost).toContainText('Signed out');
  await spare.page.getByTestId('device-list').screenshot({ path: test.info().outputPath('laptops.png') });
  await spare.close();

  await sync.status().getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('The company signed this laptop out of its server (the device was revoked)')).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
  await expect(list.count).toHaveAttribute('data-count', '0');
  await page.screenshot({ path: test.info().outputPath('revoked-laptop.png') });
  await page.goto('/#/settings');
  await expect(page.getByTestId('connection-settings').getByRole('textbox', { name: 'Login' })).toBeVisible();
  await anna.close();
});

test('signing in with a wrong address or password says what is wrong and keeps what was typed', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/#/settings');
  const card = page.getByTestId('connection-settings');
  const field = (name: string) => card.getByRole('textbox', { name });
  const trySignIn = async (serverUrl: string, password: string) => {
    await field('Server address').fill(serverUrl);
    await field('Login').fill('anna');
    await card.getByRole('textbox', { name: 'Password' }).fill(password);
    await card.getByRole('button', { name: 'Sign in' }).click();
  };
  await trySignIn('http://crm.halden-stroud.example', 'demo');
  await expect(card.getByText('Use an https:// address')).toBeVisible();
  await trySignIn('http://127.0.0.1:9/', 'demo'); // nothing listens there
  await expect(card.getByTestId('sign-in-error')).toHaveText('Could not sign in. No company server answers at this address. Check the address, or try again later.');
  await trySignIn(COMPANY_SERVER_URL, 'not the password');
  await expect(card.getByTestId('sign-in-error')).toContainText('Wrong login or password.');
  await page.screenshot({ path: test.info().outputPath('sign-in-errors.png') });
  await expect(field('Login')).toHaveValue('anna');
  await expect(field('Server address')).toHaveValue(COMPANY_SERVER_URL);
  // Sent again without a password: the field says so, and the last attempt's reason goes.
  await trySignIn(COMPANY_SERVER_URL, '');
  await expect(card.getByText('Required')).toBeVisible();
  await expect(card.getByTestId('sign-in-error')).toHaveCount(0);
  await context.close();
});
