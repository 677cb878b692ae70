import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldbookDb } from './db';
import { blankClientInput, type ClientInput } from '../../../core/client-model';
import { archiveClient, createClient } from './clients/commands';
import { dominantCountry, getMarket, learnMarketFromClients, localeMarket, setMarket } from './market';

describe('the market of the language settings', () => {
  it('is the first preferred language that names a region', () => {
    expect(localeMarket(['en-GB', 'hu-HU'])).toBe('GB');
    expect(localeMarket(['en', 'hu-HU'])).toBe('HU');
    expect(localeMarket(['ru-RU'])).toBe('RU');
  });

  it('is the likeliest region of a language alone, and none for what is no language or region', () => {
    expect(localeMarket(['hu'])).toBe('HU');
    expect(localeMarket(['es-419'])).toBe('');
    expect(localeMarket(['not a language'])).toBe('');
    expect(localeMarket([])).toBe('');
  });
});

describe('the market setting', () => {
  let db: FieldbookDb;
  beforeEach(() => {
    db = new FieldbookDb(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('follows the language settings until the person chooses, and keeps the choice, none included', async () => {
    expect(await getMarket(db)).toBe(localeMarket());
    await setMarket('IN', db);
    expect(await getMarket(db)).toBe('IN');
    await setMarket('', db);
    expect(await getMarket(db)).toBe('');
  });

  it('takes only a country code', async () => {
    await expect(setMarket('United Kingdom', db)).rejects.toThrow();
    await expect(setMarket('gb', db)).rejects.toThrow();
    expect(await getMarket(db)).toBe(localeMarket());
  });

  it('until the person chooses, is where most of their own clients are, learnt after a sync; the choice wins', async () => {
    const add = async (name: string, ownerId: string, country: string, archived = false) => {
      const input: ClientInput = {
        ...blankClientInput(ownerId),
        name,
        status: 'active',
        addresses: [{ kind: 'office', street: '', city: '', postcode: '', region: '', country }],
        paymentTermsDays: 30,
      };
      const c = await createClient(input, db);
      if (archived) await archiveClient(c.id, db);
      return c;
    };
    const a = await add('A', 'anna', 'GB');
    await add('B', 'anna', 'GB');
    await add('C', 'anna', 'IE');
    await add('D', 'anna', 'US', true);
    await add('E', 'anna', 'US', true);
    for (const n of ['F', 'G', 'H']) await add(n, 'ben', 'US');
    await learnMarketFromClients('anna', db);
    expect(await getMarket(db)).toBe('GB');
    // Learnt once: what changes later does not move it.
    await archiveClient(a.id, db);
    await learnMarketFromClients('anna', db);
    expect(await getMarket(db)).toBe('GB');
    await setMarket('IN', db);
    expect(await getMarket(db)).toBe('IN');
  });

  it('a person with no clients, or spread over many countries, keeps the language settings’ market until clients say more', async () => {
    await learnMarketFromClients('nobody', db);
    expect(await getMarket(db)).toBe(localeMarket());
    expect(dominantCountry(['GB', 'US', 'IN', 'HU'])).toBe('');
    expect(dominantCountry(['GB', 'GB', 'US', 'IN', ''])).toBe('GB');
    expect(dominantCountry(['', 'not a country'])).toBe('');
  });
});
