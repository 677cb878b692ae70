import { describe, expect, it } from 'vitest';
import { countryCode } from './countries';

describe('countryCode', () => {
  it.each([
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['united states', 'US'],
    ['Deutschland', 'DE'],
    ['Germany', 'DE'],
    ['Россия', 'RU'],
    ['Российская Федерация', 'RU'],
    ['Magyarország', 'HU'],
    ['MAGYARORSZAG', 'HU'],
    ['Hungary', 'HU'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Great Britain', 'GB'],
    ['United Kingdom', 'GB'],
    ['Bharat', 'IN'],
    ['India', 'IN'],
    ['भारत', 'IN'],
    ['Indonesia', 'ID'],
    ['Malaysia', 'MY'],
    ['Polska', 'PL'],
    ['España', 'ES'],
    ['Nederland', 'NL'],
    ['Canada', 'CA'],
    ['hu', 'HU'],
    ['gb', 'GB'],
  ])('%s is %s', (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it.each(['', '  ', 'Ruritania', 'XX', 'Main Street'])('%j is no country', (text) => {
    expect(countryCode(text)).toBe('');
  });
});
