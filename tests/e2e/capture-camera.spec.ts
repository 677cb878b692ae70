/**
 * Scanning a badge with the laptop camera: Chromium plays a generated video of a vCard QR code
 * as its webcam, and the capture form fills from what the real decoder reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import config from './playwright.config';
import { CapturePage } from './pages/capture-page';
import { qrVideo } from './fixtures/qr-video.mjs';

const BADGE = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Kovács;Anna;;;', 'FN:Anna Kovács', 'ORG:Példa Kft.', 'TITLE:Beszerzési vezető', 'TEL;TYPE=WORK:+36 30 123 4567', 'EMAIL:anna.kovacs@pelda.hu', 'ADR;TYPE=WORK:;;Váci út 1;Budapest;;1051;Hungary', 'END:VCARD'].join('\r\n');

// The video must exist before the browser starts (it is a launch argument).
const dir = join(process.cwd(), 'test-results', 'fixtures');
mkdirSync(dir, { recursive: true });
const video = join(dir, 'badge-qr.y4m');
writeFileSync(video, qrVideo(BADGE).bytes);

const base = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...base,
    args: [...(base.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

test('a badge QR code in front of the camera fills the capture form', async ({ page }) => {
  const capture = new CapturePage(page);
  await capture.open();
  await page.getByRole('button', { name: 'Scan code with camera' }).click();
  await expect(capture.field('Name')).toHaveValue('Anna Kovács', { timeout: 15_000 });
  await expect(capture.field('Company name')).toHaveValue('Példa Kft.');
  await expect(capture.field('Position')).toHaveValue('Beszerzési vezető');
  await expect(capture.field('Phone')).toHaveValue('+36 30 123 4567');
  await expect(capture.field('Email')).toHaveValue('anna.kovacs@pelda.hu');
  await expect(capture.field('City')).toHaveValue('Budapest');
  // The camera dialog closes after a read; the person checks the form and saves.
  await expect(page.getByTestId('camera-video')).toBeHidden();
  await page.keyboard.press('Control+Enter');
  await expect(capture.saved()).toHaveText('Saved: Anna Kovács');
});
