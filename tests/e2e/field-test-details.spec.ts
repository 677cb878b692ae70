/**
 * Smaller things the field test saw (issue 19), in Chromium on the demo data of a laptop with no
 * company server: validation messages that do not pile up, quantities with their unit in the
 * plural form of their number, the offer builder's header and stock badges on 1366 and 1280 px
 * laptop screens, and what the steps on an approved or sent offer do to its approval.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_CATALOG_SIZE } from './pages/catalog-page';


/** Opens a fresh laptop with a small demo base and catalog, on the client list. */
async function openDemo(page: Page) {
  await page.goto(`/?demo=10&catalog=${E2E_CATALOG_SIZE}#/`);
  await page.waitForFunction(() => performance.getEntriesByName('fieldbook:demo-catalog-seeded').length > 0, null, { timeout: 90_000 });
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 });
}

/** Runs `body` over the laptop's IndexedDB (stores read with `all`, written with `put`). */
async function idb<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => { const o = indexedDB.open('fieldbook'); o.onsuccess = () => resolve(o.result); o.onerror = () => reject(o.error); });
    const all = (store) => new Promise((resolve, reject) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const put = (store, v) => new Promise((resolve, reject) => { const tx = db.transaction(store, 'readwrite'); tx.objectStore(store).put(v); tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); });
    ${body}
  })()`) as Promise<T>;
}

interface Picks {
  /** In stock by the piece ("pcs"), plenty of it. */
  pieces: { sku: string; available: number };
  /** Out of stock, more expected or overdue. */
  out: { sku: string };
  /** Little in stock: asked for more than there is. */
  short: { sku: string; available: number; unit: string };
}

/** Products of the demo catalog for the lines: priced for the first client (the offer's). */
async function pickProducts(page: Page): Promise<Picks> {
  return idb<Picks>(
    page,
    `const [products, stock] = await Promise.all([all('products'), all('stock')]);
    const s = new Map(stock.map((x) => [x.id, x]));
    const live = products.filter((x) => !x.discontinued);
    const av = (x) => s.get(x.id)?.available ?? 0;
    const pieces = live.find((x) => x.unit === 'pcs' && av(x) > 1000) ?? live.find((x) => x.unit === 'pcs' && av(x) > 10);
    const out = live.find((x) => av(x) === 0 && (s.get(x.id)?.incoming ?? []).length > 0 && x.analogueIds.length > 0);
    const short = live.filter((x) => av(x) > 0 && av(x) < 5).sort((a, b) => b.name.length - a.name.length)[0];
    return { pieces: { sku: pieces.sku, available: av(pieces) }, out: { sku: out.sku }, short: { sku: short.sku, available: av(short), unit: short.unit } };`,
  );
}

/**
 * A new offer for the first client of the list whose offers are in English (the language of the
 * screens these tests read), with the products added by SKU.
 */
async function newOffer(page: Page, skus: string[]) {
  const name = await idb<string>(page, `return (await all('clients')).filter((c) => c.language === 'en' && !c.archivedAt).map((c) => c.name).sort()[0];`);
  await page.getByTestId('client-row').filter({ hasText: name }).first().click();
  await page.getByRole('button', { name: /New offer/ }).first().click();
  const picker = page.getByTestId('product-picker');
  await expect(picker).toBeVisible();
  for (const sku of skus) {
    await picker.fill(sku);
    await picker.press('Enter');
    await expect(page.locator(`[data-testid="offer-line"][data-sku="${sku}"]`)).toBeVisible();
  }
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  // Saved on the laptop (autosave waits for a pause in typing), before a test rewrites it.
  const id = page.url().split('/offers/')[1];
  await expect.poll(() => idb<number>(page, `return (await all('offers')).find((x) => x.id === ${JSON.stringify(id)})?.lines.length ?? -1;`)).toBe(skus.length);
}

/** Puts the open offer in `status` (as a sync from the head of sales would), then shows it again. */
async function setStatus(page: Page, status: string, byOwner = true) {
  const id = page.url().split('/offers/')[1];
  await idb(
    page,
    `const o = (await all('offers')).find((x) => x.id === ${JSON.stringify(id)});
    o.status = ${JSON.stringify(status)};
    o.history.push({ status: o.status, at: new Date().toISOString(), by: ${byOwner} ? o.ownerId : 'someone-else', comment: '' });
    await put('offers', o);`,
  );
  await page.reload();
  await expect(page.getByTestId('offer-status').first()).toBeVisible();
}

const messages = (page: Page, text: RegExp) => page.locator('.mantine-Notification-root').filter({ hasText: text });

test('a form says once what needs fixing, however often Save is pressed, and says no more once it is fixed', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page);
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('Website').fill('not a site');
  await page.getByLabel('Standing discount, %').fill('150');
  const save = page.getByRole('button', { name: 'Save' });
  for (let i = 0; i < 3; i++) await save.click();
  // One message for the form, however many saves; each field's message once, under it.
  await expect(messages(page, /fields? needs? attention/)).toHaveCount(1);
  await expect(messages(page, /need attention/)).toHaveText(/3 fields need attention/);
  await expect(page.getByText('Required.')).toHaveCount(1);
  await expect(page.getByText('Not a web address, e.g. www.company.com.')).toHaveCount(1);
  await expect(page.getByText('A discount is between 0 and 100 %.')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('client-form-invalid.png') });

  // A fixed value loses its message at once; the form's message counts what is left, and goes.
  await page.getByLabel('Website').fill('www.acme.com');
  await expect(page.getByText('Not a web address, e.g. www.company.com.')).toHaveCount(0);
  await expect(messages(page, /need/)).toHaveText(/2 fields need attention/);
  await page.getByLabel('Name *').fill('Acme Fixings');
  await expect(page.getByText('Required.')).toHaveCount(0);
  await expect(messages(page, /need/)).toHaveText(/A field needs attention/);
  await save.click();
  await save.click();
  await expect(messages(page, /need/)).toHaveCount(1);
  await page.getByLabel('Standing discount, %').fill('15');
  await expect(page.getByText('A discount is between 0 and 100 %.')).toHaveCount(0);
  await expect(messages(page, /need/)).toHaveCount(0);
  await save.click();
  await expect(page).toHaveURL(/#\/clients\/[^/]+$/);

  // The contact form, the same: one message, one error under the field, gone when fixed.
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByLabel('Full name').fill('Jane Doe');
  const email = page.getByRole('textbox', { name: 'Email', exact: true }).first();
  await email.fill('jane@');
  for (let i = 0; i < 3; i++) await save.click();
  await expect(messages(page, /need/)).toHaveCount(1);
  await expect(page.getByText('Not a valid email address, e.g. name@company.com.')).toHaveCount(1);
  await email.fill('jane@acme.com');
  await expect(page.getByText('Not a valid email address, e.g. name@company.com.')).toHaveCount(0);
  await expect(messages(page, /need/)).toHaveCount(0);
});

test('the capture and event forms: one error under a field however often it is saved, gone when fixed', async ({ page }) => {
  await openDemo(page);
  await page.goto('/?demo=10#/capture');
  const email = page.getByLabel('Email');
  await email.fill('bad@');
  await page.getByLabel('Notes').fill('Met at the stand');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Not a valid email address, e.g. name@company.com.')).toHaveCount(1);
  await email.fill('ok@acme.com');
  await expect(page.getByText('Not a valid email address, e.g. name@company.com.')).toHaveCount(0);

  await page.goto('/?demo=10#/events/new');
  const save = page.getByRole('button', { name: 'Save' });
  for (let i = 0; i < 3; i++) await save.click();
  await expect(messages(page, /needs? attention/)).toHaveCount(1);
  await expect(page.getByText('Required.')).toHaveCount(1);
  await page.getByLabel('Name *').fill('Thames Trade Days');
  await expect(page.getByText('Required.')).toHaveCount(0);
  await expect(messages(page, /needs? attention/)).toHaveCount(0);
});

test('the offer builder says once why a step is refused, however often it is pressed', async ({ page }) => {
  await openDemo(page);
  await newOffer(page, []);
  for (let i = 0; i < 3; i++) await page.getByTestId('action-send').click();
  await expect(messages(page, /Add at least one product/)).toHaveCount(1);
  for (let i = 0; i < 2; i++) await page.getByTestId('action-submit').click();
  await expect(messages(page, /Add at least one product/)).toHaveCount(1);
});

test('quantities say their unit in the plural form of their number: 1 pc, 2 pcs', async ({ page }) => {
  await openDemo(page);
  const p = await pickProducts(page);
  await newOffer(page, [p.pieces.sku]);
  const line = page.locator(`[data-testid="offer-line"][data-sku="${p.pieces.sku}"]`);
  const qty = line.getByTestId('line-qty');
  await qty.fill('1');
  await expect(line.getByTestId('line-unit')).toHaveText('pc');
  await expect(line.getByTestId('stock-badge')).toHaveText(`In stock: ${p.pieces.available.toLocaleString('en')} pcs`);
  await qty.fill('2');
  await expect(line.getByTestId('line-unit')).toHaveText('pcs');
  await qty.fill('1');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // The client's document says it too.
  await page.getByTestId('action-more').click();
  await page.getByRole('menuitem', { name: 'Preview' }).click();
  const preview = page.getByTestId('offer-preview');
  await expect(preview).toContainText('1 pc');
  await expect(preview).not.toContainText('1 pcs');
  await page.keyboard.press('Escape');

  // Sent as it is (read-only), the line says "1 pc".
  await setStatus(page, 'sent');
  await expect(line).toContainText('1 pc');
  await expect(line).not.toContainText('1 pcs');
});

/** The element's box, in CSS pixels of the viewport. */
const box = async (l: Locator) => (await l.boundingBox())!;
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Every element fully in the viewport, none covering another, none cut short by its own box. */
async function expectLaidOut(page: Page, what: string, items: Locator[]) {
  const { width } = page.viewportSize()!;
  const boxes = [];
  for (const item of items) {
    await expect(item, what).toBeVisible();
    const b = await box(item);
    expect(b.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${what}: ${await item.innerText()} inside the screen`).toBeLessThanOrEqual(width);
    const cut = await item.evaluate((el) => [el, ...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'));
    expect(cut, `${what}: "${await item.innerText()}" is not cut short`).toBe(false);
    boxes.push({ b, text: await item.innerText() });
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!.b, boxes[j]!.b), `${what}: "${boxes[i]!.text}" and "${boxes[j]!.text}" overlap`).toBe(false);
}

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
] as const) {
  test(`the offer's header and stock badges at ${width} px: nothing cut off or overlapping`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await openDemo(page);
    const p = await pickProducts(page);
    await newOffer(page, [p.pieces.sku, p.out.sku, p.short.sku]);
    // More than there is of the short one: its badge says the longest thing a badge says.
    await page.locator(`[data-testid="offer-line"][data-sku="${p.short.sku}"]`).getByTestId('line-qty').fill('50');
    await expect(page.locator(`[data-testid="offer-line"][data-sku="${p.short.sku}"]`).getByTestId('stock-badge')).toContainText('Only');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

    const header = page.getByTestId('offer-header');
    const headerItems = () => [
      page.getByTestId('offer-title'),
      header.getByTestId('offer-status'),
      page.getByTestId('header-total'),
      page.getByTestId('offer-client'),
      ...['action-submit', 'action-send', 'action-recall', 'action-approve', 'action-revise', 'action-pdf', 'action-more'].map((id) => header.getByTestId(id)),
    ];
    const present = async (items: Locator[]) => {
      const shown = [];
      for (const item of items) if (await item.count()) shown.push(item);
      return shown;
    };
    // Each line's badges and buttons are inside the line's product cell.
    const expectBadgesInCells = async (what: string, least: number) => {
      const badges = page.locator('[data-testid="offer-line"] [data-testid="stock-badge"], [data-testid="offer-line"] [data-testid="stock-age"], [data-testid="offer-line"] [data-testid="show-analogues"], [data-testid="offer-line"] [data-testid="request-stock"]');
      expect(await badges.count()).toBeGreaterThanOrEqual(least);
      await expectLaidOut(page, `${what} badges`, await badges.all());
      for (const badge of await badges.all()) {
        const cell = badge.locator('xpath=ancestor::div[@role="cell"][1]');
        const [b, c] = [await box(badge), await box(cell)];
        expect(b.x + b.width, `"${await badge.innerText()}" inside its cell`).toBeLessThanOrEqual(c.x + c.width + 0.5);
      }
    };

    await expectLaidOut(page, 'draft header', await present(headerItems()));
    // Three badges, the out-of-stock line's analogues and both short lines' requests to logistics.
    await expectBadgesInCells('draft', 6);
    await page.screenshot({ path: test.info().outputPath(`offer-draft-${width}.png`) });

    for (const status of ['awaiting_approval', 'approved', 'sent']) {
      await setStatus(page, status);
      await expect(page.getByTestId('offer-read-only')).toBeVisible();
      await expectLaidOut(page, `${status} header`, await present(headerItems()));
      await expectBadgesInCells(status, 3);
      await page.screenshot({ path: test.info().outputPath(`offer-${status}-${width}.png`) });
    }

    // The catalog's stock column.
    await page.getByRole('navigation').getByText('Catalog', { exact: true }).click();
    await expect(page.getByTestId('catalog-row').first()).toBeVisible();
    await expectLaidOut(page, 'catalog stock', (await page.getByTestId('catalog-row-stock').all()).slice(0, 8));
    await page.screenshot({ path: test.info().outputPath(`catalog-${width}.png`) });
  });
}

