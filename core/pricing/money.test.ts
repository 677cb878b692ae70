import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divRound, minorToDecimal, minorUnitExponent, parseMoney, percentToBp, roundHalfAwayFromZero } from './money';

describe('minorUnitExponent', () => {
  it.each([
    ['EUR', 2],
    ['HUF', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['TND', 3],
    ['CLF', 4],
    ['eur', 2],
    ['jpy', 0],
  ])('%s has %i minor digits', (currency, exp) => {
    expect(minorUnitExponent(currency)).toBe(exp);
  });
});

describe('divRound (half away from zero)', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [7n, 2n, 4n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [0n, 7n, 0n],
    [1n, 3n, 0n],
    [3n, 2n, 2n],
  ])('%s / %s → %s', (n, d, q) => {
    expect(divRound(n, d)).toBe(q);
  });

  it('refuses division by zero', () => {
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });

  it('is within half a unit of the exact quotient, and rounds halves away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const q = divRound(n, d);
        // |q·d − n| ≤ d/2, i.e. |2(q·d − n)| ≤ d
        const twice = 2n * (q * d - n);
        expect(twice <= d && twice >= -d).toBe(true);
        if (twice === d || twice === -d) expect(q * d - n > 0n === n > 0n).toBe(true);
        expect(divRound(-n, d)).toBe(-q);
      }),
    );
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [2.4, 2],
    [-2.4, -2],
    [0, 0],
  ])('%d → %d', (x, r) => {
    expect(roundHalfAwayFromZero(x)).toBe(r);
  });
});

describe('percentToBp', () => {
  it.each([
    [0, 0],
    [5, 500],
    [12.5, 1250],
    [0.01, 1],
    [33.33, 3333],
    [100, 10_000],
  ])('%d %% → %i bp', (pct, bp) => {
    expect(percentToBp(pct)).toBe(bp);
  });

  it.each([-1, 100.01, 12.345, Number.NaN, Number.POSITIVE_INFINITY])('%d is not a discount', (pct) => {
    expect(percentToBp(pct)).toBeNull();
  });
});

describe('parseMoney and minorToDecimal', () => {
  it.each([
    ['1234.50', 'EUR', 123450],
    ['1234,5', 'EUR', 123450],
    ['-3', 'EUR', -300],
    ['0.07', 'HUF', 7],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('%s %s → %i', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  it.each([
    ['12.345', 'EUR'],
    ['1.5', 'JPY'],
    ['1,234.50', 'EUR'],
    ['', 'EUR'],
    ['abc', 'EUR'],
    ['1e5', 'EUR'],
  ])('%s is not an amount of %s', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull();
  });

  it.each([
    [123450, 'EUR', '1234.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [1500, 'JPY', '1500'],
    [1234, 'KWD', '1.234'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(minorToDecimal(minor, currency)).toBe(text);
  });

  it('round-trips every amount in every exponent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (minor, currency) => {
        expect(parseMoney(minorToDecimal(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe('allocate', () => {
  it('splits 100 into thirds without losing a cent, the earlier part taking the remainder', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('splits a payment schedule 30/70', () => {
    expect(allocate(99_999, [30, 70])).toEqual([30_000, 69_999]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocate(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
  });

  it('refuses weights that add up to nothing', () => {
    expect(() => allocate(5, [0, 0])).toThrow(RangeError);
    expect(() => allocate(5, [])).toThrow(RangeError);
    expect(() => allocate(5, [-1, 2])).toThrow(RangeError);
  });

  it('never loses or creates a minor unit, and each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.array(fc.integer({ min: 0, max: 10 ** 6 }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const sumW = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            // |p − total·w/ΣW| < 1, in exact integers: |p·ΣW − total·w| < ΣW
            const diff = BigInt(p) * BigInt(sumW) - BigInt(total) * BigInt(weights[i] ?? 0);
            expect((diff < 0n ? -diff : diff) < BigInt(sumW)).toBe(true);
            if (weights[i] === 0) expect(p).toBe(0);
          });
        },
      ),
    );
  });
});
