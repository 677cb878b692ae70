/**
 * A client-specific offer end to end, against the real company server and its demo catalog:
 * offline at the client's, a manager builds an offer for a wholesale client with a standing
 * discount, swaps an out-of-stock product for its analogue and gives a discount above their
 * limit, so the offer waits for approval; after a sync the head of sales (a second laptop)
 * approves it; after the next sync the manager exports the PDF — whose text is checked and whose
 * first page is rendered — and sends the offer, which records the activity on the client.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { COMPANY_SERVER_URL } from './playwright.config';
import { signedInLaptop } from './pages/laptop';

test.use({ baseURL: COMPANY_SERVER_URL });


interface Scenario {
  client: { id: string; name: string; legalName: string; currency: string; discountPct: number };
  missing: { sku: string; name: string };
  analogue: { sku: string; name: string };
  other: { sku: string; name: string };
}

/**
 * A wholesale client of this manager with a standing discount, a product out of stock with an
 * analogue in stock, and another product in stock — all priced for wholesale in the client's
 * currency — read from what this laptop synced (the demo data, whatever the generator made).
 */
async function pickScenario(page: Page): Promise<Scenario> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('fieldbook');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    type Row = Record<string, unknown> & { id: string };
    const [meta, clients, products, stock, prices] = await Promise.all([all<{ key: string; value: { user?: { id: string } } }>('meta'), all<Row>('clients'), all<Row>('products'), all<Row>('stock'), all<Row>('prices')]);
    const me = meta.find((m) => m.key === 'syncConnection')!.value.user!.id;
    const available = new Map(stock.map((s) => [s.id, s.available as number]));
    const client = clients.find((c) => c.ownerId === me && c.priceType === 'wholesale' && (c.discountPct as number) > 0 && !c.archivedAt)!;
    const priced = new Set(prices.filter((p) => p.priceType === 'wholesale' && p.currency === client.currency).map((p) => p.productId as string));
    const byId = new Map(products.map((p) => [p.id, p]));
    const ok = (p: Row | undefined) => p !== undefined && !p.discontinued && priced.has(p.id);
    const missing = products.find((p) => ok(p) && (available.get(p.id) ?? 0) === 0 && (p.analogueIds as string[]).some((a) => ok(byId.get(a)) && (available.get(a) ?? 0) >= 20))!;
    const analogue = byId.get((missing.analogueIds as string[]).find((a) => ok(byId.get(a)) && (available.get(a) ?? 0) >= 20)!)!;
    const other = products.find((p) => ok(p) && p.id !== analogue.id && (available.get(p.id) ?? 0) >= 50)!;
    const pick = (p: Row) => ({ sku: p.sku as string, name: p.name as string });
    return {
      client: { id: client.id, name: client.name as string, legalName: client.legalName as string, currency: client.currency as string, discountPct: client.discountPct as number },
      missing: pick(missing),
      analogue: pick(analogue),
      other: pick(other),
    };
  });
}