test('what the steps on an approved or sent offer do to its approval: said on the button, asked first, kept in the history', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page);
  const p = await pickProducts(page);
  await newOffer(page, [p.pieces.sku]);

  // Waiting for approval: the manager withdraws the request.
  await setStatus(page, 'awaiting_approval');
  await expect(page.getByTestId('offer-read-only')).toHaveText(/Withdraw the request to change it/);
  await expect(page.getByTestId('action-recall')).toHaveText('Withdraw request');
  await page.getByTestId('action-recall').click();
  await expect(messages(page, /Request withdrawn: the offer is a draft again/)).toHaveCount(1);
  await expect(page.getByTestId('offer-history-entry').first()).toHaveText(/^Approval request withdrawn · /);

  // Approved: the step says it drops the approval, and asks first.
  await setStatus(page, 'approved');
  await expect(page.getByTestId('offer-read-only')).toHaveText(/drop the approval to change it \(it then needs approval again if a discount is above your limit\)/);
  const drop = page.getByTestId('action-recall');
  await expect(drop).toHaveText('Drop approval to edit');
  await drop.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Drop the approval of offer');
  await expect(dialog).toContainText('the approval no longer holds');
  await expect(dialog).toContainText('must approve the offer again');
  await page.screenshot({ path: test.info().outputPath('drop-approval-dialog.png') });
  await dialog.getByRole('button', { name: 'Keep the approval' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('offer-status').first()).toHaveText('Approved');
  await drop.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Drop approval and edit' }).click();
  await expect(page.getByTestId('offer-status').first()).toHaveText('Draft');
  await expect(messages(page, /Approval dropped: the offer is a draft again\. If a discount is above your limit, it needs approval again/)).toHaveCount(1);
  await expect(page.getByTestId('offer-history-entry').first()).toHaveText(/^Back to draft: approval dropped · /);

  // Returned by the head of sales reads as such.
  await setStatus(page, 'awaiting_approval');
  await setStatus(page, 'draft', false);
  await expect(page.getByTestId('offer-history-entry').first()).toHaveText(/^Returned to draft · /);

  // Sent: Revise names the version it makes, and says the old one stays and approval applies again.
  await setStatus(page, 'sent');
  await expect(page.getByTestId('offer-read-only')).toHaveText(/Revise it to make version 2/);
  await expect(page.getByTestId('action-revise')).toHaveText('Revise as version 2');
  await page.getByTestId('action-revise').click();
  await expect(page.getByRole('dialog')).toContainText('Version 1 stays as it is, read-only');
  await expect(page.getByRole('dialog')).toContainText('if a discount on it is above your limit, it must be approved');
  await page.screenshot({ path: test.info().outputPath('revise-dialog.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Make version 2' }).click();
  await expect(page.getByTestId('offer-title')).toHaveText(/· v2$/);
  await expect(page.getByTestId('offer-status').first()).toHaveText('Draft');
  await page.getByRole('link', { name: 'Open version 1' }).click();
  await expect(page.getByTestId('offer-history-entry').first()).toHaveText(/^Revised: replaced by version 2 · /);
});


