import type { Page } from '@playwright/test';

export type StoredRow = Record<string, unknown> & { id: string };

/** The laptop's records of some IndexedDB stores, read in the page (what the app holds, as it holds it). */
export async function laptopStores(page: Page, names: string[]): Promise<Record<string, StoredRow[]>> {
  return page.evaluate(async (names) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('fieldbook');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await all(n)] as const))) as Record<string, StoredRow[]>;
  }, names);
}

/** The id of the person signed in on this laptop. */
export const signedInUserId = async (page: Page): Promise<string> =>
  ((await laptopStores(page, ['meta'])).meta!.find((m) => m.key === 'syncConnection')!.value as { user: { id: string } }).user.id;
