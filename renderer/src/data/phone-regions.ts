/**
 * Where a phone number typed on this laptop is read (core/phone.ts `readPhone`): the record's own
 * country first (a client's address countries for its contacts, a lead's country), then the
 * active event's country, then the person's market. The forms and the commands that save use
 * these same functions, so the form's "saved as" hint is what is stored.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { clientCountry, type Address } from '../../../core/client-model';
import { phoneRegions } from '../../../core/phone';
import { getDb, type FieldbookDb } from './db';
import { getMarket } from './market';

/** The country of the event this laptop captures at ('' for none), read as lead-queries.ts reads the setting. */
async function activeEventCountry(db: FieldbookDb): Promise<string> {
  const id = (await db.meta.get('activeEventId'))?.value;
  const event = typeof id === 'string' ? await db.events.get(id) : undefined;
  return event && !event.archivedAt ? (event.country ?? '') : '';
}

/** This laptop's part of the order: the active event's country, then the market. */
async function laptopRegions(db: FieldbookDb): Promise<string[]> {
  return [await activeEventCountry(db), await getMarket(db)];
}

/** A client's countries, for its contacts' phones: the one it is known by (`clientCountry`) first. */
export const clientPhoneCountries = (addresses: readonly Pick<Address, 'kind' | 'country'>[] | undefined): string[] => [
  clientCountry(addresses),
  ...(addresses ?? []).map((a) => a.country),
];

/**
 * The regions for a record with these countries, inside or outside a transaction (which must then
 * include `meta` and `events`).
 */
export async function phoneRegionsFor(recordCountries: readonly string[], db: FieldbookDb = getDb()): Promise<string[]> {
  return phoneRegions([...recordCountries, ...(await laptopRegions(db))]);
}

/** The same for a form, live: follows the active event and the market. */
export function usePhoneRegions(recordCountries: readonly string[]): string[] {
  const laptop = useLiveQuery(() => laptopRegions(getDb()), []);
  const key = [...recordCountries, ...(laptop ?? [])].join(',');
  // Keyed by the text of the list: callers pass a new array each render.
  return useMemo(() => phoneRegions(key.split(',')), [key]);
}
