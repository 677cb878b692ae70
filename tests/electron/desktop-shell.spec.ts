import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { DesktopApi } from '../../core/ipc-contract';
import { MAIN_ENTRY, findElectronRuntime } from './electron-runtime';
import { FieldbookApp } from './fieldbook-app';

const runtime = findElectronRuntime();

declare global {
  interface Window {
    readonly fieldbook?: DesktopApi;
  }
}

test.describe('desktop shell', () => {
  // Skipped — never passed — where the Electron binary is absent; the reason is in the report.
  test.skip(!runtime.available, `Electron runtime not installed: ${runtime.available ? '' : runtime.reason}`);

  let app: FieldbookApp;

  test.beforeAll(() => {
    if (runtime.available && !existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npx electron-vite build\` first.`);
  });

  test.beforeEach(async () => {
    if (!runtime.available) return;
    app = await FieldbookApp.launch(runtime.executablePath);
  });

  test.afterEach(async () => {
    await app?.close();
  });

  test('opens the Fieldbook window from app://fieldbook', async () => {
    await expect(app.window).toHaveTitle('Fieldbook');
    expect(app.window.url()).toBe('app://fieldbook/index.html');
    expect(await app.window.evaluate(() => typeof window.fieldbook)).toBe('object');
    // Node and ipcRenderer never reach the page.
    expect(await app.window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await app.window.evaluate(() => Object.keys(window.fieldbook ?? {}).sort())).toEqual(
      ['appInfo', 'loadSecret', 'onMenuCommand', 'openExternal', 'printToPdf', 'saveFile', 'saveSecret', 'setLanguage'],
    );
  });

  test('seeds the demo base in a worker loaded from app:// under the app policy', async () => {
    // The window opens on the default demo base; its seeding runs in a module worker whose
    // script comes through the app:// handler (CSP header included). Were the worker refused,
    // the window would seed it itself and the mark would say 'window'.
    const where = await app.window.waitForFunction(() => {
      const mark = performance.getEntriesByName('fieldbook:demo-seeded')[0] as PerformanceMark | undefined;
      return (mark?.detail as { where?: string } | undefined)?.where ?? null;
    });
    expect(await where.jsonValue()).toBe('worker');
    await expect(app.window.getByTestId('client-row').first()).toBeVisible();
  });

  test('blocks navigation to another origin', async () => {
    await app.window.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await app.window.waitForTimeout(1000);
    expect(app.window.url()).toBe('app://fieldbook/index.html');
  });

  test('sends window.open of an external link to the OS, not a new window', async () => {
    await app.recordExternalOpens();
    await app.window.evaluate(() => {
      window.open('https://example.com/docs', '_blank');
      window.open('javascript:alert(1)', '_blank');
      window.open('file:///etc/passwd', '_blank');
    });
    await expect.poll(() => app.externalOpens()).toEqual(['https://example.com/docs']);
    expect(await app.windowCount()).toBe(1);
  });

  test('openExternal through the API reaches the OS for allowed links only', async () => {
    await app.recordExternalOpens();
    const allowed = await app.window.evaluate(() => window.fieldbook!.openExternal('mailto:anna@example.com'));
    expect(allowed).toEqual({ ok: true, value: null });
    const refused = await app.window.evaluate(() => window.fieldbook!.openExternal('javascript:alert(1)'));
    expect(refused.ok).toBe(false);
    expect(await app.externalOpens()).toEqual(['mailto:anna@example.com']);
  });

  test('IPC rejects malformed payloads with { ok: false }', async () => {
    const results = await app.window.evaluate(async () => {
      // Deliberately wrong types, as a compromised page would send them.
      const api = window.fieldbook as unknown as Record<string, (...args: unknown[]) => Promise<{ ok: boolean; error?: string }>>;
      return Promise.all([
        api.saveFile!({ suggestedName: 42, data: {} }),
        api.saveFile!('clients.csv'),
        api.saveFile!({ suggestedName: '../../.bashrc', data: 'x' }),
        api.printToPdf!(null),
        api.printToPdf!({ suggestedName: 'x', extra: true }),
        api.openExternal!(12),
        api.openExternal!('file:///etc/passwd'),
        api.setLanguage!('de'),
        api.setLanguage!({ language: 'ru' }),
      ]);
    });
    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/^Invalid [a-z]+:[a-z]+ request: /);
    }
  });

  test('appInfo returns the version and data folder', async () => {
    const info = await app.window.evaluate(() => window.fieldbook!.appInfo());
    expect(info.ok).toBe(true);
    if (info.ok) {
      expect(info.value.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(info.value.dataFolder).toContain('fieldbook-electron-e2e-');
    }
  });

  test('keeps the device token encrypted in the data folder, or says there is no keychain', async () => {
    const token = 'fb_e2e_token_0123456789abcdef';
    const saved = await app.window.evaluate((t) => window.fieldbook!.saveSecret('device-token', t), token);
    expect(saved.ok).toBe(true);
    const info = await app.window.evaluate(() => window.fieldbook!.appInfo());
    const file = info.ok ? join(info.value.dataFolder!, 'secrets', 'device-token.bin') : '';
    if (saved.ok && saved.value) {
      expect(readFileSync(file).toString('latin1')).not.toContain(token);
      expect(await app.window.evaluate(() => window.fieldbook!.loadSecret('device-token'))).toEqual({ ok: true, value: token });
    } else {
      expect(existsSync(file)).toBe(false); // no keychain (Linux basic_text): nothing stored in clear
    }
    await app.window.evaluate(() => window.fieldbook!.saveSecret('device-token', null));
    expect(await app.window.evaluate(() => window.fieldbook!.loadSecret('device-token'))).toEqual({ ok: true, value: null });
  });

  test('the app:// protocol refuses path traversal', async () => {
    const statuses = await app.window.evaluate(async () => {
      const paths = ['..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2fpackage.json', '..%5c..%5cpackage.json', '%252e%252e%252fpackage.json'];
      return Promise.all(paths.map(async (p) => (await fetch(`app://fieldbook/${p}`)).status));
    });
    expect(statuses).toEqual([404, 404, 404, 404]);
  });
});

