import { describe, expect, it } from 'vitest';
import { refusedValues, showValue } from './show-value';

describe('showValue', () => {
  it('shows synced values as people read them, never as JSON', () => {
    // As PostgreSQL's jsonb gives an address back: its keys in its own order.
    const address = { city: 'Edinburgh', kind: 'office', region: 'Scotland', street: '1 Head Street', country: 'GB', postcode: 'EH6 1AY' };
    expect(showValue([address], 'addresses')).toBe('1 Head Street, EH6 1AY Edinburgh, Scotland, GB');
    expect(showValue([{ kind: 'mobile', number: '+447700900123' }, { kind: 'work', number: '+441315550100' }], 'phones')).toBe('mobile, +447700900123 · work, +441315550100');
    expect(showValue([{ sha256: 'ab'.repeat(32), name: 'card.jpg', size: 1 }], 'attachments')).toBe('card.jpg');
    expect(showValue(['vip', 'fair-2026'], 'tags')).toBe('vip · fair-2026');
    expect(showValue(12.5, 'discountPct')).toBe('12.5');
    // Numbers and days as the person's format writes them, as a field would show them.
    expect(showValue(1234.5, 'creditLimit', 'ru-RU').replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234,5');
    expect(showValue(1234.5, 'creditLimit', 'en-GB')).toBe('1,234.5');
    expect(showValue('1980-12-07', 'birthday', 'en-GB')).toBe('7 Dec 1980');
    expect(showValue('1980-12-07', 'birthday', 'hu-HU')).toBe('1980. dec. 7.');
    expect(showValue('', 'notes')).toBe('—');
    expect(showValue([], 'tags')).toBe('—');
    // A client's language of offers in itself; one from a newer version by its code.
    expect(showValue('hu', 'language')).toBe('Magyar');
    expect(showValue('pt-BR', 'language')).toBe('pt-BR');
  });
});

describe('refusedValues', () => {
  it('names colleagues, leaves out record ids and the tombstone flag, and cuts long values short', () => {
    const anna = '00000000-0000-4000-8000-000000000003';
    const names = new Map([[anna, 'Anna Berger']]);
    const line = { productId: 'a'.repeat(8), sku: 'QA-013', name: 'Thirteen '.repeat(30), qty: 1, unit: 'pcs' };
    const shown = refusedValues({ clientId: '87060f2c-1111-4222-8333-444455556666', ownerId: anna, number: 'AB-261203-2', lines: [line], _deleted: false }, names);
    expect(shown.map(([f]) => f)).toEqual(['ownerId', 'number', 'lines']);
    expect(shown[0]![1]).toBe('Anna Berger');
    expect(shown[2]![1].length).toBe(161);
    expect(shown[2]![1].endsWith('…')).toBe(true);
    expect(refusedValues({ _deleted: true }, names)).toEqual([['_deleted', 'true']]);
  });
});