test('an offer built offline is approved by the head of sales through the sync, exported as PDF and sent', async ({ browser }, testInfo) => {
  // Two first syncs (each brings the company's catalog) and several syncs: over 3 minutes on a
  // slow two-core machine beside another test.
  test.setTimeout(300_000);
  const anna = await signedInLaptop(browser, 'anna');
  const head = await signedInLaptop(browser, 'head');
  const s = await pickScenario(anna.page);

  // At the client's, offline.
  await anna.page.context().setOffline(true);
  await anna.page.goto(`/#/clients/${s.client.id}`);
  await anna.page.getByTestId('new-offer').click();
  const offer = anna.offer;
  await expect(offer.status()).toHaveText('Draft');
  await offer.addBySku(s.missing.sku);
  await expect(offer.line(s.missing.sku).getByTestId('stock-badge')).not.toHaveAttribute('data-stock', 'in_stock');
  await offer.setQty(s.missing.sku, '5');
  await offer.swapForAnalogue(s.missing.sku, s.analogue.name);
  await expect(offer.line(s.analogue.sku)).toBeVisible();
  await expect(offer.line(s.missing.sku)).toHaveCount(0);
  await expect(offer.line(s.analogue.sku).getByTestId('stock-badge')).toHaveAttribute('data-stock', 'in_stock');
  await offer.addBySearch(s.other.name, s.other.sku);
  await offer.setQty(s.other.sku, '10');
  // The client's standing discount is in the price; 15 % more is above Anna's 10 % limit.
  await expect(offer.line(s.other.sku).getByText(/Client terms −/)).toBeVisible();
  await offer.setDiscount(s.other.sku, '15');
  await expect(anna.page.getByTestId('needs-approval')).toBeVisible();
  await offer.expectSaved();
  // A quantity that cannot be saved: leaving by the client's link asks first, and staying keeps it.
  await offer.setQty(s.other.sku, '');
  await expect(anna.page.getByTestId('save-state')).toHaveAttribute('data-state', 'invalid');
  await anna.page.getByTestId('offer-client').click();
  const leave = anna.page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(offer.line(s.other.sku).getByTestId('line-qty')).toHaveValue('');
  await offer.setQty(s.other.sku, '10');
  await offer.expectSaved();
  await offer.action('send');
  await expect(anna.page.getByText('A discount is above your limit: send the offer for approval first.')).toBeVisible();
  await offer.submitForApproval('They buy 10 boxes a month; a competitor offers 15 % off.');
  await expect(offer.status()).toHaveText('Awaiting approval');
  // Past its draft, a line shows what was typed and saved, not what it was added with.
  await expect(offer.line(s.other.sku).getByRole('cell').nth(2)).toHaveText(/^10\s/);
  await expect(offer.line(s.other.sku).getByRole('cell').nth(4)).toHaveText(/^15\s?%/);
  await expect(offer.line(s.analogue.sku).getByRole('cell').nth(2)).toHaveText(/^5\s/);
  const number = (await offer.title().textContent())!.split(' · ')[0]!;
  // Anna Berger's prefix, as the company server gave it (the only "AB" in the demo company), and this laptop's mark.
  expect(number).toMatch(/^AB-\d{6}-[A-HJ-NP-Z]+\d+$/);
  await anna.page.screenshot({ path: test.info().outputPath('offer-awaiting-approval.png') });
  const net = await offer.total('net').textContent();
  const gross = await offer.total('gross').textContent();

  // Evening: Anna syncs; the head of sales gets the offer to approve.
  await anna.page.context().setOffline(false);
  await anna.sync.syncNow();
  await anna.sync.expectPending(0);
  await head.sync.syncNow();
  await head.page.goto('/#/offers');
  // Counted among those awaiting approval (other tests on the same server may add theirs).
  await expect(head.page.getByTestId('awaiting-approval')).not.toHaveText('0');
  await expect(head.page.getByTestId('offer-row').filter({ hasText: number })).toContainText('Awaiting approval');
  // The list's Total is the offer's own Total (VAT included).
  await expect(head.page.getByTestId('offer-row').filter({ hasText: number })).toContainText(gross!);
  await head.page.getByTestId('offer-row').filter({ hasText: number }).click();
  // Anna's request is hers to withdraw: the head of sales approves it or returns it with a comment.
  await expect(head.page.getByTestId('action-approve')).toBeVisible();
  await expect(head.page.getByTestId('action-return')).toBeVisible();
  await expect(head.page.getByTestId('action-recall')).toHaveCount(0);
  await head.offer.approve('Fine for a 10-box order.');
  await expect(head.offer.status()).toHaveText('Approved');
  await head.sync.syncNow();

  // Next sync: approved on Anna's laptop, with the comment; she exports the PDF.
  await anna.sync.syncNow();
  await expect(offer.status()).toHaveText('Approved');
  await expect(anna.page.getByText('“Fine for a 10-box order.”')).toBeVisible();
  const pdf = await offer.exportPdf();
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-offer-pdf-'));
  const file = join(dir, 'offer.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const expected of [number, s.client.legalName || s.client.name, s.analogue.sku, s.other.sku, net!, gross!]) expect(text).toContain(expected);
  expect(text).not.toContain(s.missing.sku);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(dir, 'page')]);
  await testInfo.attach('offer-page-1', { path: join(dir, 'page-1.png'), contentType: 'image/png' });

  // Sent, by hand: the activity is on the client card.
  await offer.action('send');
  await anna.page.getByTestId('mark-sent').click();
  await expect(offer.status()).toHaveText('Sent');
  await anna.page.goto(`/#/clients/${s.client.id}`);
  await expect(anna.page.getByTestId('activity').first()).toContainText(`Offer ${number} sent by email`);
});
