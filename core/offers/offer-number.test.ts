import { describe, expect, it } from 'vitest';
import { deviceMark, initialsOf, isDeviceMark, nextOfferNumber, offerNumberStem } from './offer-number';

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

  it('gives each device of a person its own mark: letters that read well on the phone, never one twice', () => {
    expect([1, 2, 8, 9, 14, 24, 25, 26, 48, 49, 600, 601].map(deviceMark)).toEqual(['A', 'B', 'H', 'J', 'P', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    const marks = Array.from({ length: 2000 }, (_, i) => deviceMark(i + 1));
    expect(new Set(marks).size).toBe(2000);
    expect(marks.every(isDeviceMark)).toBe(true);
    expect(marks.some((m) => /[IO]/.test(m))).toBe(false);
    expect(() => deviceMark(0)).toThrow(RangeError);
    expect(isDeviceMark('I')).toBe(false);
    expect(isDeviceMark('a')).toBe(false);
    expect(isDeviceMark('')).toBe(false);
  });

  it('numbers one person’s two laptops, both offline on the same day, apart by their marks', () => {
    expect(offerNumberStem('AB', '2026-12-03', 'B')).toBe('AB-261203-B');
    const first = nextOfferNumber('AB', '2026-12-03', 0, [], 'A');
    const second = nextOfferNumber('AB', '2026-12-03', 0, [], 'B');
    expect([first.number, second.number]).toEqual(['AB-261203-A1', 'AB-261203-B1']);
    // Each continues after its own numbers, whatever the other laptop's (synced meanwhile) say.
    const known = ['AB-261203-A1', 'AB-261203-B1', 'AB-261203-B2', 'AB-261203-7'];
    expect(nextOfferNumber('AB', '2026-12-03', 1, known, 'A').number).toBe('AB-261203-A2');
    expect(nextOfferNumber('AB', '2026-12-03', 0, known, 'B').number).toBe('AB-261203-B3');
    // A laptop without a mark (not synced since marks exist) continues the unmarked numbers only.
    expect(nextOfferNumber('AB', '2026-12-03', 0, known).number).toBe('AB-261203-8');
  });
});
