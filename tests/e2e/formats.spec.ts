/**
 * Numbers and dates typed as the person's locale writes them (issue 20), in Chromium on the demo
 * data of a laptop with no company server. A Russian manager (`?lang=ru`: Russian formats,
 * whatever of the UI is translated) types a quantity "1 234,5" and a discount "12,5" on an offer
 * line, and a birthday "07.12.1980", and they are read as such; "1.234", which may be either a
 * thousand and more or one and a bit, is kept as typed and asked about. The calendars start the
 * week on the locale's first day (Monday in Russia, Sunday in India) and name months and
 * weekdays in the UI's language. The fields are found by test id: their labels are Russian or
 * Hindi once those translations are in.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_CATALOG_SIZE } from './pages/catalog-page';

/** Intl groups Russian digits with a no-break or narrow no-break space. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const valueOf = async (input: Locator) => plain(await input.inputValue());

async function openDemo(page: Page, lang: string) {
  await page.goto(`/?demo=10&catalog=${E2E_CATALOG_SIZE}&lang=${lang}#/`);
  await page.waitForFunction(() => performance.getEntriesByName('fieldbook:demo-catalog-seeded').length > 0, null, { timeout: 90_000 });
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 30_000 });
}

/** Runs `body` over the laptop's IndexedDB (stores read with `all`). */
async function idb<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => { const o = indexedDB.open('fieldbook'); o.onsuccess = () => resolve(o.result); o.onerror = () => reject(o.error); });
    const all = (store) => new Promise((resolve, reject) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    ${body}
  })()`) as Promise<T>;
}

/** The error under a field, by the field's test id. */
const errorOf = (page: Page, testId: string) => page.locator('.mantine-InputWrapper-root', { has: page.getByTestId(testId) }).locator('.mantine-InputWrapper-error');

test('a Russian manager types a quantity "1 234,5" and a discount "12,5" on an offer line: read as 1234.5 and 12.5, and "1.234" is asked about, never misread', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, 'ru');
  const sku = await idb<string>(page, `const stock = new Map((await all('stock')).map((s) => [s.id, s.available])); return (await all('products')).find((p) => !p.discontinued && p.unit === 'pcs' && (stock.get(p.id) ?? 0) > 10).sku;`);
  await page.getByTestId('client-row').first().click();
  await page.getByTestId('new-offer').click();
  const picker = page.getByTestId('product-picker');
  await picker.fill(sku);
  await picker.press('Enter');
  const line = page.locator(`[data-testid="offer-line"][data-sku="${sku}"]`);
  const qty = line.getByTestId('line-qty');
  const discount = line.getByTestId('line-discount');
  await expect(qty).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const offerId = page.url().split('/offers/')[1]!;
  const stored = () => idb<{ qty: number; manualDiscountBp: number } | null>(page, `const l = (await all('offers')).find((x) => x.id === ${JSON.stringify(offerId)})?.lines[0]; return l ? { qty: l.qty, manualDiscountBp: l.manualDiscountBp } : null;`);
  // The line saved on the laptop (autosave waits for a pause) before its figures are typed.
  await expect.poll(stored).toEqual({ qty: 1, manualDiscountBp: 0 });

  // "1.234" on a Russian laptop: a thousand and more (grouped by dots, the German way) or one and a bit (a keypad's dot)?
  await qty.fill('1.234');
  await qty.press('Tab');
  await expect(qty).toHaveValue('1.234');
  await expect(qty).toHaveAttribute('aria-invalid', 'true');
  await expect(errorOf(page, 'line-qty')).toContainText('1 234');
  await expect(errorOf(page, 'line-qty')).toContainText('1,234');
  await line.screenshot({ path: test.info().outputPath('qty-ambiguous-ru.png') });
  await expect.poll(stored).toMatchObject({ qty: 1 });

  // Typed the Russian way, with a space (and with a no-break one, as a figure copied from a Russian document).
  await qty.fill('1 234,5');
  await discount.fill('12,5');
  await discount.press('Tab');
  await expect(qty).not.toHaveAttribute('aria-invalid', 'true');
  await expect(discount).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(stored).toEqual({ qty: 1234.5, manualDiscountBp: 1250 });
  // Not focused, the figures are shown the Russian way.
  expect(await valueOf(qty)).toBe('1 234,5');
  expect(await valueOf(discount)).toBe('12,5');

  await qty.fill('2\u00a0000');
  await qty.press('Tab');
  await expect.poll(stored).toMatchObject({ qty: 2000 });
  expect(await valueOf(qty)).toBe('2 000');

  // English's way of writing it reads only one way, and is read: the last mark is the decimal one.
  await qty.fill('1,234.5');
  await qty.press('Tab');
  await expect.poll(stored).toMatchObject({ qty: 1234.5 });
  expect(await valueOf(qty)).toBe('1 234,5');
  await page.screenshot({ path: test.info().outputPath('offer-line-ru.png') });
});

test('a Russian manager types a birthday as 07.12.1980; the calendar starts on Monday and names the month in Russian', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, 'ru');
  await page.getByTestId('client-row').first().click();
  const clientId = page.url().split('/clients/')[1]!.split(/[/?]/)[0]!;
  await page.goto(`${page.url().split('#')[0]}#/clients/${clientId}/contacts/new`);
  await page.locator('input[name="name"]').fill('Ирина Соколова');
  const birthday = page.getByTestId('contact-birthday');
  await expect(birthday).toHaveAttribute('placeholder', /^..\...\.....$/);

  // The calendar: Monday first, the month standing alone in Russian ("Декабрь", not "декабря").
  await birthday.click();
  await birthday.fill('07.12.1980');
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar.locator('thead th').first()).toHaveText('пн');
  await expect(calendar.getByText('Декабрь 1980 г.', { exact: true })).toBeVisible();
  await expect(calendar.getByRole('button', { name: 'воскресенье, 7 декабря 1980 г.' })).toHaveAttribute('data-selected', 'true');
  await page.screenshot({ path: test.info().outputPath('birthday-calendar-ru.png') });

  // A day that is none stays as typed, with a message, and is not saved as another day.
  await birthday.fill('31.02.1980');
  await page.keyboard.press('Tab');
  await expect(birthday).toHaveValue('31.02.1980');
  await expect(errorOf(page, 'contact-birthday')).toContainText('24.12.2026');
  await birthday.fill('07.12.1980');
  await page.keyboard.press('Tab');
  await expect(birthday).toHaveValue('07.12.1980');
  await expect(errorOf(page, 'contact-birthday')).toHaveCount(0);

  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('client-name')).toBeVisible();
  const saved = await idb<string>(page, `return (await all('clients')).find((c) => c.id === ${JSON.stringify(clientId)}).contacts.find((c) => c.name === 'Ирина Соколова').birthday;`);
  expect(saved).toBe('1980-12-07');
  await expect(page.getByTestId('contact-card').filter({ hasText: 'Ирина Соколова' })).toContainText('7 дек. 1980 г.');
});

