import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PriceListRecord } from '../../../../core/pricing/catalog-model';
import { FieldbookDb } from '../db';
import { pricedCurrencies } from './client-currency';
import { getMarket, setMarket } from '../market';
import { captureLead, convertLead } from '../leads/leads';

let db: FieldbookDb;
beforeEach(async () => {
  db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  // The market comes from the system's language (Node before 21 has no navigator at all).
  vi.stubGlobal('navigator', { language: 'en-GB', languages: ['en-GB'] });
  await db.team.bulkAdd([{ id: 'u1', name: 'Ben Okafor', role: 'manager' }]);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

/** Retail and wholesale prices of `products` products in each currency. */
async function seedPrices(currencies: Record<string, number>): Promise<void> {
  const prices: PriceListRecord[] = Object.entries(currencies).flatMap(([currency, products]) =>
    Array.from({ length: products }, (_, i) =>
      (['retail', 'wholesale'] as const).map((priceType) => ({
        id: crypto.randomUUID(),
        productId: `p${String(i).padStart(4, '0')}`,
        priceType,
        currency,
        includesVat: false,
        breaks: [{ minQty: 1, unitPrice: 1000 }],
        updatedAt: '',
      })),
    ).flat(),
  );
  await db.prices.bulkAdd(prices);
}

const taskTitle = (step: string, who: string) => `${step}: ${who}`;
const convert = async (country: string) => {
  const lead = await captureLead({ personName: 'Sam Lee', companyName: 'Harbour Fixings Ltd', email: 'sam@harbour.example', country, rating: 'warm', answers: {}, nextStep: 'call', nextStepOn: '2026-04-27' }, { taskTitle }, db);
  return (await convertLead(lead.id, db)).client;
};

describe('the company’s currencies on this laptop', () => {
  it('are those of its price lists, the most used first, or none before the first sync', async () => {
    expect(await pricedCurrencies(db)).toEqual([]);
    await seedPrices({ USD: 3, GBP: 10, HUF: 10 });
    expect(await pricedCurrencies(db)).toEqual(['GBP', 'HUF', 'USD']);
  });

  it('has the market of the system’s language until the Settings say otherwise', async () => {
    expect(await getMarket(db)).toBe('GB');
    await setMarket('HU', db);
    expect(await getMarket(db)).toBe('HU');
  });
});

describe('a client converted from a lead', () => {
  it('is billed in its country’s currency when the company prices in it (it was always EUR)', async () => {
    await seedPrices({ GBP: 5, USD: 3 });
    expect((await convert('GB')).currency).toBe('GBP');
  });

  it('is billed in the market’s currency, else the company’s main one, when its country’s has no price lists', async () => {
    await seedPrices({ GBP: 5, USD: 3 });
    vi.stubGlobal('navigator', { language: 'en-US', languages: ['en-US'] });
    expect((await convert('DE')).currency).toBe('USD');
    vi.stubGlobal('navigator', { language: 'fr-FR', languages: ['fr-FR'] });
    expect((await convert('DE')).currency).toBe('GBP');
    // The market chosen in the Settings, whatever the language.
    await setMarket('US', db);
    expect((await convert('DE')).currency).toBe('USD');
  });

  it('takes its country’s currency as it is before the first sync brought any price list', async () => {
    expect((await convert('HU')).currency).toBe('HUF');
  });
});