test('stock counted long ago says so on the line, and the note for the client says the quantity with its unit', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page);
  const p = await pickProducts(page);
  // The company counted the one product 200 days ago (its stock export stopped), the other this
  // morning, with no delivery on the way.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const staleId = await idb<string>(
    page,
    `const stock = await all('stock');
    const ids = [];
    for (const [sku, asOf] of [[${JSON.stringify(p.pieces.sku)}, ${JSON.stringify(daysAgo(200))}], [${JSON.stringify(p.short.sku)}, ${JSON.stringify(new Date().toISOString())}]]) {
      const product = (await all('products')).find((x) => x.sku === sku);
      const s = stock.find((x) => x.id === product.id);
      // Nothing on the way for the short one: its note says what there is, the rest on request.
      await put('stock', { ...s, asOf, incoming: sku === ${JSON.stringify(p.short.sku)} ? [] : s.incoming });
      ids.push(product.id);
    }
    return ids[0];`,
  );
  await page.reload();
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 });
  await newOffer(page, [p.pieces.sku, p.short.sku]);
  const stale = page.locator(`[data-testid="offer-line"][data-sku="${p.pieces.sku}"]`);
  const fresh = page.locator(`[data-testid="offer-line"][data-sku="${p.short.sku}"]`);
  await expect(stale.getByTestId('stock-age')).toHaveText(/^Counted 200 days ago \(.+\): check before promising$/);
  await expect(stale.getByTestId('stock-age')).toHaveAttribute('title', /^The stock was counted on .+, 200 days ago: check it with the warehouse before promising/);
  await expect(stale.getByTestId('stock-badge')).toHaveAttribute('title', /· The stock was counted on .+, 200 days ago/);
  await expect(fresh.getByTestId('stock-age')).toHaveCount(0);
  await expect(fresh.getByTestId('stock-badge')).toHaveAttribute('title', /· Stock counted today \(.+\)$/);

  // More than there is: the note the client reads says how much there is, with the unit.
  await fresh.getByTestId('line-qty').fill('50');
  // The quantity as the badge says it ("1 pack", "3 boxes": units.quantity, tested in stock-text.test.ts).
  await expect(fresh.getByTestId('stock-badge')).toContainText('Only');
  const badge = await fresh.getByTestId('stock-badge').innerText();
  const quantity = /^Only (.+) in stock, no delivery planned$/.exec(badge)?.[1] ?? '';
  expect(quantity).toMatch(new RegExp(`^${p.short.available.toLocaleString('en')} \\S`));
  const note = `${quantity} in stock, the rest on request`;
  await expect(fresh.getByRole('textbox', { name: 'Note on the offer' })).toHaveValue(note);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.screenshot({ path: test.info().outputPath('stock-age-lines.png') });
  await page.getByTestId('action-more').click();
  await page.getByRole('menuitem', { name: 'Preview' }).click();
  await expect(page.getByTestId('offer-preview')).toContainText(note);
  await page.keyboard.press('Escape');

  // The product picker marks the old count too; the product page says it under the count's date.
  const picker = page.getByTestId('product-picker');
  await picker.fill(p.pieces.sku);
  await expect(page.getByRole('option').first().getByTestId('stock-age')).toHaveAttribute('aria-label', /200 days ago/);
  await picker.fill('');
  await page.goto(`${page.url().split('#')[0]}#/catalog/${staleId}`);
  await expect(page.getByTestId('product-stock').getByTestId('stock-age')).toHaveText(/^Counted 200 days ago \(.+\): check before promising$/);
  await page.screenshot({ path: test.info().outputPath('stock-age-product.png') });
});