test('a Russian manager’s standing discount "7,5" is read as 7.5 %, and payment days "1,5" stay as typed, never shown as 2', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, 'ru');
  await page.getByTestId('client-row').first().click();
  const clientId = page.url().split('/clients/')[1]!.split(/[/?]/)[0]!;
  await page.goto(`${page.url().split('#')[0]}#/clients/${clientId}/edit`);
  const discount = page.getByTestId('client-discount');
  const days = page.getByTestId('client-payment-days');
  await discount.fill('7,5');
  await days.fill('1,5');
  await days.press('Tab');
  // Whole days only: the form says so, and the field keeps what was typed rather than rounding it.
  await expect(days).toHaveValue('1,5');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('45');
  await days.press('Tab');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('client-name')).toBeVisible();
  const saved = await idb<{ discountPct: number; paymentTermsDays: number }>(page, `const c = (await all('clients')).find((x) => x.id === ${JSON.stringify(clientId)}); return { discountPct: c.discountPct, paymentTermsDays: c.paymentTermsDays };`);
  expect(saved).toEqual({ discountPct: 7.5, paymentTermsDays: 45 });
});

test('a Hindi calendar starts on Sunday and names months and weekdays in Hindi; an event’s days are typed the Indian way', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=10&lang=hi#/events/new');
  const starts = page.getByTestId('event-starts-on');
  await starts.click();
  // Day, month, year: 7 December, after the form's default end (today), which follows it.
  await starts.fill('07/12/2027');
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar.locator('thead th').first()).toHaveText('रवि');
  await expect(calendar.getByText(/^दिसंबर 2027/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('event-calendar-hi.png') });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('event-ends-on')).toHaveValue('07/12/2027');
});
