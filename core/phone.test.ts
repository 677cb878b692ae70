import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateClientBatch } from './demo-data';
import { DEMO_LOCALES } from './demo-data/generate';
import type { PhoneRange } from './demo-data/locale';
import { formatPhoneInternational, isCheckedPhone, phoneDigitForms, phoneDigitFormsByShape, phoneHref, phoneLineKind, phoneRegions, phoneSchema, readPhone } from './phone';

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

describe('readPhone', () => {
  // Numbers as people in the demo's markets type them, read in their own country.
  it.each<[string, string, string]>([
    ['GB', '07833 445566', '+447833445566'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['US', '(212) 555-0134', '+12125550134'],
    ['HU', '06 30 123 4567', '+36301234567'],
    ['RU', '8 (912) 345-67-89', '+79123456789'],
    ['IN', '098765 43210', '+919876543210'],
    ['ID', '0812-3456-7890', '+6281234567890'],
    ['MY', '012-345 6789', '+60123456789'],
  ])('reads a %s number "%s" in its region as %s', (region, typed, stored) => {
    expect(readPhone(typed, [region])).toBe(stored);
    expect(isCheckedPhone(stored)).toBe(true);
  });

  it.each<[string, string[], string]>([
    ['07833 445566', [], '07833 445566'],
    ['(212) 555-0134', [], '(212) 555-0134'],
    ['06 30 123 4567', [], '06 30 123 4567'],
    ['  8 (912) 345-67-89 ', [], '8 (912) 345-67-89'],
    ['098765 43210', [], '098765 43210'],
    ['0812-3456-7890', [], '0812-3456-7890'],
    ['012-345 6789', [], '012-345 6789'],
    // Not a number in the region given either: kept as typed, not forced into the wrong country.
    ['07833 445566', ['HU'], '07833 445566'],
    ['(212) 555-0134', ['GB'], '(212) 555-0134'],
  ])('keeps "%s" (regions %j) as typed, trimmed: %s', (typed, regions, stored) => {
    expect(readPhone(typed, regions)).toBe(stored);
    expect(isCheckedPhone(stored)).toBe(false);
  });

  it('reads a number with its country code whatever the regions', () => {
    for (const regions of [[], ['HU'], ['GB', 'RU'], ['XX']]) {
      expect(readPhone('+44 7833 445566', regions)).toBe('+447833445566');
      expect(readPhone('+7 912 345-67-89', regions)).toBe('+79123456789');
      expect(readPhone('tel:+36-30-123-4567', regions)).toBe('+36301234567');
    }
  });

  it('tries the regions in order and takes the first that reads a valid number', () => {
    // "07833 445566" is a Hornberg landline in Germany and a mobile in the UK.
    expect(readPhone('07833 445566', ['DE', 'GB'])).toBe('+497833445566');
    expect(readPhone('07833 445566', ['GB', 'DE'])).toBe('+447833445566');
    // Not a Hungarian number: the next region reads it.
    expect(readPhone('07833 445566', ['HU', 'GB'])).toBe('+447833445566');
    // A number dialled from abroad with the region's international prefix.
    expect(readPhone('00 44 7833 445566', ['HU'])).toBe('+447833445566');
    // Lower case and unknown codes are no trouble.
    expect(readPhone('06 30 123 4567', ['xx', 'hu'])).toBe('+36301234567');
  });

  it.each<[string, string[], string]>([
    ['020 7946 0958 ext. 102', ['GB'], '+442079460958;ext=102'],
    ['020 7946 0958 x102', ['GB'], '+442079460958;ext=102'],
    ['+44 20 7946 0958 #102', [], '+442079460958;ext=102'],
    ['+442079460958;ext=102', [], '+442079460958;ext=102'],
    ['tel:+442079460958;ext=102', [], '+442079460958;ext=102'],
    ['(212) 555-0134 extension 7', ['US'], '+12125550134;ext=7'],
    ['8 (912) 345-67-89 доб. 102', ['RU'], '+79123456789;ext=102'],
    ['+7 912 345-67-89 доп. 102', [], '+79123456789;ext=102'],
    ['+7 912 345-67-89 (вн. 15)', [], '+79123456789;ext=15'],
    ['06 1 234 5678 mellék 21', ['HU'], '+3612345678;ext=21'],
    ['0812-3456-7890 ekst. 5', ['ID'], '+6281234567890;ext=5'],
    ['03-2142 0000 samb. 12', ['MY'], '+60321420000;ext=12'],
  ])('keeps the extension of "%s" (regions %j): %s', (typed, regions, stored) => {
    expect(readPhone(typed, regions)).toBe(stored);
    expect(isCheckedPhone(stored)).toBe(true);
  });

  it.each(['call reception', 'n/a', '+44 7833 445566 / 445567', '12345', '+441632960000', 'ask for Mr Smith, 020 7946'])('keeps "%s" as typed, not checked', (typed) => {
    for (const regions of [[], ['GB'], ['HU', 'GB', 'US']]) {
      expect(readPhone(typed, regions)).toBe(typed);
      expect(isCheckedPhone(typed)).toBe(false);
    }
  });

  it('reads blank text as no phone', () => {
    expect(readPhone('', ['GB'])).toBe('');
    expect(readPhone('   ', [])).toBe('');
    expect(isCheckedPhone('')).toBe(false);
  });

  it('reads its own output as itself, with or without regions (what the company server does)', () => {
    const typed = ['07833 445566', '020 7946 0958 ext. 102', 'call reception', '06 30 123 4567', '8 (912) 345-67-89 доб. 102', '+441632960000', ''];
    for (const t of typed) {
      for (const regions of [[], ['GB'], ['HU']]) {
        const stored = readPhone(t, regions);
        expect(readPhone(stored, []), `${t} ${regions.join()}`).toBe(stored);
        expect(readPhone(stored, regions), `${t} ${regions.join()}`).toBe(stored);
      }
    }
  });
});

describe('phoneLineKind', () => {
  it.each<[string, string[], ReturnType<typeof phoneLineKind>]>([
    ['07833 445566', ['GB'], 'mobile'],
    ['+44 7833 445566', [], 'mobile'],
    ['020 7946 0958', ['GB'], 'work'],
    ['06 30 123 4567', ['HU'], 'mobile'],
    ['+36 1 234 5678', [], 'work'],
    ['+49 151 23456789', [], 'mobile'],
    ['0800 123 4567', ['GB'], 'work'], // toll-free: a company's line
    ['012-345 6789', ['MY'], 'mobile'],
    // Read in the regions' order, as it is saved: a UK mobile on a Hungarian client's contact.
    ['07833 445566', ['HU', 'GB'], 'mobile'],
    ['07833 445566 ext. 12', ['GB'], 'mobile'],
    // The number does not say.
    ['(212) 555-0134', ['US'], null], // fixed line or mobile
    ['07833 445566', [], null], // no country to read it in
    ['call reception', ['GB'], null],
    ['', ['GB'], null],
  ])('%s in %j: %s', (text, regions, kind) => {
    expect(phoneLineKind(text, regions)).toBe(kind);
  });
});

describe('phoneRegions', () => {
  it('keeps the order, leaves out blanks, unknown codes and repeats, and upper-cases', () => {
    expect(phoneRegions(['', 'hu', undefined, 'GB', 'HU', null, 'XX', 'gb', 'US'])).toEqual(['HU', 'GB', 'US']);
    expect(phoneRegions([])).toEqual([]);
  });
});

describe('phoneSchema', () => {
  it('reads with the regions it is given, and keeps what it cannot read', () => {
    expect(phoneSchema(['GB']).parse(' 07833 445566 ')).toBe('+447833445566');
    expect(phoneSchema([]).parse('07833 445566')).toBe('07833 445566');
    expect(phoneSchema().parse('call reception')).toBe('call reception');
    expect(phoneSchema().parse('+442079460958;ext=102')).toBe('+442079460958;ext=102');
    expect(phoneSchema().parse('')).toBe('');
  });

  it('refuses only what is too long or not text', () => {
    expect(phoneSchema().safeParse('1'.repeat(101)).error?.issues[0]?.message).toBe('too_long');
    expect(phoneSchema().safeParse(5).success).toBe(false);
  });
});

describe('showing a stored phone', () => {
  it('shows a checked number in international form, with its extension', () => {
    expect(formatPhoneInternational('+36301234567')).toBe('+36 30 123 4567');
    expect(formatPhoneInternational('+79123456789;ext=102')).toBe('+7 912 345 67 89 ext. 102');
  });

  it('shows text it could not check exactly as typed', () => {
    expect(formatPhoneInternational('07833 445566')).toBe('07833 445566');
    expect(formatPhoneInternational('+441632960000')).toBe('+441632960000');
    expect(formatPhoneInternational('call reception')).toBe('call reception');
  });

  it('links checked numbers and dialable text, and nothing else', () => {
    expect(phoneHref('+442079460958;ext=102')).toBe('tel:+442079460958;ext=102');
    expect(phoneHref('07833 445566')).toBe('tel:07833445566');
    expect(phoneHref('+44 (0)20 7946')).toBe('tel:+440207946');
    expect(phoneHref('call reception')).toBeNull();
    expect(phoneHref('')).toBeNull();
  });

  it('finds a number by its digits without the extension, and text kept as typed by its digits', () => {
    expect(phoneDigitForms('+442079460958;ext=102')).toEqual(['442079460958', '02079460958', '2079460958']);
    expect(phoneDigitForms('07833 445566')).toEqual(['07833445566']);
    expect(phoneDigitForms('call reception')).toEqual([]);
  });
});
