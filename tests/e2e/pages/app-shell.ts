import { expect, type Locator, type Page } from '@playwright/test';

/** The browser build's service worker, as the page sees it, and its "new version" notification. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Waits until a service worker controls the page with the app's files cached. */
  async waitUntilAvailableOffline() {
    // Fetching the app's files (about 7 MB) into the cache: seconds on a busy machine.
    await expect
      .poll(
        () =>
          this.page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return registration?.active?.state === 'activated' && (await caches.keys()).length > 0;
          }),
        { timeout: 60_000 },
      )
      .toBe(true);
  }

  /** Every URL the page's origin keeps in the Cache Storage, path and query. */
  async cachedPaths(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname + new URL(request.url).search);
      }
      return paths;
    });
  }

  /** Whether the page was served by the service worker (its controller), not by the network. */
  async controlled(): Promise<boolean> {
    return this.page.evaluate(() => navigator.serviceWorker.controller !== null);
  }

  updateNotice(): Locator {
    return this.page.getByTestId('app-update');
  }

  /** Clicks the notification's Reload. */
  async reloadToUpdate() {
    await this.updateNotice().getByRole('button', { name: 'Reload' }).click();
  }

  async expectUpdateReady() {
    // Installing the new version fetches its files first: seconds on a busy machine.
    await expect(this.updateNotice()).toBeVisible({ timeout: 30_000 });
    await expect(this.updateNotice()).toContainText('A new version of Fieldbook is ready');
  }
}
