import { describe, expect, it } from 'vitest';
import { blankClientInput, clientCountry, clientInputSchema } from './client-model';

const OWNER = '00000000-0000-4000-8000-000000000003';

describe('clientInputSchema', () => {
  it('stores no address row left empty, and keeps every row that says anything', () => {
    const empty = { kind: 'office', street: '', city: '', postcode: '', region: '', country: '' } as const;
    const parsed = clientInputSchema.parse({
      ...blankClientInput(OWNER),
      name: 'Harbour Fixings',
      addresses: [empty, { ...empty, kind: 'delivery', city: '  Leith ' }, { ...empty, street: '   ' }, { ...empty, kind: 'legal', country: 'GB' }],
    });
    expect(parsed.addresses).toEqual([
      { ...empty, kind: 'delivery', city: 'Leith' },
      { ...empty, kind: 'legal', country: 'GB' },
    ]);
  });
});

describe('clientCountry', () => {
  it('is the legal address’s country, else the first that names one', () => {
    expect(clientCountry([{ kind: 'office', country: 'HU' }, { kind: 'legal', country: 'AT' }])).toBe('AT');
    expect(clientCountry([{ kind: 'office', country: '' }, { kind: 'delivery', country: 'IN' }])).toBe('IN');
    expect(clientCountry([{ kind: 'legal', country: '' }])).toBe('');
    expect(clientCountry(undefined)).toBe('');
  });
});
