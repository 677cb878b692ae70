/**
 * The booth with no network, end to end against the real company server: Anna captures leads
 * offline (one with a business-card photo), her browser restarts before any network comes back,
 * and when she syncs later every lead, the photo and the follow-up task reach the company — the
 * head of sales sees them in the event's leads, photo included, with the same bytes.
 *
 * Anna's laptop is a persistent browser profile, so IndexedDB survives the restart as it does on
 * a real laptop; the head of sales is an ordinary fresh context.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { chromium, expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { CapturePage } from './pages/capture-page';
import { EventForm, EventLeadsPage, EventsPage, TasksPage } from './pages/events-page';
import { SyncPanel } from './pages/sync-panel';

test.use({ baseURL: COMPANY_SERVER_URL });

/** Anna Berger signs in as `anna` (core/demo-data/team.ts): the owner the head of sales sees. */
const ANNA = 'Anna Berger';

/** Anna's laptop: the project's browser settings, with a profile on disk that outlives the browser. */
async function launchLaptop(userDataDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const use = test.info().project.use;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: use.launchOptions?.executablePath,
    args: use.launchOptions?.args,
    baseURL: COMPANY_SERVER_URL,
    viewport: use.viewport,
    locale: use.locale,
    timezoneId: use.timezoneId,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The natural size of the picture an <img> shows, once it has decoded. */
async function shownSize(img: Locator): Promise<{ width: number; height: number }> {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
  return img.evaluate((el: HTMLImageElement) => ({ width: el.naturalWidth, height: el.naturalHeight }));
}

/**
 * Whether an <img> shows exactly the picture in `png`, pixel for pixel. Compared on canvases
 * rather than by fetching the img's blob: URL, which fails in a context whose network emulation
 * was ever switched on (setOffline), even after it is switched off.
 */
async function showsPicture(img: Locator, png: Buffer): Promise<boolean> {
  return img.evaluate(async (el: HTMLImageElement, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const expected = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const pixels = (source: CanvasImageSource, width: number, height: number) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      return ctx.getImageData(0, 0, width, height).data;
    };
    if (expected.width !== el.naturalWidth || expected.height !== el.naturalHeight) return false;
    const a = pixels(el, el.naturalWidth, el.naturalHeight);
    const b = pixels(expected, expected.width, expected.height);
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }, png.toString('base64'));
}

/**
 * An attachment as this browser keeps it in IndexedDB: its state ('pending', 'uploaded',
 * 'downloaded') and the SHA-256 of the bytes actually stored; null when it is not there.
 */
async function storedAttachment(page: Page, sha256: string): Promise<{ state: string; sha256: string } | null> {
  return page.evaluate(async (key) => {
    const stored = await new Promise<{ state: string; blob: Blob } | undefined>((resolve, reject) => {
      const open = indexedDB.open('fieldbook');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('attachments').objectStore('attachments').get(key);
        request.onsuccess = () => resolve(request.result as { state: string; blob: Blob } | undefined);
        request.onerror = () => reject(request.error);
      };
    });
    if (!stored) return null;
    const digest = await crypto.subtle.digest('SHA-256', await stored.blob.arrayBuffer());
    return { state: stored.state, sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
  }, sha256);
}

