import { describe, expect, it } from 'vitest';
import { showValue } from './show-value';

describe('showValue', () => {
  it('shows synced values as people read them, never as JSON', () => {
    // As PostgreSQL's jsonb gives an address back: its keys in its own order.
    const address = { city: 'Edinburgh', kind: 'office', region: 'Scotland', street: '1 Head Street', country: 'GB', postcode: 'EH6 1AY' };
    expect(showValue([address], 'addresses')).toBe('1 Head Street, EH6 1AY Edinburgh, Scotland, GB');
    expect(showValue([{ kind: 'mobile', number: '+447700900123' }, { kind: 'work', number: '+441315550100' }], 'phones')).toBe('mobile, +447700900123 · work, +441315550100');
    expect(showValue([{ sha256: 'ab'.repeat(32), name: 'card.jpg', size: 1 }], 'attachments')).toBe('card.jpg');
    expect(showValue(['vip', 'fair-2026'], 'tags')).toBe('vip · fair-2026');
    expect(showValue(12.5, 'discountPct')).toBe('12.5');
    expect(showValue('', 'notes')).toBe('—');
    expect(showValue([], 'tags')).toBe('—');
  });
});
