import { getCountries } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { currencyOfCountry, defaultClientCurrency } from './country-currency';

describe('country → currency', () => {
  it('knows a real currency for every country the address form offers', () => {
    const known = new Set(Intl.supportedValuesOf('currency'));
    const missing = getCountries().filter((c) => currencyOfCountry(c) === null);
    expect(missing).toEqual([]);
    for (const country of getCountries()) {
      const currency = currencyOfCountry(country);
      if (currency) expect(known.has(currency), `${country} → ${currency}`).toBe(true);
    }
  });

  it('gives the everyday currency, in any case', () => {
    expect(currencyOfCountry('GB')).toBe('GBP');
    expect(currencyOfCountry('hu')).toBe('HUF');
    expect(currencyOfCountry('DE')).toBe('EUR');
    expect(currencyOfCountry('HR')).toBe('EUR');
    expect(currencyOfCountry('BG')).toBe('EUR');
    expect(currencyOfCountry('EC')).toBe('USD');
    expect(currencyOfCountry('LI')).toBe('CHF');
    expect(currencyOfCountry('')).toBeNull();
    expect(currencyOfCountry('ZZ')).toBeNull();
    expect(currencyOfCountry(null)).toBeNull();
  });
});

describe('a new client’s currency', () => {
  const priced = ['USD', 'GBP', 'HUF', 'INR'];

  it('is its country’s when the company prices in it, else the market’s, else the company’s main one', () => {
    expect(defaultClientCurrency({ country: 'GB', market: 'HU', priced })).toEqual({ currency: 'GBP', source: 'country' });
    expect(defaultClientCurrency({ country: 'DE', market: 'HU', priced })).toEqual({ currency: 'HUF', source: 'market' });
    expect(defaultClientCurrency({ country: '', market: 'IN', priced })).toEqual({ currency: 'INR', source: 'market' });
    expect(defaultClientCurrency({ country: 'DE', market: 'FR', priced })).toEqual({ currency: 'USD', source: 'company' });
    expect(defaultClientCurrency({ priced })).toEqual({ currency: 'USD', source: 'company' });
  });

  it('is the country’s or market’s as it is while no price list is known, and EUR with neither', () => {
    expect(defaultClientCurrency({ country: 'DE', market: 'GB', priced: [] })).toEqual({ currency: 'EUR', source: 'country' });
    expect(defaultClientCurrency({ country: '', market: 'GB', priced: [] })).toEqual({ currency: 'GBP', source: 'market' });
    expect(defaultClientCurrency({ priced: [] })).toEqual({ currency: 'EUR', source: 'none' });
  });
});
