import { describe, expect, it } from 'vitest';
import { Rng } from './demo-data/prng';
import { gstin, hungarianTaxNumber, innOrganisation, npwp, ssmNumber, ukVat, usEin } from './demo-data/tax-ids';
import { taxIdProblem } from './tax-id';

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
    ['DE', 'DE123456789', null],
    ['', 'anything', null],
    ['RU', '   ', null],
  ])('%s %s', (country, taxId, problem) => {
    expect(taxIdProblem(taxId, country)).toBe(problem);
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
