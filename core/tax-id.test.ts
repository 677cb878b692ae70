import { describe, expect, it } from 'vitest';
import { Rng } from './demo-data/prng';
import { gstin, hungarianTaxNumber, innOrganisation, npwp, ssmNumber, ukVat, usEin } from './demo-data/tax-ids';
import { checkTaxId, taxIdProblem } from './tax-id';

describe('taxIdProblem', () => {
  it.each<[string, string, ReturnType<typeof taxIdProblem>]>([
    // Real, published numbers.
    ['RU', '7707083893', null], // Sberbank's ИНН
    ['RU', '7736207543', null], // Yandex's
    ['RU', '7707083894', 'check_digit'],
    ['RU', '500100732259', null], // a person's 12-digit ИНН (the FNS sample)
    ['RU', '500100732258', 'check_digit'],
    ['RU', '12345', 'format'],
    ['HU', '12345676-2-41', null],
    ['HU', 'HU12345676', null],
    ['HU', '12345677-2-41', 'check_digit'],
    ['HU', '12345676-9-41', 'format'],
    ['IN', '27AAPFU0939F1ZV', null],
    ['IN', '27AAPFU0939F1ZW', 'check_digit'],
    ['IN', '27AAPFU0939F1Z', 'format'],
    ['ID', '01.234.567.8-901.000', null],
    ['ID', '3201234567890001', null],
    ['ID', '01.234.567', 'format'],
    ['MY', '201901012345', null],
    ['MY', '123456-X', null],
    ['MY', '201909012345', 'format'],
    ['GB', 'GB 980 7806 84', null], // HMRC's own
    ['GB', 'GB980780685', 'check_digit'],
    ['GB', 'GBGD001', null],
    ['GB', 'GB12345', 'format'],
    ['US', '12-3456789', null],
    ['US', '07-3456789', 'format'],
    // No rule for the country, or nothing typed: nothing to say.
    ['DE', '123456789', null],
    ['FR', 'SIREN 303 265 045', null],
    ['', 'anything', null],
    ['RU', '   ', null],
  ])('%s %s', (country, taxId, problem) => {
    expect(taxIdProblem(taxId, country)).toBe(problem);
  });

  it.each<[string, string, ReturnType<typeof checkTaxId>]>([
    // The field test: a German VAT number on a UK client is checked as German, and said to be.
    ['GB', 'DE136695976', { country: 'DE', vatPrefix: 'DE', problem: null, otherCountry: true }],
    ['GB', 'DE 136 695 977', { country: 'DE', vatPrefix: 'DE', problem: 'check_digit', otherCountry: true }],
    ['GB', 'DE123456789', { country: 'DE', vatPrefix: 'DE', problem: 'check_digit', otherCountry: true }],
    ['GB', 'HU12345676', { country: 'HU', vatPrefix: 'HU', problem: null, otherCountry: true }],
    ['GB', 'HU12345678', { country: 'HU', vatPrefix: 'HU', problem: 'check_digit', otherCountry: true }],
    ['GB', 'GB980780684', { country: 'GB', vatPrefix: 'GB', problem: null, otherCountry: false }],
    ['GB', '980780684', { country: 'GB', vatPrefix: null, problem: null, otherCountry: false }],
    ['DE', 'DE136695976', { country: 'DE', vatPrefix: 'DE', problem: null, otherCountry: false }],
    ['', 'DE136695976', { country: 'DE', vatPrefix: 'DE', problem: null, otherCountry: false }],
    ['HU', 'ATU13585627', { country: 'AT', vatPrefix: 'AT', problem: null, otherCountry: true }],
    // Greece's prefix is EL; Northern Ireland's XI is a UK number.
    ['GR', 'EL094259216', { country: 'GR', vatPrefix: 'EL', problem: null, otherCountry: false }],
    ['GB', 'XI980780684', { country: 'GB', vatPrefix: 'XI', problem: null, otherCountry: false }],
    // A country's own rule where there is no prefix; words that begin like one are no VAT number.
    ['RU', 'DE-7707083893', { country: 'DE', vatPrefix: 'DE', problem: 'format', otherCountry: true }],
    ['RU', '7707083893', { country: 'RU', vatPrefix: null, problem: null, otherCountry: false }],
    ['GB', 'Deferred', { country: 'GB', vatPrefix: null, problem: 'format', otherCountry: false }],
    ['US', 'ITIN pending', { country: 'US', vatPrefix: null, problem: 'format', otherCountry: false }],
    ['DE', 'Deferred', null],
  ])('a client in %j with %j', (country, taxId, check) => {
    expect(checkTaxId(taxId, country)).toEqual(check);
  });

  it.each([
    // Published numbers (the EU's and national registers' examples, companies' letterheads).
    'ATU13585627', 'BE0403170701', 'DE136695976', 'ESA28015865', 'FR40303265045', 'IT00743110157', 'NL004495445B01', 'PL5260250274',
    // Valid under each country's check digits (as python-stdnum computes them), one a country.
    'BE0492833937', 'CY26437879W', 'DK89027349', 'EE103565235', 'EL727022501', 'FI27391451', 'HR20969735215', 'IE7989105S',
    'LU47398762', 'MT64189509', 'NL022541111B01', 'PT394988515', 'SE613760518101', 'SI65783620', 'SK5926684874',
  ])('passes the VAT number %s on a client of any country, and fails it with one digit changed where a check digit exists', (taxId) => {
    const check = checkTaxId(taxId, 'GB');
    expect(check?.problem).toBeNull();
    expect(check?.vatPrefix).toBe(taxId.slice(0, 2));
    const i = [...taxId].findIndex((c, at) => /\d/.test(c) && at >= 5); // a digit of the number itself
    const changed = taxId.slice(0, i) + ((Number(taxId[i]) + 1) % 10) + taxId.slice(i + 1);
    if (!/^(ES|IE|CY)/.test(taxId)) expect(checkTaxId(changed, 'GB')?.problem, changed).toBe('check_digit');
  });

  it('passes every number the demo data makes, and fails each with one digit changed where a check digit exists', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 200; i++) {
      const made: [string, string][] = [
        ['RU', innOrganisation(rng, '77')],
        ['HU', hungarianTaxNumber(rng, '41')],
        ['IN', gstin(rng, '27', 'A', 'C')],
        ['ID', npwp(rng)],
        ['MY', ssmNumber(rng, 2019, '01')],
        ['GB', ukVat(rng)],
        ['US', usEin(rng)],
      ];
      for (const [country, id] of made) expect(taxIdProblem(id, country), `${country} ${id}`).toBeNull();
      const [, inn] = made[0]!;
      const changed = inn.slice(0, 3) + ((Number(inn[3]) + 1) % 10) + inn.slice(4);
      expect(taxIdProblem(changed, 'RU')).toBe('check_digit');
    }
  });
});
