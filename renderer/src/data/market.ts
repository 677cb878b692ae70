/**
 * The person's market: the country they sell in (ISO 3166-1 alpha-2, '' for none). A setting of
 * this laptop, not synced. Phone numbers typed without a country code are read in it when neither
 * the record nor the active event names a country (phone-regions.ts). Until the person chooses,
 * it is the country most of their own clients are in, learnt after the first good sync (a UK
 * account manager on a laptop set to American English sells in the UK), else the region of the
 * system's language settings ("en-GB" → GB).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { clientCountry } from '../../../core/client-model';
import { getDb, type FieldbookDb } from './db';
import { systemLanguages } from '../i18n/language';

const MARKET_KEY = 'market';
const FROM_CLIENTS_KEY = 'marketFromClients';
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


/** Where the market comes from until the person chooses. */
export type MarketSource = 'chosen' | 'clients' | 'language';

function marketOf(value: unknown, fromClients: unknown): { country: string; source: MarketSource } {
  if (typeof value === 'string' && (value === '' || COUNTRY.test(value))) return { country: value, source: 'chosen' };
  if (typeof fromClients === 'string' && COUNTRY.test(fromClients)) return { country: fromClients, source: 'clients' };
  return { country: localeMarket(), source: 'language' };
}

async function readMarket(db: FieldbookDb) {
  const [chosen, fromClients] = await Promise.all([db.meta.get(MARKET_KEY), db.meta.get(FROM_CLIENTS_KEY)]);
  return marketOf(chosen?.value, fromClients?.value);
}

/** The market: the person's choice, or until they make one their clients' country, or the language settings' region. */
export async function getMarket(db: FieldbookDb = getDb()): Promise<string> {
  return (await readMarket(db)).country;
}

/** Sets the market ('' for none: numbers without a country code are then read only by the record's and event's country). */
export async function setMarket(country: string, db: FieldbookDb = getDb()): Promise<void> {
  if (country !== '' && !COUNTRY.test(country)) throw new Error(`not a country code: ${country}`);
  await db.meta.put({ key: MARKET_KEY, value: country });
}

/**
 * The country of most of these clients (a country code), when it holds at least half of those
 * with a country; '' when they are spread over many or have none.
 */
export function dominantCountry(countries: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of countries) if (COUNTRY.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[1] * 2 >= total ? best[0] : '';
}

/**
 * Learns the market from the person's own clients on this laptop (not archived), once: after a
 * sync that went through, until it has found a country. Nothing changes once the person chose.
 */
export async function learnMarketFromClients(userId: string, db: FieldbookDb = getDb()): Promise<void> {
  // Never opens a database closed meanwhile (signing out right after a sync wipes it).
  if (!db.isOpen()) return;
  const [chosen, learnt] = await Promise.all([db.meta.get(MARKET_KEY), db.meta.get(FROM_CLIENTS_KEY)]);
  if (chosen !== undefined || (typeof learnt?.value === 'string' && learnt.value !== '')) return;
  // The client records (by owner), not the list rows: a first sync puts those aside for a while.
  const mine = await db.clients.where('ownerId').equals(userId).toArray();
  const countries = mine.filter((c) => !c.archivedAt).map((c) => clientCountry(c.addresses));
  await db.meta.put({ key: FROM_CLIENTS_KEY, value: dominantCountry(countries) });
}

/** The market, live, and where it comes from (undefined while it is read). */
export function useMarket(): { country: string; chosen: boolean; source: MarketSource } | undefined {
  return useLiveQuery(async () => {
    const market = await readMarket(getDb());
    return { ...market, chosen: market.source === 'chosen' };
  }, []);
}