test('"Handed over in person" asks first, saying what it does, and only then marks the offer sent', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page);
  const p = await pickProducts(page);
  await newOffer(page, [p.pieces.sku]);
  const number = (await page.getByTestId('offer-title').textContent())!.split(' · ')[0]!;
  await page.getByTestId('action-send').click();
  const dialog = page.getByTestId('send-dialog');
  await dialog.getByTestId('handed-over').click();
  // Nothing happened yet: the dialog says what will.
  const confirm = dialog.getByTestId('hand-over-confirm');
  await expect(confirm).toContainText('The offer is marked as sent: this version can no longer change');
  await expect(confirm).toContainText(`“Offer ${number} handed over” is recorded in the client’s activities`);
  await expect(page.getByRole('dialog')).toContainText(`Offer ${number} handed over in person?`);
  await expect(page.getByTestId('offer-status').first()).toHaveText('Draft');
  await page.screenshot({ path: test.info().outputPath('hand-over-confirm.png') });
  // Back is back to the ways of sending; closing the dialog sends nothing.
  await confirm.getByRole('button', { name: 'Back' }).click();
  await expect(dialog.getByTestId('mark-sent')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('offer-status').first()).toHaveText('Draft');

  await page.getByTestId('action-send').click();
  await page.getByTestId('send-dialog').getByTestId('handed-over').click();
  await page.getByTestId('confirm-handed-over').click();
  await expect(page.getByTestId('offer-status').first()).toHaveText('Sent');
  await expect(messages(page, /Marked as handed over: the offer is sent/)).toHaveCount(1);
  await page.getByTestId('offer-client').click();
  await expect(page.getByTestId('activity').first()).toContainText(`Offer ${number} handed over`);
});

