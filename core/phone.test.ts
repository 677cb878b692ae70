import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateClientBatch } from './demo-data';
import { DEMO_LOCALES } from './demo-data/generate';
import type { PhoneRange } from './demo-data/locale';
import { phoneDigitForms, phoneDigitFormsByShape } from './phone';

/** Numbers of a range: its lowest and highest, and a spread of others in between. */
function numbersIn(callingCode: string, { prefix, length }: PhoneRange): string[] {
  const free = length - prefix.length;
  const fill = (d: string) => d.repeat(free);
  const spread = Array.from({ length: 40 }, (_, i) => String((i * 7_919_333 + 12_345) % 10 ** free).padStart(free, '0'));
  return [fill('0'), fill('9'), ...spread].map((rest) => `+${callingCode}${prefix}${rest}`);
}

describe('phoneDigitFormsByShape', () => {
  it('gives what phoneDigitForms gives for every numbering range of the demo generator', () => {
    // One cache for all ranges, as the demo seeding uses it, and the ranges in two orders, so
    // that a shape first seen in one range is reused in another.
    for (const order of [1, -1]) {
      const forms = phoneDigitFormsByShape();
      const locales = order === 1 ? DEMO_LOCALES : [...DEMO_LOCALES].reverse();
      let checked = 0;
      for (const [loc] of locales) {
        const ranges = [...loc.mobiles, ...loc.cities.flatMap((c) => c.landlines)];
        for (const range of ranges) {
          for (const n of numbersIn(loc.callingCode, range)) {
            expect(forms(n), n).toEqual(phoneDigitForms(n));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(1000);
    }
  });

  it('gives what phoneDigitForms gives for the phones of the demo base', () => {
    const forms = phoneDigitFormsByShape();
    const { contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count: 3000 });
    const numbers = contacts.flatMap((c) => c.phones.map((p) => p.number));
    expect(numbers.length).toBeGreaterThan(5000);
    for (const n of numbers) expect(forms(n), n).toEqual(phoneDigitForms(n));
  });

  it('parses every time what is not plain E.164 or not a number', () => {
    const forms = phoneDigitFormsByShape();
    for (const n of ['+36 30 123 4567', '06301234567', '+3630123456', '+36301234567', '+36301234568', '+999123456789', '+999123456780', 'abc', '']) {
      expect(forms(n), n).toEqual(phoneDigitForms(n));
    }
  });
});
