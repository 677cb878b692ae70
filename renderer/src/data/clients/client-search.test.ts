import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateClientBatch } from '../../../../core/demo-data';
import { buildHaystack, sortKey } from '../../../../core/search-text';
import { buildClientListRow, goneClientRow, type ClientListRow } from './client-list-row';
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

  it('cleared, it forgets every row, its revision and its orders, and loads again', () => {
    const s = new ClientSearch();
    s.apply([row(1, 'One', { rev: 5 }), row(2, 'Two', { rev: 6 })]);
    expect(s.search('', NO_FILTERS, 'name').positions).toHaveLength(2);
    s.clear();
    expect([s.size, s.maxRev, s.search('one', NO_FILTERS, 'name').positions.length]).toEqual([0, 0, 0]);
    s.load([row(3, 'Three')], 2);
    expect(s.search('', NO_FILTERS, 'name').positions).toHaveLength(1);
    expect(s.maxRev).toBe(2);
  });
});

describe('ClientSearch with word-prefix lists', () => {
  /** Demo rows: Latin, Cyrillic and Devanagari names, contacts, phones, archived clients. */
  const { clients, contacts } = generateClientBatch({ seed: DEMO_SEED, start: 0, count: 1500 });
  // Every seventh client archived: the usual view leaves them out, the archive view shows only them.
  const demo = clients.map((c, i) => ({ ...buildClientListRow(c, contacts.filter((k) => k.clientId === c.id), 1), archived: i % 7 === 0 }));
  const queries = [
    ...['a', 'k', 'и', 'ш', 'श', 'ko', 'tr', 'ив', 'ша', 'kov', 'ugy', 'ива', 'шарм', 'शर्', 'sha', 'shar', 'sharma', 'शर्मा', 'romashka', 'пт', 'sdn bhd', 'kft bu', 'kov bud'],
    ...demo.slice(0, 40).flatMap((r) => [r.name.slice(0, 1), r.name.slice(0, 4), r.name.split(' ').slice(-1)[0]!, `${r.city.slice(0, 2)} ${r.name.slice(0, 2)}`]),
    ...['36 30', '+7 9', 'zzqq', 'a zzqq', 'a 12', '0630', '+36 30 1', '123', '7 91', '0000000', '99'],
    ...demo.slice(0, 20).flatMap((r) => (r.primaryPhone ? [r.primaryPhone.slice(0, 6), r.primaryPhone.slice(-5)] : [])),
  ];
  const ids = (s: ClientSearch, text: string, filters = NO_FILTERS, sort: 'name' | 'city' | 'overdue' | 'updated' = 'name') => {
    const r = s.search(text, filters, sort);
    return [...r.positions].map((p) => r.rows[p]!.id);
  };
  const pair = (rows: ClientListRow[]) => {
    const scan = new ClientSearch();
    scan.apply(rows);
    const indexed = new ClientSearch();
    indexed.apply(rows);
    while (!indexed.buildIndex(300)); // in slices, as the app does
    return { scan, indexed };
  };

  it('finds exactly what the full scan finds, for every query, filter and sort', () => {
    const { scan, indexed } = pair(demo);
    expect(indexed.needsIndex).toBe(false);
    const filters: ClientFilters[] = [NO_FILTERS, { ...NO_FILTERS, statuses: ['key', 'active'] }, { ...NO_FILTERS, archived: true }];
    for (const q of queries) {
      for (const f of filters) expect(ids(indexed, q, f), `${q} ${JSON.stringify(f)}`).toEqual(ids(scan, q, f));
      expect(ids(indexed, q, NO_FILTERS, 'overdue'), q).toEqual(ids(scan, q, NO_FILTERS, 'overdue'));
    }
    expect(ids(indexed, 'a').length).toBeGreaterThan(100); // the queries do find things
  });

  it('stays exact after edits, additions and removals made since the lists were built', () => {
    const { scan, indexed } = pair(demo);
    const changes = [
      { ...demo[3]!, name: 'Zyxel Renamed Kft', hay: buildHaystack(['Zyxel Renamed Kft'], [], []), key: sortKey('Zyxel Renamed Kft'), rev: 2 },
      goneClientRow(demo[10]!.id, 2),
      goneClientRow(demo[demo.length - 1]!.id, 2),
      row(9001, 'Ромашка Новая', { rev: 2 }),
    ];
    for (const s of [scan, indexed]) s.apply(changes);
    expect(indexed.needsIndex).toBe(false); // a few changes are checked, not rebuilt
    for (const q of [...queries, 'zyx', 'zy', 'z', 'ром', 'ro']) expect(ids(indexed, q), q).toEqual(ids(scan, q));
  });

  it('drops the lists when many rows change, until they are built again', () => {
    const { indexed } = pair(demo);
    indexed.apply(demo.map((r) => ({ ...r, rev: 3 })).concat(demo.slice(0, 600).map((r) => ({ ...r, id: `${r.id}-copy`, rev: 3 }))));
    expect(indexed.needsIndex).toBe(true);
    expect(indexed.buildIndex()).toBe(true);
    expect(ids(indexed, 'a').length).toBeGreaterThan(100);
  });
});
