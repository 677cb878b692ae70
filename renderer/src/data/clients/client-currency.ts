/**
 * The currencies a client may be billed in on this laptop, and the one a new client gets
 * (core/country-currency.ts): offers are priced in the client's currency, so only currencies the
 * company has price lists in are worth choosing.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultClientCurrency, type CurrencyDefault } from '../../../../core/country-currency';
import { getDb, type FieldbookDb } from '../db';
import { getMarket } from '../market';

/**
 * Price list entries read to learn the company's currencies. Entries are in product-id order and
 * product ids are random, so these are every entry of a random ~200 products: a currency the
 * company prices its catalog in is among them, and a 50k-product catalog (over a million entries)
 * is never read whole for a form.
 */
const SAMPLE = 5000;

/**
 * The currencies the company has price lists in, the most used first (its main currency), or []
 * when this laptop has no prices yet (before its first sync).
 */
export async function pricedCurrencies(db: FieldbookDb = getDb()): Promise<string[]> {
  const counts = new Map<string, number>();
  await db.prices
    .orderBy('[productId+priceType]')
    .limit(SAMPLE)
    .each((p) => {
      counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
    });
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** The company's priced currencies, kept current (undefined while loading). */
export function usePricedCurrencies(): string[] | undefined {
  return useLiveQuery(() => pricedCurrencies(), []);
}

/**
 * The currency of a new client in `country` (core/country-currency.ts), else of the person's
 * market (Settings, market.ts), read inside the caller's transaction.
 */
export async function newClientCurrency(country: string, db: FieldbookDb = getDb()): Promise<CurrencyDefault> {
  return defaultClientCurrency({ country, market: await getMarket(db), priced: await pricedCurrencies(db) });
}
