/**
 * How a laptop is named wherever the app shows one (Settings › Laptops, a client's history): its
 * name, with its number when its person has more than one laptop of that name ("Chromium on
 * Linux #2"). The company server numbers them in the order they signed in, signed-out ones
 * included, so a laptop's number never changes (docs/sync-protocol.md, "History").
 */
import type { TFunction } from 'i18next';

export function deviceLabel(name: string, nameNumber: number | undefined, t: TFunction): string {
  return nameNumber === undefined ? name : t('devices.numbered', { name, number: nameNumber });
}