test('leads captured offline survive a browser restart and reach the head of sales after a later sync, photo included', async ({ browser }) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'fieldbook-anna-'));
  // A real PNG: the QR code of the visitor's vCard, as a photographed card would carry.
  const card = await QRCode.toBuffer('BEGIN:VCARD\nVERSION:3.0\nFN:Lena Fischer\nORG:Fischer Armaturen GmbH\nEND:VCARD', { width: 240, margin: 2 });
  const cardSha = createHash('sha256').update(card).digest('hex');
  const eventName = `Booth offline ${Date.now().toString(36)}`;
  const today = new Date().toISOString().slice(0, 10);
  const lena = 'Lena Fischer';
  const task = `Call ${lena} (Fischer Armaturen GmbH)`;
  let anna = await launchLaptop(profile);
  try {
    // 1. Anna's laptop, online: signed in (first sync), an event made in the app, marked active.
    let sync = new SyncPanel(anna.page);
    await sync.signIn('anna');
    const events = new EventsPage(anna.page);
    await events.open();
    await events.newEvent();
    const eventId = await new EventForm(anna.page).create({
      name: eventName,
      city: 'Hannover',
      startsOn: today,
      endsOn: today,
      questions: [{ label: 'Budget', options: ['Under 10k', 'Over 10k'] }],
    });
    await events.open();
    await events.markActive(eventName);
    await sync.syncNow(); // the event is on the server; what follows is only the booth's work
    await sync.expectPending(0);

    // 2. The booth has no network: two leads, the first with a rating, an answer, a next step and a card photo.
    await anna.context.setOffline(true);
    await expect(sync.status()).toHaveAttribute('data-online', 'false');
    const capture = new CapturePage(anna.page);
    await capture.open();
    await capture.field('Name').fill(lena);
    await capture.field('Company name').fill('Fischer Armaturen GmbH');
    await capture.field('Phone').fill('+49 30 1234567');
    await capture.field('Email').fill('lena@fischer-armaturen.de');
    await anna.page.keyboard.press('Alt+1'); // hot
    await anna.page.getByRole('combobox', { name: 'Budget' }).selectOption('Over 10k');
    await anna.page.keyboard.press('Alt+C'); // next step: call, on the next working day
    await anna.page.locator('input[type=file][accept="image/*"]').setInputFiles({ name: 'card-lena.png', mimeType: 'image/png', buffer: card });
    await expect(anna.page.getByRole('img', { name: 'Card photo' })).toBeVisible();
    await anna.page.keyboard.press('Control+Enter');
    await expect(capture.saved()).toHaveText(`Saved: ${lena}`);
    await capture.field('Name').fill('Ivan Petrov');
    await capture.field('Company name').fill('OOO Romashka');
    await anna.page.keyboard.press('Control+Enter');
    await expect(capture.saved()).toHaveText('Saved: Ivan Petrov');
    await sync.expectPending(3); // two leads and Lena's follow-up task

    // 3. The browser closes before any network comes back, and starts again from the same profile.
    await anna.context.close();
    anna = await launchLaptop(profile);
    // Still no company server: only the app's own files load, every API call fails as offline.
    await anna.context.route(
      (url) => url.pathname.startsWith('/api/'),
      (route) => route.abort('internetdisconnected'),
    );
    const leads = new EventLeadsPage(anna.page);
    await leads.open(eventId);
    await anna.context.setOffline(true);
    sync = new SyncPanel(anna.page);
    await expect(sync.status()).toHaveAttribute('data-online', 'false');
    expect((await leads.persons()).sort()).toEqual(['Ivan Petrov', lena]);
    await sync.expectPending(3);
    await expect(anna.page.getByTestId('sync-pending')).toHaveText('3 changes not synced');
    // The photo is on this laptop, shown from its own bytes, marked as not sent yet.
    await leads.openDetails(lena);
    await expect(leads.details()).toContainText('not synced yet');
    expect(await shownSize(leads.photos().first())).toEqual(pngSize(card));
    expect(await showsPicture(leads.photos().first(), card)).toBe(true);
    await leads.closeDetails();

    // Later, with a network: back online (the app syncs by itself), and "Sync now" to be sure.
    await anna.context.unrouteAll({ behavior: 'ignoreErrors' });
    await anna.context.setOffline(false);
    await sync.syncNow();
    await sync.expectPending(0);
    expect(await storedAttachment(anna.page, cardSha)).toEqual({ state: 'uploaded', sha256: cardSha });
    // Lena's follow-up is on Anna's task list.
    const tasks = new TasksPage(anna.page);
    await tasks.open();
    await expect(tasks.row(task)).toBeVisible();

    // 4. The head of sales, on another laptop: the event's leads with Anna as owner, and the photo.
    const headContext = await browser.newContext();
    try {
      const head = await headContext.newPage();
      await new SyncPanel(head).signIn('head');
      const headEvents = new EventsPage(head);
      await headEvents.open();
      await headEvents.openLeads(eventName);
      const headLeads = new EventLeadsPage(head);
      expect((await headLeads.persons()).sort()).toEqual(['Ivan Petrov', lena]);
      for (const who of ['Ivan Petrov', lena]) await expect(headLeads.row(who)).toContainText(ANNA);
      expect(await storedAttachment(head, cardSha)).toBeNull(); // the bytes come when the photo is first shown

      // Opened without a network first: a clear message instead of the photo…
      await headContext.setOffline(true);
      await headLeads.openDetails(lena);
      await expect(headLeads.photoProblem()).toContainText('not on this laptop yet');
      await expect(headLeads.photos()).toHaveCount(0);
      await head.screenshot({ path: test.info().outputPath('lead-details-offline.png') });
      // …and the photo arrives by itself once the network is back: the same picture, the same bytes.
      await headContext.setOffline(false);
      await expect(headLeads.photos()).toHaveCount(1, { timeout: 30_000 });
      expect(await shownSize(headLeads.photos().first())).toEqual(pngSize(card));
      expect(await showsPicture(headLeads.photos().first(), card)).toBe(true);
      // Downloaded from the company server and kept: the very bytes Anna's laptop uploaded.
      expect(await storedAttachment(head, cardSha)).toEqual({ state: 'downloaded', sha256: cardSha });

      // Everything Anna captured is there.
      const details = headLeads.details();
      await expect(details.getByTestId('lead-details-rating')).toHaveText('Hot');
      await expect(details.getByTestId('lead-details-answer').filter({ hasText: 'Budget' })).toContainText('Over 10k');
      await expect(details.getByTestId('lead-details-next-step')).toContainText('Call');
      await expect(details.getByTestId('lead-details-owner')).toContainText(ANNA);
      await expect(details.getByTestId('lead-details-captured-by')).toContainText(ANNA);
      await expect(details.getByRole('link', { name: '+49 30 1234567' })).toHaveAttribute('href', 'tel:+49301234567');
      await expect(details.getByRole('link', { name: 'lena@fischer-armaturen.de' })).toHaveAttribute('href', 'mailto:lena@fischer-armaturen.de');
      await head.screenshot({ path: test.info().outputPath('lead-details-head.png') });
      await headLeads.photos().first().scrollIntoViewIfNeeded();
      await head.screenshot({ path: test.info().outputPath('lead-details-photo.png') });
      await headLeads.closeDetails();

      // The lead without a photo says so; "Open" in the row's menu is the keyboard's way in.
      await headLeads.openDetailsFromMenu('Ivan Petrov');
      await expect(headLeads.details()).toContainText('No photo of the card.');
      await expect(headLeads.details().getByTestId('lead-details-next-step')).toHaveCount(0);
    } finally {
      await headContext.close();
    }

    // Back on Anna's laptop: "Edit in capture form" opens the lead in the capture form.
    await leads.open(eventId);
    await leads.openDetails(lena);
    await anna.page.getByRole('button', { name: 'Edit in capture form' }).click();
    await expect(anna.page).toHaveURL(/#\/capture$/);
    const form = new CapturePage(anna.page);
    await expect(form.field('Name')).toHaveValue(lena);
    await expect(form.field('Email')).toHaveValue('lena@fischer-armaturen.de');
  } finally {
    await anna.context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
