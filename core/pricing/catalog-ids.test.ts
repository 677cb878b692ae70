import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { priceListEntryId, priceTypeGroupDiscountId } from './catalog-ids';

const P = '0b6f2c8e-4a43-4d8e-9f5e-3c2a1b0d9e8f';

describe('catalog record ids', () => {
  it('are UUIDs derived from the key: the same key, the same id', () => {
    const id = priceListEntryId(P, 'dealer', 'HUF');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(priceListEntryId(P.toUpperCase(), 'dealer', 'huf')).toBe(id);
    expect(priceListEntryId(P, 'dealer', 'EUR')).not.toBe(id);
    expect(priceListEntryId(P, 'retail', 'HUF')).not.toBe(id);
    expect(priceTypeGroupDiscountId('dealer', P)).not.toBe(id);
  });

  it('do not repeat over many keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(priceListEntryId(`${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`, 'retail', 'GBP'));
    expect(ids.size).toBe(50_000);
  });
});