test.describe('the desktop speaks the UI language', () => {
  test.skip(!runtime.available, `Electron runtime not installed: ${runtime.available ? '' : runtime.reason}`);

  test('the menu follows the language picked in Settings at once, and opens in it next time', async () => {
    const first = await FieldbookApp.launch(runtime.available ? runtime.executablePath : '');
    let second: FieldbookApp | undefined;
    try {
      await first.window.evaluate(() => (window.location.hash = '#/settings'));
      await first.window.getByTestId('language-select').selectOption('en');
      await expect.poll(() => first.menuLabels()).toContain('Edit');
      await first.window.getByTestId('language-select').selectOption('ru');
      await expect.poll(() => first.menuLabels()).toEqual(expect.arrayContaining(['Файл', 'Правка', 'Вид', 'Окно', 'Справка', 'Отменить', 'Выделить всё', 'Синхронизировать']));
      // Nothing Electron would label in English is left (only the app's name is Latin).
      expect((await first.menuLabels()).filter((label) => /[A-Za-z]/.test(label.replace(/Fieldbook/i, '')))).toEqual([]);
      await first.closeKeepingData();
      expect(JSON.parse(readFileSync(join(first.folder, 'settings.json'), 'utf8'))).toEqual({ language: 'ru' });
      // The next start's first menu is Russian, built before the page has said anything.
      second = await FieldbookApp.launch(runtime.available ? runtime.executablePath : '', [], first.folder);
      expect(await second.menuLabels()).toContain('Правка');
      await second.window.evaluate(() => (window.location.hash = '#/settings'));
      await second.window.getByTestId('language-select').selectOption('hi');
      await expect.poll(() => second!.menuLabels()).toContain('संपादन');
    } finally {
      await (second ?? first).close();
    }
  });
});

test.describe('camera permission', () => {
  test.skip(!runtime.available, `Electron runtime not installed: ${runtime.available ? '' : runtime.reason}`);

  test('the camera is granted to the lead capture screen only, and the microphone never', async () => {
    const app = await FieldbookApp.launch(runtime.available ? runtime.executablePath : '', ['--use-fake-device-for-media-stream']);
    try {
      /** What getUserMedia gives on the current screen: 'granted' or the error's name. */
      const ask = (constraints: MediaStreamConstraints) =>
        app.window.evaluate(async (c) => {
          try {
            const stream = await navigator.mediaDevices.getUserMedia(c);
            stream.getTracks().forEach((t) => t.stop());
            return 'granted';
          } catch (e) {
            return (e as Error).name;
          }
        }, constraints);
      await app.window.evaluate(() => (window.location.hash = '#/'));
      expect(await ask({ video: true })).toBe('NotAllowedError');
      await app.window.evaluate(() => (window.location.hash = '#/capture'));
      await expect(app.window.getByRole('heading', { name: 'Capture lead' })).toBeVisible();
      expect(await ask({ video: true })).toBe('granted');
      expect(await ask({ audio: true })).toBe('NotAllowedError');
      expect(await ask({ video: true, audio: true })).toBe('NotAllowedError');
    } finally {
      await app.close();
    }
  });
});

test.describe('offer PDF', () => {
  test.skip(!runtime.available, `Electron runtime not installed: ${runtime.available ? '' : runtime.reason}`);

  test('an offer is printed with printToPDF and saved where the save dialog says', async () => {
    const app = await FieldbookApp.launch(runtime.available ? runtime.executablePath : '');
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'fieldbook-electron-pdf-')), 'offer.pdf');
      await app.answerSaveDialogs(file);
      const page = app.window;
      // The offline demo: its first client, a new offer, the catalog's first product for "a".
      await page.getByTestId('client-row').first().click();
      await page.getByTestId('new-offer').click();
      const number = (await page.getByTestId('offer-title').textContent())!.split(' · ')[0]!;
      const picker = page.getByTestId('product-picker');
      await picker.fill('a');
      await page.getByRole('option').first().waitFor();
      await picker.press('Enter');
      await page.getByTestId('offer-line').first().waitFor();
      await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
      await page.getByTestId('action-pdf').click();
      await page.getByText('PDF saved.').waitFor();
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Commercial offer');
      expect(text).toContain(number);
    } finally {
      await app.close();
    }
  });
});
