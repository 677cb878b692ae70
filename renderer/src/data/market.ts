/**
 * The person's market: the country they sell in (ISO 3166-1 alpha-2, '' for none). A setting of
 * this laptop, not synced. Phone numbers typed without a country code are read in it when neither
 * the record nor the active event names a country (phone-regions.ts). Until the person chooses,
 * it is the region of the system's language settings ("en-GB" → GB).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type FieldbookDb } from './db';

const MARKET_KEY = 'market';
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The region the OS or browser language settings name: the first preferred language that
 * names one ("en-GB", "hu-HU"), else the region a language alone is mostly spoken in ("hu" →
 * HU, "en" → US), else ''. The person sees and can change it in Settings.
 */
export function localeMarket(languages: readonly string[] = systemLanguages()): string {
  const locales = languages.flatMap((tag) => {
    try {
      return [new Intl.Locale(tag)];
    } catch {
      return [];
    }
  });
  const named = locales.find((l) => COUNTRY.test(l.region ?? ''));
  if (named) return named.region!;
  const likely = locales[0]?.maximize().region ?? '';
  return COUNTRY.test(likely) ? likely : '';
}

/** The preferred languages of the OS (Electron) or browser; none where there is no navigator (tests in Node). */
function systemLanguages(): readonly string[] {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : [nav.language];
}

const marketOf = (value: unknown): string => (typeof value === 'string' && (value === '' || COUNTRY.test(value)) ? value : localeMarket());

/** The market: the person's choice, or the language settings' region until they make one. */
export async function getMarket(db: FieldbookDb = getDb()): Promise<string> {
  return marketOf((await db.meta.get(MARKET_KEY))?.value);
}

/** Sets the market ('' for none: numbers without a country code are then read only by the record's and event's country). */
export async function setMarket(country: string, db: FieldbookDb = getDb()): Promise<void> {
  if (country !== '' && !COUNTRY.test(country)) throw new Error(`not a country code: ${country}`);
  await db.meta.put({ key: MARKET_KEY, value: country });
}

/** The market, live, and whether the person chose it (undefined while it is read). */
export function useMarket(): { country: string; chosen: boolean } | undefined {
  return useLiveQuery(async () => {
    const value = (await getDb().meta.get(MARKET_KEY))?.value;
    return { country: marketOf(value), chosen: value !== undefined && marketOf(value) === value };
  }, []);
}
