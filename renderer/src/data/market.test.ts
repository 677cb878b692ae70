import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldbookDb } from './db';
import { getMarket, localeMarket, setMarket } from './market';

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
});
