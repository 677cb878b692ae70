import type { Browser, BrowserContextOptions } from '@playwright/test';
import { ClientFiles } from './client-files';
import { ClientForm } from './client-form';
import { ClientsPage } from './clients-page';
import { OfferBuilder } from './offer-builder';
import { SyncPanel } from './sync-panel';

/**
 * A laptop of its own (a new browser context: its own IndexedDB) signed in to the company server
 * as `login`, after its first sync, with the screens the specs drive (`options`: its locale …).
 */
export async function signedInLaptop(browser: Browser, login: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const sync = new SyncPanel(page);
  await sync.signIn(login);
  return {
    page,
    sync,
    list: new ClientsPage(page),
    form: new ClientForm(page),
    offer: new OfferBuilder(page),
    files: new ClientFiles(page),
    close: () => context.close(),
  };
}
