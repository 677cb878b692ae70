import { expect, type Page } from '@playwright/test';

/** Signing in to the company server and syncing: the settings card and the sidebar status. */
export class SyncPanel {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByTestId('sync-status').first();
  }

  /** When the last successful sync finished (ISO), or '' before the first. */
  async lastSync(): Promise<string> {
    return (await this.page.getByTestId('sync-last').first().getAttribute('data-last')) ?? '';
  }

  /** Signs in and waits for the first sync to succeed. */
  async signIn(login: string, password = 'demo') {
    await this.submitSignIn(login, password);
    // Signing in starts the first sync, which brings the client base and the company's catalog:
    // ~10 s on a slow two-core machine; the wait leaves room for one beside another first sync.
    await expect.poll(() => this.lastSync(), { timeout: 120_000 }).not.toBe('');
  }

  /** Signs in on the settings screen; the first sync it starts may still be running. */
  async submitSignIn(login: string, password = 'demo') {
    await this.page.goto('/#/settings');
    const card = this.page.getByTestId('connection-settings');
    await card.getByRole('textbox', { name: 'Login' }).fill(login);
    await card.getByRole('textbox', { name: 'Password' }).fill(password);
    await card.getByRole('button', { name: 'Sign in' }).click();
    await expect(card.getByTestId('signed-in-as')).toBeVisible();
  }

  /** Clicks "Sync now" and waits for that sync to finish successfully. */
  async syncNow() {
    const before = await this.lastSync();
    await this.status().getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => this.lastSync(), { timeout: 60_000 }).not.toBe(before);
    await expect(this.status()).toHaveAttribute('data-running', 'false');
  }

  async expectPending(count: number) {
    await expect(this.status()).toHaveAttribute('data-pending', String(count));
  }
}
