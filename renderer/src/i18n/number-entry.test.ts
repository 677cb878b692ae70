import { describe, expect, it } from 'vitest';
import { formatNumberEntry, numberMarks, parseNumberEntry } from './number-entry';

const read = (text: string, locale: string) => parseNumberEntry(text, locale);
const value = (n: number) => ({ kind: 'number', value: n });
const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('a number typed in the person’s locale', () => {
  it('is read with the locale’s decimal mark and groups', () => {
    expect(read('1 234,5', 'ru-RU')).toEqual(value(1234.5));
    expect(read('1 234,5', 'hu-HU')).toEqual(value(1234.5));
    expect(read('1.234,5', 'id-ID')).toEqual(value(1234.5));
    expect(read('1,234.5', 'en-GB')).toEqual(value(1234.5));
    expect(read('1,234.5', 'ms-MY')).toEqual(value(1234.5));
    expect(read('1,234.5', 'hi-IN')).toEqual(value(1234.5));
    expect(read('12,5', 'ru-RU')).toEqual(value(12.5));
    expect(read('12,5', 'id-ID')).toEqual(value(12.5));
    expect(read('12.5', 'en-GB')).toEqual(value(12.5));
    expect(read('1 234 567', 'hu-HU')).toEqual(value(1234567));
    expect(read('1.234.567', 'id-ID')).toEqual(value(1234567));
  });

  it('groups with a no-break or narrow no-break space as with a plain one (Intl writes ru and hu figures with them, and a copied figure keeps them)', () => {
    for (const space of [' ', NBSP, NNBSP, '\u2009']) {
      expect(read(`1${space}234,5`, 'ru-RU'), JSON.stringify(space)).toEqual(value(1234.5));
      expect(read(`1${space}234${space}567`, 'hu-HU'), JSON.stringify(space)).toEqual(value(1234567));
    }
    // What the field itself shows is read back as the same number.
    for (const locale of ['ru-RU', 'hu-HU', 'id-ID', 'ms-MY', 'hi-IN', 'en-GB', 'en-IN', 'en-US']) {
      for (const n of [1234567.5, 0.125, 12.5, 100000, 7]) expect(read(formatNumberEntry(n, locale), locale), `${n} in ${locale}`).toEqual(value(n));
    }
  });

  it('reads lakh grouping (12,34,567) in Hindi and Indian English, and in any locale, since it reads only one way', () => {
    expect(read('12,34,567.5', 'hi-IN')).toEqual(value(1234567.5));
    expect(read('12,34,567.5', 'en-IN')).toEqual(value(1234567.5));
    expect(read('1,00,000', 'hi-IN')).toEqual(value(100000));
    expect(read('12,34,567', 'en-GB')).toEqual(value(1234567));
    expect(formatNumberEntry(1234567.5, 'hi-IN')).toBe('12,34,567.5');
  });

  it('reads a figure written with both marks alike everywhere: the last one is the decimal mark', () => {
    for (const locale of ['ru-RU', 'hu-HU', 'id-ID', 'ms-MY', 'hi-IN', 'en-GB']) {
      expect(read('1,234.5', locale), locale).toEqual(value(1234.5));
      expect(read('1.234,5', locale), locale).toEqual(value(1234.5));
    }
  });

  it('reads "1.234" and "1,234" as the locale writes them: a thousand and more where the mark groups, one and a bit where it is the decimal mark', () => {
    expect(read('1.234', 'en-GB')).toEqual(value(1.234));
    expect(read('1.234', 'id-ID')).toEqual(value(1234));
    expect(read('1,234', 'en-GB')).toEqual(value(1234));
    expect(read('1,234', 'ms-MY')).toEqual(value(1234));
    expect(read('1,234', 'hi-IN')).toEqual(value(1234));
    expect(read('1,234', 'id-ID')).toEqual(value(1.234));
    expect(read('1,234', 'ru-RU')).toEqual(value(1.234));
  });

  it('asks rather than guesses where a mark the locale does not use may be either (a dot before three digits in ru and hu)', () => {
    expect(read('1.234', 'ru-RU')).toEqual({ kind: 'ambiguous', readings: [1234, 1.234] });
    expect(read('12.500', 'hu-HU')).toEqual({ kind: 'ambiguous', readings: [12500, 12.5] });
    // Elsewhere the dot can only be a decimal mark (a numeric keypad's).
    expect(read('12.5', 'ru-RU')).toEqual(value(12.5));
    expect(read('0.125', 'ru-RU')).toEqual(value(0.125));
    expect(read('1 234.5', 'hu-HU')).toEqual(value(1234.5));
    expect(read('1.2345', 'ru-RU')).toEqual(value(1.2345));
  });

  it('keeps what is no number of the locale unread, never turning it into another number', () => {
    const unreadable = { kind: 'unreadable' };
    // The group mark before other than three digits: 1.5, or a digit left out of 1,500?
    expect(read('1,5', 'en-GB')).toEqual(unreadable);
    expect(read('12,50', 'ms-MY')).toEqual(unreadable);
    expect(read('12.5', 'id-ID')).toEqual(unreadable);
    expect(read('0,123', 'en-GB')).toEqual(unreadable);
    // Groups that are no groups.
    expect(read('12 34', 'ru-RU')).toEqual(unreadable);
    expect(read('1,2,3', 'en-GB')).toEqual(unreadable);
    expect(read('1,234,5678', 'en-GB')).toEqual(unreadable);
    expect(read('1.2.3,4', 'id-ID')).toEqual(unreadable);
    expect(read('1,234.5.6', 'en-GB')).toEqual(unreadable);
    // Not a number at all.
    for (const text of ['abc', '12a', '1/2', '5%', '1e3', '--5', '1  234', ',', '.', '1 234.567,5']) expect(read(text, 'ru-RU'), text).toEqual(unreadable);
    expect(read('', 'ru-RU')).toEqual({ kind: 'empty' });
    expect(read('   ', 'en-GB')).toEqual({ kind: 'empty' });
  });

  it('reads a sign, a leading or trailing decimal mark and Devanagari digits', () => {
    expect(read('-12,5', 'ru-RU')).toEqual(value(-12.5));
    expect(read('\u221212,5', 'hu-HU')).toEqual(value(-12.5));
    expect(read('+3', 'en-GB')).toEqual(value(3));
    expect(read(',5', 'ru-RU')).toEqual(value(0.5));
    expect(read('.5', 'en-GB')).toEqual(value(0.5));
    expect(read('5,', 'ru-RU')).toEqual(value(5));
    expect(read('१२,३४,५६७', 'hi-IN')).toEqual(value(1234567));
  });

  it('shows a number grouped, with the locale’s marks', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatNumberEntry(1234.5, 'ru-RU'))).toBe('1 234,5');
    expect(formatNumberEntry(1234.5, 'id-ID')).toBe('1.234,5');
    expect(formatNumberEntry(1234.5, 'en-GB')).toBe('1,234.5');
    expect(formatNumberEntry(12.5, 'hu-HU')).toBe('12,5');
    expect(formatNumberEntry(Number.NaN, 'en-GB')).toBe('');
    expect(formatNumberEntry(undefined, 'en-GB')).toBe('');
    expect(numberMarks('id-ID')).toEqual({ decimal: ',', group: '.' });
    expect(numberMarks('en-IN')).toEqual({ decimal: '.', group: ',' });
  });
});
