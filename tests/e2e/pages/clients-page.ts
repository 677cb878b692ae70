import { expect, type Locator, type Page } from '@playwright/test';

/** The client list: search, filters, the virtualised rows. */
export class ClientsPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('client-search');
    this.count = page.getByTestId('result-count');
    this.rows = page.getByTestId('client-row');
  }

  /** Opens the app on a fresh profile with a demo base of `demo` clients. */
  async open(demo = 40) {
    await this.page.goto(`/?demo=${demo}#/`);
    await expect(this.search).toBeVisible({ timeout: 30_000 });
  }

  /** Where the demo base was seeded ('worker' or 'window'), once it is (the `fieldbook:demo-seeded` mark). */
  async demoSeededIn(): Promise<string> {
    const handle = await this.page.waitForFunction(() => {
      const mark = performance.getEntriesByName('fieldbook:demo-seeded')[0] as PerformanceMark | undefined;
      return (mark?.detail as { where?: string } | undefined)?.where ?? null;
    });
    return (await handle.jsonValue()) as string;
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.count).toHaveAttribute('data-query', text);
  }

  async resultCount(): Promise<number> {
    return Number(await this.count.getAttribute('data-count'));
  }

  async visibleNames(): Promise<string[]> {
    return this.rows.getByTestId('client-row-name').allInnerTexts();
  }

  async newClient() {
    await this.page.getByRole('button', { name: 'New client' }).click();
  }
}
