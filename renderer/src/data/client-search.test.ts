import { describe, expect, it } from 'vitest';
import { buildHaystack, sortKey } from '../../../core/search-text';
import type { ClientListRow } from './client-list-row';
import { ClientSearch, NO_FILTERS, type ClientFilters } from './client-search';

function row(i: number, name: string, patch: Partial<ClientListRow> = {}): ClientListRow {
  return {
    id: `id-${i}`,
    name,
    legalName: '',
    city: patch.city ?? 'Budapest',
    country: 'HU',
    status: 'active',
    segment: '',
    ownerId: 'u1',
    tags: [],
    primaryContact: '',
    primaryPhone: '',
    currency: 'HUF',
    balance: 0,
    overdue: 0,
    overdueDays: 0,
    updatedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
    archived: false,
    hay: buildHaystack([name, patch.city ?? 'Budapest', ...(patch.tags ?? [])], [], []),
    key: sortKey(name),
    rev: 1,
    ...patch,
  };
}

const names = ['Alfa Kft', 'Альфа ООО', 'Alma Bt', 'Béta Zrt', 'Борей АО', 'Gamma Trading', 'अल्फा प्राइवेट लिमिटेड', 'Almaty Logistics', 'Delta Sdn Bhd', 'PT Alam Jaya'];

describe('ClientSearch', () => {
  const search = new ClientSearch();
  search.apply(names.map((n, i) => row(i, n, { city: i % 2 ? 'Szeged' : 'Budapest', tags: i % 3 === 0 ? ['vip'] : [], status: i % 4 === 0 ? 'key' : 'active', overdueDays: i, overdue: i * 100 })));
  const names_ = (text: string, filters: ClientFilters = NO_FILTERS, sort: 'name' | 'city' | 'overdue' | 'updated' = 'name') => {
    const r = search.search(text, filters, sort);
    return [...r.positions].map((p) => r.rows[p]!.name);
  };

  it('empty query lists everyone sorted by name, each script in its own order', () => {
    expect(names_('')).toEqual([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
  });

  it('matches across scripts and diacritics', () => {
    expect(names_('alfa')).toEqual(['Alfa Kft', 'Альфа ООО']);
    // A Cyrillic query also finds the Latin spelling: search is script-insensitive.
    expect(names_('альф')).toEqual(['Alfa Kft', 'Альфа ООО']);
    expect(names_('альфа ооо')).toEqual(['Альфа ООО']);
    expect(names_('beta')).toEqual(['Béta Zrt']);
    expect(names_('अल्फा')).toEqual(['अल्फा प्राइवेट लिमिटेड']);
  });

  it('filters combine with the query', () => {
    expect(names_('al', { ...NO_FILTERS, city: 'Szeged' })).toEqual(['Almaty Logistics', 'PT Alam Jaya', 'Альфа ООО']);
    expect(names_('', { ...NO_FILTERS, tags: ['vip'] })).toHaveLength(4);
    expect(names_('', { ...NO_FILTERS, statuses: ['key'] })).toEqual(['Alfa Kft', 'Delta Sdn Bhd', 'Борей АО']);
  });

  it('sorts by most overdue', () => {
    expect(names_('', NO_FILTERS, 'overdue')[0]).toBe('PT Alam Jaya');
  });

  it('typing on narrows previous results and gives the same answer as a fresh search', () => {
    const typed = 'alma bt';
    for (let i = 1; i <= typed.length; i++) {
      const incremental = names_(typed.slice(0, i));
      const fresh = new ClientSearch();
      fresh.apply(names.map((n, j) => row(j, n, { city: j % 2 ? 'Szeged' : 'Budapest' })));
      const r = fresh.search(typed.slice(0, i), NO_FILTERS, 'name');
      expect(incremental).toEqual([...r.positions].map((p) => r.rows[p]!.name));
    }
    // Deleting letters widens again.
    expect(names_('alm')).toEqual(['Alma Bt', 'Almaty Logistics']);
  });

  it('replaces a changed row instead of adding it twice', () => {
    const s = new ClientSearch();
    s.apply([row(1, 'One'), row(2, 'Two')]);
    s.apply([row(1, 'Uno')]);
    expect(s.size).toBe(2);
    const r = s.search('uno', NO_FILTERS, 'name');
    expect(r.positions).toHaveLength(1);
  });
});
