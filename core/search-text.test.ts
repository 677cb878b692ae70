import { describe, expect, it } from 'vitest';
import { buildHaystack, foldAscii, foldNative, matchesHaystack, parseQuery, sortKey } from './search-text';

const hay = (words: string[], phones: string[] = [], digits: string[] = []) => buildHaystack(words, phones, digits);
const finds = (h: string, q: string) => matchesHaystack(h, parseQuery(q));

describe('folding', () => {
  it('removes case and Latin/Cyrillic diacritics but keeps the script', () => {
    expect(foldNative('Ügyfél Kft.')).toBe('ugyfel kft');
    expect(foldNative('Ёлкин Й.')).toBe('елкин и');
    expect(foldNative('राजेश शर्मा')).toBe('राजेश शर्मा');
  });
  it('transliterates to ASCII', () => {
    expect(foldAscii('Иванов Сергей')).toBe('ivanov sergey');
    expect(foldAscii('Szőke & Társa')).toBe('szoke tarsa');
  });
  it('sorts each script alphabetically with a plain comparison', () => {
    const names = ['Борисов', 'Zoltán', 'Ábel', 'Алексеев', 'Béla'];
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual(['Ábel', 'Béla', 'Zoltán', 'Алексеев', 'Борисов']);
  });
});

describe('matching', () => {
  const ugyfel = hay(['Ügyfél Kft', 'Budapest']);
  const ivanov = hay(['ООО Иванов и партнёры', 'Москва', 'Сергей Петров', 'Генеральный директор']);
  const sharma = hay(['शर्मा ट्रेडर्स', 'राजेश शर्मा']);

  it.each([
    [ugyfel, 'ugyfel', true],
    [ugyfel, 'ÜGYFÉL', true],
    [ugyfel, 'ügy buda', true],
    [ugyfel, 'gyfel', false], // word prefixes, not arbitrary infixes
    [ugyfel, 'ugyfel wien', false], // every word must match
    [ivanov, 'иван', true],
    [ivanov, 'ivanov', true],
    [ivanov, 'партнеры', true], // ё typed as е
    [ivanov, 'petrov sergey', true],
    [ivanov, 'генеральный', true],
    [ivanov, 'петрова', false],
    [sharma, 'शर्मा', true],
    [sharma, 'राजे', true],
    [sharma, 'raj', true],
    [sharma, 'मोहन', false],
  ])('%#: "%s" ~ %s', (h, q, expected) => {
    expect(finds(h, q)).toBe(expected);
  });

  it('finds a phone whatever its formatting', () => {
    const h = hay(['Kovács Bt'], ['+36301234567']);
    for (const q of ['+36 30 123 4567', '36301234567', '06 30 123 4567', '06-30-123-4567', '(30) 123-45', '4567']) {
      expect(finds(h, q), q).toBe(true);
    }
    expect(finds(h, '+36 30 999 4567')).toBe(false);
  });

  it('finds a number with its extension by the number, and one kept as typed by its digits', () => {
    const h = hay(['Harbour Fixings'], ['+442079460958;ext=102', '07833 445566', 'call reception']);
    for (const q of ['+44 20 7946 0958', '020 7946 0958', '07833 445566', '07833-445566', '445566']) {
      expect(finds(h, q), q).toBe(true);
    }
    // The extension is not part of the number: "0958102" is no number this client has.
    expect(finds(h, '0958102')).toBe(false);
    expect(finds(h, 'harbour')).toBe(true);
  });

  it('finds a tax id by its digits', () => {
    const h = hay(['Kovács Bt'], [], ['12345678-2-42']);
    expect(finds(h, '12345678242')).toBe(true);
    expect(finds(h, '1234 5678')).toBe(true);
  });
});
