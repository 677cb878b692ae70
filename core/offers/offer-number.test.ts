import { describe, expect, it } from 'vitest';
import { initialsOf, nextOfferNumber, offerNumberStem } from './offer-number';

describe('offer numbers', () => {
  it('takes the initials of the first two words that have a letter', () => {
    expect(initialsOf('Anna Berger')).toBe('AB');
    expect(initialsOf('  jean-luc   picard  ')).toBe('JP');
    expect(initialsOf('Nur Aisyah binti Rahman')).toBe('NA');
    expect(initialsOf('Дмитрий Соколов')).toBe('ДС');
    expect(initialsOf('(Temp) 42 Anna')).toBe('TA');
    expect(initialsOf('Cher')).toBe('C');
    expect(initialsOf('42 ---')).toBe('OF');
  });

  it('continues after the laptop’s counter and after every number of the same prefix and day it holds', () => {
    expect(offerNumberStem('AB2', '2026-12-03')).toBe('AB2-261203-');
    expect(nextOfferNumber('AB', '2026-12-03', 0, [])).toEqual({ number: 'AB-261203-1', n: 1 });
    expect(nextOfferNumber('AB', '2026-12-03', 3, ['AB-261203-2'])).toEqual({ number: 'AB-261203-4', n: 4 });
    // Numbers of another prefix, day or shape do not count: "AB2-…" is not "AB-…".
    const known = ['AB-261203-7', 'AB2-261203-20', 'AB-261202-30', 'AB-261203-x', 'AB-261203-1-copy'];
    expect(nextOfferNumber('AB', '2026-12-03', 1, known).number).toBe('AB-261203-8');
    expect(nextOfferNumber('AB2', '2026-12-03', 0, known).number).toBe('AB2-261203-21');
  });
});