/** Whether the element shows all its text: not cut at its side ("…") nor below its last shown line (a line clamp). */
const shownInFull = (l: Locator) =>
  l.evaluate((el) => [el, ...el.querySelectorAll('*')].every((e) => (e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1) || (getComputedStyle(e).overflowX === 'visible' && getComputedStyle(e).overflowY === 'visible')));

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
] as const) {
  test(`a long product name and a long country name show in full at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await openDemo(page);
    const p = await pickProducts(page);
    const longName =
      'Stainless steel hexagon head bolt with nylon-insert lock nut and two flat washers, DIN 933 / ISO 4017, M12 × 120 mm, A4-80, for marine and chemical plant environments (pack of 25)';
    await idb(page, `const x = (await all('products')).find((y) => y.sku === ${JSON.stringify(p.pieces.sku)}); await put('products', { ...x, name: ${JSON.stringify(longName)} });`);
    await page.reload();
    await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 });

    // The product picker's option and the line: the whole name, wrapped, and in the title.
    await page.getByTestId('client-row').first().click();
    await page.getByRole('button', { name: /New offer/ }).first().click();
    const picker = page.getByTestId('product-picker');
    await picker.fill(p.pieces.sku);
    const option = page.getByRole('option').first();
    await expect(option).toContainText(longName);
    expect(await shownInFull(option), 'the picker shows the whole name').toBe(true);
    await page.screenshot({ path: test.info().outputPath(`long-name-picker-${width}.png`) });
    await picker.press('Enter');
    const name = page.locator(`[data-testid="offer-line"][data-sku="${p.pieces.sku}"]`).getByTestId('line-name');
    await expect(name).toHaveText(longName);
    await expect(name).toHaveAttribute('title', longName);
    expect(await shownInFull(name), 'the line shows the whole name').toBe(true);
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await page.screenshot({ path: test.info().outputPath(`long-name-draft-${width}.png`) });
    const id = page.url().split('/offers/')[1];
    await expect.poll(() => idb<number>(page, `return (await all('offers')).find((x) => x.id === ${JSON.stringify(id)})?.lines.length ?? -1;`)).toBe(1);
    await setStatus(page, 'sent');
    await expect(name).toHaveText(longName);
    expect(await shownInFull(name), 'the sent line shows the whole name').toBe(true);
    await page.screenshot({ path: test.info().outputPath(`long-name-sent-${width}.png`) });

    // The client's address: the country chosen in the form reads in full there and on the card.
    await page.getByTestId('offer-client').click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const country = page.getByLabel('Country', { exact: true }).and(page.locator('input')).first();
    await country.click();
    await country.fill('Bosnia');
    await page.getByRole('option', { name: 'Bosnia & Herzegovina (BA)', exact: true }).click();
    await expect(country).toHaveValue('Bosnia & Herzegovina (BA)');
    await expect(country).toHaveAttribute('title', 'Bosnia & Herzegovina (BA)');
    expect(await country.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the country field shows the whole name').toBe(true);
    await page.screenshot({ path: test.info().outputPath(`client-form-country-${width}.png`) });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('client-name')).toBeVisible();
    await expect(page.getByText(/Bosnia & Herzegovina/).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`client-card-country-${width}.png`) });
  });
}
